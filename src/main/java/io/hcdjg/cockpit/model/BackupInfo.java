package io.hcdjg.cockpit.model;

import java.nio.file.Path;
import java.time.Instant;

/** One backup archive in the backup directory. */
public record BackupInfo(Path file, String keyspace, Instant createdAt, long bytes, boolean encrypted) {
}
