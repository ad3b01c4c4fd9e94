package io.hcdjg.cockpit.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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

    private static void create(Path file) throws IOException {
        dirs(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, FILE_MODE);
        } catch (FileAlreadyExistsException kept) {
            // written in place, its mode as it is
        }
    }
}
