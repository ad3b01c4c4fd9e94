package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.PrivateFiles;
import io.hcdjg.cockpit.config.AppDirs;
import io.hcdjg.cockpit.config.RunbookConfig;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.podman.Podman;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import io.hcdjg.cockpit.podman.ProcessException;

/**
 * Planned maintenance (§5.2) one step at a time: maintenance mode on, backup, {@code nodetool drain} on hcd-server,
 * restart of the stack, health verified, maintenance mode off. Every step goes through the audited paths; its output
 * is kept in a log of this run ({@code $XDG_DATA_HOME/hcd-janusgraph-cockpit/maintenance/<time>.log}).
 */
public final class MaintenanceWizard {
    public static final List<String> STEPS = List.of("maintenance mode on (alerts silenced)", "backup of hcd-server",
            "nodetool drain on hcd-server", "restart the stack", "verify health", "maintenance mode off");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What a run needs; built once by the app. */
    public record Parts(Maintenance mode, Backups backups, Actions actions, Verifier verifier, Podman podman,
                        RunbookConfig config) {
    }

    private final Parts parts;
    private final Duration window;
    private final String reason;
    private final String by;
    private final Path log;

    public MaintenanceWizard(Parts parts, Duration window, String reason, String by, Map<String, String> env,
                             Clock clock) {
        this.parts = parts;
        this.window = window;
        this.reason = reason;
        this.by = by;
        this.log = AppDirs.data(env).resolve("maintenance").resolve(STAMP.format(clock.instant()) + ".log");
    }

    public Path log() {
        return log;
    }

    /** Runs step {@code i} (0-based, in {@link #STEPS} order); its lines go to {@code progress} and the run's log. */
    public ActionOutcome run(int i, Consumer<String> progress) throws IOException {
        PrivateFiles.dirs(log.getParent());
        Consumer<String> both = line -> {
            progress.accept(line);
            append("  " + line);
        };
        append("== " + (i + 1) + ". " + STEPS.get(i));
        ActionOutcome o;
        try {
            o = switch (i) {
                case 0 -> parts.mode().enable(window, reason, by);
                case 1 -> parts.backups().backup(both);
                case 2 -> parts.actions().run(new ActionRequest(ActionRequest.Kind.EXEC, "hcd-server", 0,
                        withDrain(parts.config().nodetool()), null), both);
                case 3 -> parts.actions().run(ActionRequest.of(ActionRequest.Kind.RESTART, null), both);
                case 4 -> verify(both);
                case 5 -> parts.mode().disable();
                default -> throw new IllegalArgumentException("no step " + (i + 1));
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            o = new ActionOutcome(ActionOutcome.Status.FAILED, STEPS.get(i) + " was cancelled", List.of());
        }
        append("=> " + o.status().name().toLowerCase(Locale.ROOT) + ": " + o.message());
        return o;
    }

    private static List<String> withDrain(List<String> nodetool) {
        List<String> argv = new ArrayList<>(nodetool);
        argv.add("drain");
        return argv;
    }

    private ActionOutcome verify(Consumer<String> progress) throws InterruptedException, IOException {
        TreeSet<String> services = new TreeSet<>();
        try {
            parts.podman().containers(parts.actions().project()).stream().map(ContainerInfo::service)
                    .forEach(services::add);
        } catch (ProcessException e) {
            return new ActionOutcome(ActionOutcome.Status.FAILED, e.getMessage(), List.of());
        }
        List<String> ok = new ArrayList<>();
        for (String s : services) {
            Verifier.Result v = parts.verifier().await(s, progress);
            progress.accept(v.message());
            if (!v.ok()) {
                parts.actions().audit().outcome("local", "maintenance verify", "not_verified", v.message());
                return new ActionOutcome(ActionOutcome.Status.NOT_VERIFIED, v.message(), List.of());
            }
            ok.add(s);
        }
        String msg = ok.size() + " services healthy: " + String.join(", ", ok);
        parts.actions().audit().outcome("local", "maintenance verify", "done", msg);
        return new ActionOutcome(ActionOutcome.Status.DONE, msg, List.of());
    }

    private void append(String line) {
        try {
            PrivateFiles.append(log, parts.actions().audit().redaction().text(line) + "\n");
        } catch (IOException e) {
            // the outcome is in the audit log anyway; the per-run log is a convenience
        }
    }
}
