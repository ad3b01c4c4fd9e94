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

    /**
     * Gives {@code file} a second name, the first of {@code name}, {@code 2-name}, {@code 3-name} ... not taken
     * beside it (a copy where links are not supported), for a rotation: what is written to the file until it is
     * replaced is in the archive too.
     */
    public static Path archive(Path file, String name) throws IOException {
        for (int n = 1; ; n++) {
            Path archive = file.resolveSibling(n == 1 ? name : n + "-" + name);
            try {
                try {
                    Files.createLink(archive, file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    if (e instanceof FileAlreadyExistsException) {
                        throw (FileAlreadyExistsException) e;
                    }
                    Files.copy(file, archive);
                }
                return archive;
            } catch (FileAlreadyExistsException taken) {
                // the next number
            }
        }
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
