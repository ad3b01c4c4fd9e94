package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionOutcome.Status;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.hcdjg.cockpit.ops.BackupSteps.HCD;
import static io.hcdjg.cockpit.ops.BackupSteps.STEP_TIMEOUT;

/**
 * A backup restored into the running hcd-server ({@code TRUNCATE} then {@code nodetool import}), with the rest of the
 * stack stopped meanwhile and started again after, then every stopped service's health verified.
 */
final class BackupRestore {
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Podman podman;
    private final BackupSteps steps;
    private final String project;
    private final ServiceConfig hcd;
    private final Path dir;
    private final Verifier verifier;

    BackupRestore(Podman podman, BackupSteps steps, String project, ServiceConfig hcd, Path dir, Verifier verifier) {
        this.podman = podman;
        this.steps = steps;
        this.project = project;
        this.hcd = hcd;
        this.dir = dir;
        this.verifier = verifier;
    }

    /** See {@link Backups#restore}. */
    ActionOutcome restore(Path file, String confirm, Consumer<String> progress) throws IOException {
        String action = "restore " + file.getFileName();
        steps.started(action);
        if (!project.equals(confirm)) {
            return steps.end(action, Status.REFUSED, "restore replaces the data of " + HCD + ": confirm it with the "
                    + "project name '" + project + "'");
        }
        if (!Files.isRegularFile(file)) {
            return steps.end(action, Status.REFUSED, "no backup " + file);
        }
        Path staging = null;
        List<ContainerInfo> stopped = new ArrayList<>();
        try {
            ContainerInfo c = steps.hcdContainer();
            if (c == null) {
                return steps.end(action, Status.REFUSED, "no running " + HCD + " container in " + project
                        + " to restore into: start it first");
            }
            Files.createDirectories(dir);
            staging = Files.createTempDirectory(dir, ".restore-");
            Path archive = file;
            if (file.getFileName().toString().endsWith(".gpg")) {
                progress.accept("gpg --decrypt " + file.getFileName());
                archive = staging.resolve("backup.tar.gz");
                steps.step(action, steps.tool(steps.gpg("--output", archive.toString(), "--decrypt", file.toString())));
            }
            Path unpacked = staging.resolve("unpacked");
            Files.createDirectories(unpacked);
            steps.step(action, steps.tool(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString())));
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
                steps.step(action, podman.stop(stopped.stream().map(ContainerInfo::name).toList(), STOP_GRACE,
                        STEP_TIMEOUT, null));
            }
            int tables = importTables(action, c, meta, unpacked, progress);
            // restart() forgets what it started (so a failure after it does not start it twice): verify a copy
            List<ContainerInfo> started = List.copyOf(stopped);
            String restarted = restart(action, stopped, progress);
            return verify(action, started, tables + " tables of " + ks + " restored from " + file.getFileName()
                    + restarted, progress);
        } catch (ProcessException | RuntimeException e) {
            String again = restart(action, stopped, progress);
            return steps.end(action, Status.FAILED, e.getMessage() + again);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return steps.end(action, Status.FAILED, action + " was cancelled" + restart(action, stopped, progress));
        } finally {
            BackupSteps.delete(staging);
        }
    }

    /** Each table of the backup, created from its schema when missing, truncated, then imported; returns how many. */
    private int importTables(String action, ContainerInfo c, JsonNode meta, Path unpacked, Consumer<String> progress)
            throws ProcessException, IOException {
        String ks = meta.path("keyspace").asText();
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
                steps.step(action, podman.exec(c.name(), List.of("mkdir", "-p", "/tmp/cockpit-restore/" + ks),
                        STEP_TIMEOUT, null));
                steps.step(action, podman.copyIn(files, c.name(), inside, STEP_TIMEOUT));
                steps.step(action, steps.nodetool(c, "import", ks, table, inside));
                tables++;
            }
        } finally {
            podman.exec(c.name(), List.of("rm", "-rf", "/tmp/cockpit-restore"), Duration.ofMinutes(2), null);
        }
        return tables;
    }

    private String restart(String action, List<ContainerInfo> stopped, Consumer<String> progress) throws IOException {
        if (stopped.isEmpty()) {
            return "";
        }
        List<String> names = stopped.stream().map(ContainerInfo::name).toList();
        progress.accept("starting the rest of the stack again");
        try {
            steps.step(action, podman.start(names, STEP_TIMEOUT, null));
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
                return steps.end(action, Status.NOT_VERIFIED, done + "; but " + v.message());
            }
            progress.accept(v.message());
        }
        return steps.end(action, Status.DONE, done + "; health verified");
    }
}
