package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.PrivateFiles;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionOutcome.Status;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.podman.ExitGuard;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.function.Consumer;

import static io.hcdjg.cockpit.ops.BackupSteps.HCD;
import static io.hcdjg.cockpit.ops.BackupSteps.STEP_TIMEOUT;

/**
 * A backup restored into the running hcd-server ({@code TRUNCATE} then {@code nodetool import}), with the rest of the
 * stack stopped meanwhile and started again after, then every stopped service's health verified.
 */
final class BackupRestore {
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

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
        // Ended (window closed, SIGTERM) while the rest of the stack is stopped: it is started again on the way out.
        AutoCloseable onExit = ExitGuard.beforeExit(action, () -> restartAtExit(action, stopped));
        try {
            ContainerInfo c = steps.hcdContainer();
            if (c == null) {
                return steps.end(action, Status.REFUSED, "no running " + HCD + " container in " + project
                        + " to restore into: start it first");
            }
            PrivateFiles.dirs(dir);
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
            BackupArchive.Checked archived;
            try {
                archived = BackupArchive.check(unpacked, steps.keyspace());
            } catch (IllegalArgumentException unfit) {
                return steps.end(action, Status.REFUSED, file.getFileName() + ": " + unfit.getMessage());
            }
            String ks = archived.keyspace();
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
            int tables = importTables(action, c, archived, unpacked, progress);
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
            close(onExit);
            BackupSteps.delete(staging);
        }
    }

    private void restartAtExit(String action, List<ContainerInfo> stopped) {
        try {
            restart(action, new ArrayList<>(stopped), line -> { });
        } catch (IOException e) {
            System.err.println("cockpit: " + action + ": the audit log could not be written: " + e.getMessage());
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each table of the backup, created from its schema when missing, truncated, then imported; returns how many. */
    private int importTables(String action, ContainerInfo c, BackupArchive.Checked archived, Path unpacked,
                             Consumer<String> progress) throws ProcessException, IOException {
        String ks = archived.keyspace();
        int tables = 0;
        try (CqlAdmin cql = new CqlAdmin(hcd, Duration.ofSeconds(60))) {
            if (cql.keyspaceCql(ks).isEmpty()) {
                progress.accept("creating keyspace " + ks);
                cql.execute(Files.readString(unpacked.resolve("keyspace.cql")).strip());
            }
            for (String tableDir : archived.tableDirs()) {
                String table = archived.table(tableDir);
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
        // A cancelled restore (its thread interrupted) must still start the stack again: the flag would end the
        // podman start at once. It is set again after.
        boolean cancelled = Thread.interrupted();
        // A podman stop cut short (podman 4.3) leaves its containers "stopping" for good, which podman will not
        // start ("container state improper"): those are stopped again first, which completes the stop. Repeated for
        // what is not running yet, until the stop's grace period has surely passed.
        long deadline = System.nanoTime() + STOP_GRACE.plusSeconds(30).toNanos();
        List<String> left = names;
        String why = "";
        try {
            while (true) {
                List<String> stuck = states(left).entrySet().stream().filter(e -> e.getValue().equals("stopping"))
                        .map(Map.Entry::getKey).toList();
                try {
                    if (!stuck.isEmpty()) {
                        steps.step(action, podman.stop(stuck, STOP_GRACE, STEP_TIMEOUT, null));
                    }
                    steps.step(action, podman.start(left, STEP_TIMEOUT, null));
                } catch (ProcessException e) {
                    why = ": " + e.getMessage();
                }
                left = states(names).entrySet().stream().filter(e -> !e.getValue().equals("running"))
                        .map(Map.Entry::getKey).toList();
                if (left.isEmpty()) {
                    return "";
                }
                if (System.nanoTime() > deadline) {
                    return "; starting the stack again failed, not running: " + String.join(", ", left) + why;
                }
                Thread.sleep(2000);
            }
        } catch (ProcessException | InterruptedException e) {
            return "; starting the stack again was not confirmed: " + e.getMessage();
        } finally {
            stopped.clear();
            if (cancelled) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The state of each of {@code names} ("gone" for one that is no more). */
    private Map<String, String> states(List<String> names) throws ProcessException {
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, "gone"));
        podman.containers(project).stream().filter(c -> out.containsKey(c.name()))
                .forEach(c -> out.put(c.name(), c.state()));
        return out;
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
