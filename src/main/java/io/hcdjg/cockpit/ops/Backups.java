package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.config.PrivateFiles;
import io.hcdjg.cockpit.config.RunbookConfig;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionOutcome.Status;
import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.podman.HostTools;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.hcdjg.cockpit.ops.BackupSteps.HCD;
import static io.hcdjg.cockpit.ops.BackupSteps.STEP_TIMEOUT;

/**
 * Runbook §6 done with the stack's real names and paths (stack-reference §4.6): {@code nodetool snapshot} with a tag in
 * the hcd-server container, the snapshot copied out with {@code podman cp}, packed as tar.gz with the keyspace's
 * schema, optionally encrypted with gpg, old backups removed; restore into the running node ({@link BackupRestore}:
 * {@code TRUNCATE} then {@code nodetool import}) with the rest of the stack stopped, then health verified. Every
 * process and outcome goes to the audit log ({@link BackupSteps}).
 */
public final class Backups {
    /**
     * {@code hcd-<project>-<keyspace>-<stamp>.tar.gz[.gpg]}: a keyspace name has no '-', so the project is what is
     * left. A name without a project (an earlier cockpit's) is listed, and never removed by retention.
     */
    private static final Pattern NAME = Pattern.compile(
            "hcd-(?:(.+)-)?([A-Za-z0-9_]+)-(\\d{8}T\\d{6}Z)\\.tar\\.gz(\\.gpg)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Podman podman;
    private final String project;
    private final RunbookConfig config;
    private final ServiceConfig hcd;
    private final Path dir;
    private final Clock clock;
    private final BackupSteps steps;
    private final BackupRestore restore;

    /** @param host tar and gpg */
    public Backups(Podman podman, HostTools host, String connectionLabel, String project, RunbookConfig config,
                   ServiceConfig hcd, Path dir, AuditLog audit, Verifier verifier, Clock clock) {
        this.podman = podman;
        this.project = project;
        this.config = config;
        this.hcd = hcd;
        this.dir = dir;
        this.clock = clock;
        this.steps = new BackupSteps(podman, host, connectionLabel, project, config, hcd, audit);
        this.restore = new BackupRestore(podman, steps, project, hcd, dir, verifier);
    }

    public Path dir() {
        return dir;
    }

    /** The backups in the directory, newest first. */
    public List<BackupInfo> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BackupInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                Instant at = m.matches() ? stamp(m.group(3)) : null;
                if (at != null) {
                    out.add(new BackupInfo(f, m.group(2), at, Files.size(f), m.group(4) != null));
                }
            }
        }
        out.sort(Comparator.comparing(BackupInfo::createdAt).reversed());
        return out;
    }

    /** A backup name's time; null for a name that only looks like one of ours (20261399T...): not our file. */
    private static Instant stamp(String text) {
        try {
            return STAMP.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Snapshot, copy out, pack, encrypt when configured, drop old backups. */
    public ActionOutcome backup(Consumer<String> progress) throws IOException {
        String action = "backup " + HCD;
        steps.started(action);
        Instant now = clock.instant();
        String stamp = STAMP.format(now);
        String tag = "cockpit-" + stamp;
        String ks = config.keyspace();
        Path staging = null;
        try {
            ContainerInfo c = steps.hcdContainer();
            if (c == null) {
                return steps.end(action, Status.REFUSED, "no running " + HCD + " container in " + project);
            }
            PrivateFiles.dirs(dir);
            long need = headroom(c, ks, progress);
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < need) {
                return steps.end(action, Status.REFUSED, "not enough room in " + dir + ": " + mb(free) + " free, "
                        + mb(need) + " needed (2.5 × the keyspace's " + mb(need * 2 / 5) + ")");
            }
            String keyspaceCql;
            try (CqlAdmin cql = new CqlAdmin(hcd, Duration.ofSeconds(20))) {
                keyspaceCql = cql.keyspaceCql(ks).orElse(null);
            }
            if (keyspaceCql == null) {
                return steps.end(action, Status.REFUSED, "keyspace " + ks + " does not exist on " + HCD);
            }
            progress.accept("nodetool snapshot -t " + tag + " " + ks + " in " + c.name());
            steps.step(action, steps.nodetool(c, "snapshot", "-t", tag, ks));
            staging = Files.createTempDirectory(dir, ".staging-");
            progress.accept("podman cp " + c.name() + ":" + config.hcdDataDir() + "/" + ks);
            steps.step(action, podman.copyOut(c.name(), config.hcdDataDir() + "/" + ks, staging.resolve("copied"),
                    STEP_TIMEOUT));
            Path archive = staging.resolve("archive");
            List<String> tables = collect(staging.resolve("copied"), archive.resolve(ks), tag);
            Files.writeString(archive.resolve("keyspace.cql"), keyspaceCql + "\n");
            ObjectNode meta = JSON.createObjectNode().put("project", project).put("keyspace", ks).put("tag", tag)
                    .put("createdAt", now.toString()).put("container", c.name()).put("dataDir", config.hcdDataDir());
            meta.set("tables", JSON.valueToTree(tables));
            Files.writeString(archive.resolve("backup.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
            // Packed and encrypted in the staging folder (0700, removed whatever happens): the plain archive never
            // reaches the backup folder when it is to be encrypted, and no half-written file ever does.
            Path out = staging.resolve("hcd-" + project + "-" + ks + "-" + stamp + ".tar.gz");
            progress.accept("packing " + tables.size() + " tables into " + out.getFileName());
            steps.step(action, steps.tool(List.of("tar", "-czf", out.toString(), "-C", archive.toString(), ".")));
            String encryption;
            if (config.gpgRecipient().isBlank()) {
                encryption = "not encrypted (runbook.gpgRecipient is empty)";
            } else {
                progress.accept("gpg --encrypt --recipient " + config.gpgRecipient());
                Path gpg = Path.of(out + ".gpg");
                steps.step(action, steps.tool(steps.gpg("--trust-model", "always", "--recipient",
                        config.gpgRecipient(), "--output", gpg.toString(), "--encrypt", out.toString())));
                out = gpg;
                encryption = "encrypted to " + config.gpgRecipient();
            }
            PrivateFiles.restrict(out);
            out = Files.move(out, dir.resolve(out.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            progress.accept(encryption);
            progress.accept("nodetool clearsnapshot -t " + tag);
            steps.step(action, steps.nodetool(c, "clearsnapshot", "-t", tag, "--", ks));
            List<String> removed = retention(now, out);
            removed.forEach(r -> progress.accept("removed " + r + " (older than " + config.retentionDays() + " days)"));
            BackupInfo written = new BackupInfo(out, ks, now, Files.size(out), out.toString().endsWith(".gpg"));
            return steps.end(action, Status.DONE, out.getFileName() + " (" + written.size() + ", " + tables.size()
                    + " tables, " + encryption + ")"
                    + (removed.isEmpty() ? "" : "; removed " + removed.size() + " old"));
        } catch (ProcessException | RuntimeException e) {
            return steps.end(action, Status.FAILED, String.valueOf(e.getMessage()));
        } finally {
            BackupSteps.delete(staging);
        }
    }

    /** What a backup needs on the backup disk: the keyspace copied out once plus its archive, with room to spare. */
    private long headroom(ContainerInfo c, String ks, Consumer<String> progress) throws ProcessException, IOException {
        ProcessResult du = steps.step("backup " + HCD, podman.exec(c.name(), List.of("du", "-sk",
                config.hcdDataDir() + "/" + ks), STEP_TIMEOUT, null));
        long bytes = Long.parseLong(du.stdout().strip().split("\\s+")[0]) * 1024;
        progress.accept("keyspace " + ks + ": " + mb(bytes) + " on disk");
        return bytes * 5 / 2;
    }

    /** From the copied keyspace directory, only the tagged snapshot of each table: {@code <ks>/<table-id>/files}. */
    static List<String> collect(Path copied, Path into, String tag) throws IOException {
        List<String> tables = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(copied)) {
            for (Path table : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path snap = table.resolve("snapshots").resolve(tag);
                if (!Files.isDirectory(snap)) {
                    continue;
                }
                Path to = into.resolve(table.getFileName());
                Files.createDirectories(to);
                try (Stream<Path> files = Files.list(snap)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, to.resolve(f.getFileName()));
                    }
                }
                tables.add(table.getFileName().toString());
            }
        }
        return tables;
    }

    /** Removes this project's backups older than the retention; another project's in a shared folder are not ours. */
    private List<String> retention(Instant now, Path keep) throws IOException {
        List<String> removed = new ArrayList<>();
        for (BackupInfo b : list()) {
            Matcher m = NAME.matcher(b.file().getFileName().toString());
            boolean ours = m.matches() && project.equals(m.group(1));
            if (ours && !b.file().equals(keep)
                    && b.createdAt().isBefore(now.minus(Duration.ofDays(config.retentionDays())))) {
                Files.delete(b.file());
                removed.add(b.file().getFileName().toString());
            }
        }
        return removed;
    }

    /**
     * Restores a backup into hcd-server: only after {@code confirm} equals the project name; the rest of the stack is
     * stopped first (nothing writes meanwhile) and started again after, and every stopped service's health verified.
     */
    public ActionOutcome restore(Path file, String confirm, Consumer<String> progress) throws IOException {
        return restore.restore(file, confirm, progress);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
