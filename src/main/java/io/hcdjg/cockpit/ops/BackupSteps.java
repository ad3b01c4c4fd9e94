package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.RunbookConfig;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionOutcome.Status;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.podman.HostTools;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a backup and a restore of hcd-server both do: find the running node, run nodetool in it and tar or gpg here,
 * record every process in the audit log (a failed one ends the action with its stderr) and write the action's end.
 */
final class BackupSteps {
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(30);
    static final String HCD = "hcd-server";

    private final Podman podman;
    private final HostTools host;
    private final String connectionLabel;
    private final String project;
    private final RunbookConfig config;
    private final ServiceConfig hcd;
    private final AuditLog audit;

    /** @param host tar and gpg */
    BackupSteps(Podman podman, HostTools host, String connectionLabel, String project, RunbookConfig config,
                ServiceConfig hcd, AuditLog audit) {
        this.podman = podman;
        this.host = host;
        this.connectionLabel = connectionLabel;
        this.project = project;
        this.config = config;
        this.hcd = hcd;
        this.audit = audit;
    }

    /** The keyspace this cockpit backs up and restores (runbook.keyspace). */
    String keyspace() {
        return config.keyspace();
    }

    void started(String action) throws IOException {
        audit.started(connectionLabel, action);
    }

    /** One step of an action: the process that ran is recorded, and a failure ends the action with its stderr. */
    ProcessResult step(String action, ProcessResult r) throws ProcessException, IOException {
        audit.process(connectionLabel, action, r);
        if (!r.ok()) {
            throw new ProcessException.Failed(r);
        }
        return r;
    }

    ActionOutcome end(String action, Status status, String message) throws IOException {
        audit.outcome(connectionLabel, action, status.name().toLowerCase(Locale.ROOT), message);
        return new ActionOutcome(status, audit.redaction().text(message), List.of());
    }

    /** The running hcd-server container of the project, null when there is none. */
    ContainerInfo hcdContainer() throws ProcessException {
        if (hcd == null) {
            throw new ProcessException(List.of("podman"),
                    HCD + " is not a configured service (services: in the config)");
        }
        return podman.containers(project).stream().filter(c -> c.service().equals(HCD) && c.running()).findFirst()
                .orElse(null);
    }

    ProcessResult nodetool(ContainerInfo c, String... args) throws ProcessException {
        List<String> command = new ArrayList<>(config.nodetool());
        command.addAll(List.of(args));
        return podman.exec(c.name(), command, STEP_TIMEOUT, null);
    }

    /** tar or gpg, here. */
    ProcessResult tool(List<String> argv) throws ProcessException {
        return host.runAllowingFailure(argv, STEP_TIMEOUT, null);
    }

    /** gpg in batch mode, on the configured keyring when there is one. */
    List<String> gpg(String... args) {
        List<String> argv = new ArrayList<>(List.of("gpg", "--batch", "--yes"));
        if (!config.gpgHome().isBlank()) {
            argv.addAll(List.of("--homedir", config.gpgHome()));
        }
        argv.addAll(List.of(args));
        return argv;
    }

    static void delete(Path p) {
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
