package io.hcdjg.cockpit.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** One backup archive in the backup directory. */
public record BackupInfo(Path file, String keyspace, Instant createdAt, long bytes, boolean encrypted) {

    /** "840 KB", "12.3 MB", "1.2 GB". */
    public String size() {
        if (bytes < 1_000_000) {
            return Math.max(1, Math.round(bytes / 1e3)) + " KB";
        }
        return bytes < 1_000_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
