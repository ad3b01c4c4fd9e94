package io.hcdjg.cockpit.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.Set;

/**
 * The files the cockpit writes (audit log, incident store and reports, daily reports, checklists, maintenance state,
 * backups) hold the stack's history and its data: they are created readable by the operator only (0600) in folders
 * of the operator only (0700), whatever the umask. A folder that already exists keeps its mode: the operator chose it.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<?> FILE_MODE = PosixFilePermissions.asFileAttribute(FILE);
    private static final FileAttribute<?> DIR_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private PrivateFiles() {
    }

    /** Creates {@code dir} and any missing parent as 0700; returns it. */
    public static Path dirs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, DIR_MODE);
        }
        return dir;
    }

    /** Opens {@code file}, created 0600 (and its folder 0700) when missing. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        dirs(file.toAbsolutePath().getParent());
        return FileChannel.open(file, Set.of(options), FILE_MODE);
    }

    /** Writes {@code text} as the whole of {@code file}, created 0600 when missing. */
    public static Path write(Path file, String text) throws IOException {
        create(file);
        return Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Appends {@code text} to {@code file}, created 0600 when missing. */
    public static Path append(Path file, String text) throws IOException {
        create(file);
        return Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** A file another program made (tar, gpg): 0600 from now on. */
    public static void restrict(Path file) throws IOException {
        Files.setPosixFilePermissions(file, FILE);
    }

    /**
     * The file's identity (device and inode), null when it does not exist: a file replaced or rotated under the same
     * name has another. On a file system without identities, the same placeholder for every file.
     */
    public static Object identity(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : "no-file-identities";
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** A rotated file: where it is and the stamp its name carries. */
    public record Archive(Path path, String stamp) {
    }

    /** Removes a folder and everything in it; nothing when it is not there. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /**
     * Gives {@code file} a second name, {@code BASE-STAMP.EXT} beside it ({@code 2-BASE-STAMP.EXT}, {@code 3-…} when
     * taken; a copy where links are not supported), for a rotation: what is written to the file until it is replaced
     * is in the archive too.
     */
    public static Path archive(Path file, String stamp) throws IOException {
        String name = stamped(file, stamp);
        for (int n = 1; ; n++) {
            Path archive = file.resolveSibling(n == 1 ? name : n + "-" + name);
            try {
                Files.createLink(archive, file);
                return archive;
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                // copied instead, below
            }
            try {
                return Files.copy(file, archive);
            } catch (FileAlreadyExistsException taken) {
                // the next number
            }
        }
    }

    /** The archives {@link #archive} made of {@code file} whose stamps match {@code stamp}, newest first. */
    public static List<Archive> archives(Path file, String stamp) throws IOException {
        String[] name = baseAndExtension(file);
        Pattern named = Pattern.compile("(?:(\\d+)-)?" + Pattern.quote(name[0] + "-") + "(" + stamp + ")"
                + Pattern.quote(name[1]));
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        record Numbered(Archive archive, int number) {
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> Map.entry(f, named.matcher(f.getFileName().toString())))
                    .filter(e -> e.getValue().matches())
                    .map(e -> new Numbered(new Archive(e.getKey(), e.getValue().group(2)),
                            e.getValue().group(1) == null ? 1 : Integer.parseInt(e.getValue().group(1))))
                    .sorted(Comparator.comparing((Numbered x) -> x.archive().stamp())
                            .thenComparingInt(Numbered::number).reversed())
                    .map(Numbered::archive).toList();
        }
    }

    /** {@code audit.jsonl} → {@code audit-STAMP.jsonl}. */
    private static String stamped(Path file, String stamp) {
        String[] name = baseAndExtension(file);
        return name[0] + "-" + stamp + name[1];
    }

    /** {@code audit.jsonl} → {@code audit}, {@code .jsonl}. */
    private static String[] baseAndExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? new String[] {name.substring(0, dot), name.substring(dot)} : new String[] {name, ""};
    }

    private static void create(Path file) throws IOException {
        dirs(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, FILE_MODE);
        } catch (FileAlreadyExistsException kept) {
            // written in place, its mode as it is
        }
    }
}
