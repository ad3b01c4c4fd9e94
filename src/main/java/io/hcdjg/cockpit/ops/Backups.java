package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runbook §6 done with the stack's real names and paths (stack-reference §4.6): {@code nodetool snapshot} with a tag in
 * the hcd-server container, the snapshot copied out with {@code podman cp}, packed as tar.gz with the keyspace's schema,
 * optionally encrypted with gpg, old backups removed; restore into the running node ({@code TRUNCATE} then
 * {@code nodetool import}) with the rest of the stack stopped, then health verified. Every process and outcome goes to
 * the audit log.
 */
public final class Backups {
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(30);
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Pattern NAME = Pattern.compile("hcd-(.+)-(\\d{8}T\\d{6}Z)\\.tar\\.gz(\\.gpg)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String HCD = "hcd-server";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Podman podman;
    private final HostTools host;
    private final String connectionLabel;
    private final String project;
    private final RunbookConfig config;
    private final ServiceConfig hcd;
    private final Path dir;
    private final AuditLog audit;
    private final Verifier verifier;
    private final Clock clock;

    /** @param host tar and gpg */
    public Backups(Podman podman, HostTools host, String connectionLabel, String project, RunbookConfig config,
                   ServiceConfig hcd, Path dir, AuditLog audit, Verifier verifier, Clock clock) {
        this.podman = podman;
        this.host = host;
        this.connectionLabel = connectionLabel;
        this.project = project;
        this.config = config;
        this.hcd = hcd;
        this.dir = dir;
        this.audit = audit;
        this.verifier = verifier;
        this.clock = clock;
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
                if (m.matches()) {
                    out.add(new BackupInfo(f, m.group(1), STAMP.parse(m.group(2), Instant::from), Files.size(f),
                            m.group(3) != null));
                }
            }
        }
        out.sort(Comparator.comparing(BackupInfo::createdAt).reversed());
        return out;
    }

    /** One step of an action: the process that ran is recorded, and a failure ends the action with its stderr. */
    private ProcessResult step(String action, ProcessResult r) throws ProcessException, IOException {
        audit.process(connectionLabel, action, r);
        if (!r.ok()) {
            throw new ProcessException.Failed(r);
        }
        return r;
    }

    private ActionOutcome end(String action, Status status, String message) throws IOException {
        audit.outcome(connectionLabel, action, status.name().toLowerCase(java.util.Locale.ROOT), message);
        return new ActionOutcome(status, audit.redaction().text(message), List.of());
    }

    private ContainerInfo hcdContainer() throws ProcessException {
        if (hcd == null) {
            throw new ProcessException(List.of("podman"), HCD + " is not a configured service (services: in the config)");
        }
        return podman.containers(project).stream().filter(c -> c.service().equals(HCD) && c.running()).findFirst()
                .orElse(null);
    }

    private ProcessResult nodetool(ContainerInfo c, String... args) throws ProcessException {
        List<String> command = new ArrayList<>(config.nodetool());
        command.addAll(List.of(args));
        return podman.exec(c.name(), command, STEP_TIMEOUT, null);
    }

    /** tar or gpg, here. */
    private ProcessResult tool(List<String> argv) throws ProcessException {
        return host.runAllowingFailure(argv, STEP_TIMEOUT, null);
    }

    /** Snapshot, copy out, pack, encrypt when configured, drop old backups. */
    public ActionOutcome backup(Consumer<String> progress) throws IOException {
        String action = "backup " + HCD;
        audit.started(connectionLabel, action);
        Instant now = clock.instant();
        String stamp = STAMP.format(now);
        String tag = "cockpit-" + stamp;
        String ks = config.keyspace();
        Path staging = null;
        try {
            ContainerInfo c = hcdContainer();
            if (c == null) {
                return end(action, Status.REFUSED, "no running " + HCD + " container in " + project);
            }
            Files.createDirectories(dir);
            long need = headroom(c, ks, progress);
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < need) {
                return end(action, Status.REFUSED, "not enough room in " + dir + ": " + mb(free) + " free, "
                        + mb(need) + " needed (2.5 × the keyspace's " + mb(need * 2 / 5) + ")");
            }
            String keyspaceCql;
            try (CqlAdmin cql = new CqlAdmin(hcd, Duration.ofSeconds(20))) {
                keyspaceCql = cql.keyspaceCql(ks).orElse(null);
            }
            if (keyspaceCql == null) {
                return end(action, Status.REFUSED, "keyspace " + ks + " does not exist on " + HCD);
            }
            progress.accept("nodetool snapshot -t " + tag + " " + ks + " in " + c.name());
            step(action, nodetool(c, "snapshot", "-t", tag, ks));
            staging = Files.createTempDirectory(dir, ".staging-");
            progress.accept("podman cp " + c.name() + ":" + config.hcdDataDir() + "/" + ks);
            step(action, podman.copyOut(c.name(), config.hcdDataDir() + "/" + ks, staging.resolve("copied"),
                    STEP_TIMEOUT));
            Path archive = staging.resolve("archive");
            List<String> tables = collect(staging.resolve("copied"), archive.resolve(ks), tag);
            Files.writeString(archive.resolve("keyspace.cql"), keyspaceCql + "\n");
            ObjectNode meta = JSON.createObjectNode().put("project", project).put("keyspace", ks).put("tag", tag)
                    .put("createdAt", now.toString()).put("container", c.name()).put("dataDir", config.hcdDataDir());
            meta.set("tables", JSON.valueToTree(tables));
            Files.writeString(archive.resolve("backup.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
            Path out = dir.resolve("hcd-" + ks + "-" + stamp + ".tar.gz");
            progress.accept("packing " + tables.size() + " tables into " + out.getFileName());
            step(action, tool(List.of("tar", "-czf", out.toString(), "-C", archive.toString(), ".")));
            String encryption;
            if (config.gpgRecipient().isBlank()) {
                encryption = "not encrypted (runbook.gpgRecipient is empty)";
            } else {
                progress.accept("gpg --encrypt --recipient " + config.gpgRecipient());
                Path gpg = Path.of(out + ".gpg");
                step(action, tool(gpg("--trust-model", "always", "--recipient", config.gpgRecipient(), "--output",
                        gpg.toString(), "--encrypt", out.toString())));
                Files.delete(out);
                out = gpg;
                encryption = "encrypted to " + config.gpgRecipient();
            }
            progress.accept(encryption);
            progress.accept("nodetool clearsnapshot -t " + tag);
            step(action, nodetool(c, "clearsnapshot", "-t", tag, "--", ks));
            List<String> removed = retention(now, out);
            removed.forEach(r -> progress.accept("removed " + r + " (older than " + config.retentionDays() + " days)"));
            BackupInfo written = new BackupInfo(out, ks, now, Files.size(out), out.toString().endsWith(".gpg"));
            return end(action, Status.DONE, out.getFileName() + " (" + written.size() + ", " + tables.size()
                    + " tables, " + encryption + ")" + (removed.isEmpty() ? "" : "; removed " + removed.size() + " old"));
        } catch (ProcessException | RuntimeException e) {
            return end(action, Status.FAILED, String.valueOf(e.getMessage()));
        } finally {
            delete(staging);
        }
    }

    /** What a backup needs on the backup disk: the keyspace copied out once plus its archive, with room to spare. */
    private long headroom(ContainerInfo c, String ks, Consumer<String> progress) throws ProcessException, IOException {
        ProcessResult du = step("backup " + HCD, podman.exec(c.name(), List.of("du", "-sk",
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

    private List<String> retention(Instant now, Path keep) throws IOException {
        List<String> removed = new ArrayList<>();
        for (BackupInfo b : list()) {
            if (!b.file().equals(keep) && b.createdAt().isBefore(now.minus(Duration.ofDays(config.retentionDays())))) {
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
        String action = "restore " + file.getFileName();
        audit.started(connectionLabel, action);
        if (!project.equals(confirm)) {
            return end(action, Status.REFUSED, "restore replaces the data of " + HCD + ": confirm it with the project "
                    + "name '" + project + "'");
        }
        if (!Files.isRegularFile(file)) {
            return end(action, Status.REFUSED, "no backup " + file);
        }
        Path staging = null;
        List<ContainerInfo> stopped = new ArrayList<>();
        try {
            ContainerInfo c = hcdContainer();
            if (c == null) {
                return end(action, Status.REFUSED, "no running " + HCD + " container in " + project
                        + " to restore into: start it first");
            }
            Files.createDirectories(dir);
            staging = Files.createTempDirectory(dir, ".restore-");
            Path archive = file;
            if (file.getFileName().toString().endsWith(".gpg")) {
                progress.accept("gpg --decrypt " + file.getFileName());
                archive = staging.resolve("backup.tar.gz");
                step(action, tool(gpg("--output", archive.toString(), "--decrypt", file.toString())));
            }
            Path unpacked = staging.resolve("unpacked");
            Files.createDirectories(unpacked);
            step(action, tool(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString())));
            JsonNode meta = JSON.readTree(unpacked.resolve("backup.json").toFile());
            String ks = meta.path("keyspace").asText();
            for (ContainerInfo other : podman.containers(project)) {
                if (!other.service().equals(HCD) && other.running()) {
                    stopped.add(other);
                }
            }
            if (!stopped.isEmpty()) {
                progress.accept("stopping the rest of the stack: " + String.join(", ",
                        stopped.stream().map(ContainerInfo::service).distinct().toList()));
                step(action, podman.stop(stopped.stream().map(ContainerInfo::name).toList(), STOP_GRACE, STEP_TIMEOUT,
                        null));
            }
            int tables = 0;
            try (CqlAdmin cql = new CqlAdmin(hcd, Duration.ofSeconds(60))) {
                if (cql.keyspaceCql(ks).isEmpty()) {
                    progress.accept("creating keyspace " + ks);
                    cql.execute(Files.readString(unpacked.resolve("keyspace.cql")).strip());
                }
                for (JsonNode t : meta.path("tables")) {
                    String tableDir = t.asText();
                    String table = tableDir.replaceFirst("-[0-9a-f]{32}$", "");
                    Path files = unpacked.resolve(ks).resolve(tableDir);
                    if (!cql.hasTable(ks, table)) {
                        progress.accept("creating table " + ks + "." + table + " from its schema.cql");
                        cql.execute(Files.readString(files.resolve("schema.cql")).strip());
                    }
                    progress.accept("TRUNCATE " + ks + "." + table + ", then nodetool import");
                    cql.execute("TRUNCATE " + ks + "." + table);
                    // nodetool import reads keyspace and table from the path: it must end in <keyspace>/<table>-<id>
                    String inside = "/tmp/cockpit-restore/" + ks + "/" + tableDir;
                    step(action, podman.exec(c.name(), List.of("mkdir", "-p", "/tmp/cockpit-restore/" + ks),
                            STEP_TIMEOUT, null));
                    step(action, podman.copyIn(files, c.name(), inside, STEP_TIMEOUT));
                    step(action, nodetool(c, "import", ks, table, inside));
                    tables++;
                }
            } finally {
                podman.exec(c.name(), List.of("rm", "-rf", "/tmp/cockpit-restore"), Duration.ofMinutes(2), null);
            }
            // restart() forgets what it started (so a failure after it does not start it twice): verify a copy
            List<ContainerInfo> started = List.copyOf(stopped);
            String restarted = restart(action, stopped, progress);
            return verify(action, started, tables + " tables of " + ks + " restored from " + file.getFileName()
                    + restarted, progress);
        } catch (ProcessException | RuntimeException e) {
            String again = restart(action, stopped, progress);
            return end(action, Status.FAILED, e.getMessage() + again);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return end(action, Status.FAILED, action + " was cancelled" + restart(action, stopped, progress));
        } finally {
            delete(staging);
        }
    }

    private String restart(String action, List<ContainerInfo> stopped, Consumer<String> progress) throws IOException {
        if (stopped.isEmpty()) {
            return "";
        }
        List<String> names = stopped.stream().map(ContainerInfo::name).toList();
        progress.accept("starting the rest of the stack again");
        try {
            step(action, podman.start(names, STEP_TIMEOUT, null));
            return "";
        } catch (ProcessException e) {
            return "; starting the stack again failed: " + e.getMessage();
        } finally {
            stopped.clear();
        }
    }

    private ActionOutcome verify(String action, List<ContainerInfo> services, String done, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<String> names = new ArrayList<>(List.of(HCD));
        services.stream().map(ContainerInfo::service).distinct().forEach(names::add);
        for (String s : names) {
            Verifier.Result v = verifier.await(s, progress);
            if (!v.ok()) {
                return end(action, Status.NOT_VERIFIED, done + "; but " + v.message());
            }
            progress.accept(v.message());
        }
        return end(action, Status.DONE, done + "; health verified");
    }

    /** gpg in batch mode, on the configured keyring when there is one. */
    private List<String> gpg(String... args) {
        List<String> argv = new ArrayList<>(List.of("gpg", "--batch", "--yes"));
        if (!config.gpgHome().isBlank()) {
            argv.addAll(List.of("--homedir", config.gpgHome()));
        }
        argv.addAll(List.of(args));
        return argv;
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void delete(Path p) {
        if (p == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a staging directory left behind is named .staging-*: harmless
        }
    }
}
