package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.model.PodmanConnection;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.ui.Commands;
import io.hcdjg.cockpit.ui.IncidentCommands;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The window's {@link Commands} over the running {@link Cockpit}: the same audited actions as the CLI. */
final class CockpitCommands implements Commands {
    private final Supplier<Cockpit> cockpit;
    private final Consumer<String> switchConnection;
    private final String project;

    /**
     * @param cockpit          the cockpit now running (it changes when the connection is switched)
     * @param switchConnection restarts the cockpit on another connection (null: the local engine)
     */
    CockpitCommands(Supplier<Cockpit> cockpit, Consumer<String> switchConnection, String project) {
        this.cockpit = cockpit;
        this.switchConnection = switchConnection;
        this.project = project;
    }

    /** The cockpit behind the window, for the calls that block until done. */
    private Cockpit running() {
        Cockpit c = cockpit.get();
        if (c == null) {
            throw new IllegalStateException(STARTING.message());
        }
        return c;
    }

    private static final ActionOutcome STARTING = new ActionOutcome(ActionOutcome.Status.FAILED,
            "the cockpit is still starting; try again in a moment", List.of());

    @Override
    public String project() {
        Cockpit c = cockpit.get();
        return c == null ? project : c.actions.project();
    }

    @Override
    public ActionOutcome run(ActionRequest request, Consumer<String> progress) {
        Cockpit c = cockpit.get();
        if (c == null) {
            return STARTING;
        }
        if (c.podman.problem() != null) {
            return new ActionOutcome(ActionOutcome.Status.FAILED, "podman " + c.podman.label() + ": "
                    + c.podman.problem(), List.of());
        }
        try {
            ActionOutcome o = c.actions.run(request, progress);
            c.containers.list(false);
            return o;
        } catch (IOException e) {
            return new ActionOutcome(ActionOutcome.Status.FAILED, "the audit log could not be written, so nothing is "
                    + "reported done: " + e.getMessage(), List.of());
        }
    }

    @Override
    public ActionOutcome demo(boolean up, Consumer<String> progress) {
        Cockpit c = cockpit.get();
        if (c == null) {
            return STARTING;
        }
        try {
            return DemoRun.run(c, up, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionOutcome(ActionOutcome.Status.FAILED, (up ? "demo up" : "demo down") + " was cancelled",
                    List.of());
        }
    }

    @Override
    public List<String> auditTail(int max) {
        Cockpit c = cockpit.get();
        try {
            return c == null ? List.of() : c.actions.audit().tail(max);
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public List<String> connections() {
        Cockpit c = cockpit.get();
        if (c == null) {
            return List.of();
        }
        try {
            return c.podman.podman().connections().stream()
                    .map((PodmanConnection p) -> p.name() + "  " + p.uri()).toList();
        } catch (ProcessException e) {
            return List.of();
        }
    }

    @Override
    public void useConnection(String name) {
        switchConnection.accept(name);
    }

    @Override
    public List<double[]> range(String metric, java.time.Duration range) throws Exception {
        Cockpit c = cockpit.get();
        if (c == null) {
            return List.of();
        }
        var config = c.loaded.config().metrics().stream().filter(m -> m.name().equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no history: Prometheus does not keep it (the tile's "
                        + "sparkline shows what was read since the cockpit started)"));
        java.time.Instant end = java.time.Instant.now();
        // About 240 points whatever the range: 15 s steps for an hour, 6 min for a day.
        java.time.Duration step = java.time.Duration.ofSeconds(Math.max(15, range.toSeconds() / 240));
        List<double[]> out = new java.util.ArrayList<>();
        for (var series : c.monitoring.client().queryRange(config.query(), end.minus(range), end, step)) {
            for (var p : series.points()) {
                out.add(new double[]{p.at().getEpochSecond(), p.value()});
            }
            break; // the tile shows the highest series; the chart shows the first (aggregations return one)
        }
        return out;
    }

    @Override
    public ActionOutcome silence(String alertName, java.util.Map<String, String> labels, java.time.Duration duration,
                                 String author, String comment) {
        Cockpit c = cockpit.get();
        if (c == null) {
            return STARTING;
        }
        java.util.Map<String, String> others = new java.util.TreeMap<>(labels);
        others.remove("alertname");
        try {
            ActionOutcome o = c.silences.silence(alertName, others, duration, author, comment);
            c.monitoring.refresh();
            return o;
        } catch (IOException e) {
            return new ActionOutcome(ActionOutcome.Status.FAILED, "the audit log could not be written: " + e.getMessage(),
                    List.of());
        }
    }

    @Override
    public ActionOutcome expireSilence(String id) {
        Cockpit c = cockpit.get();
        if (c == null) {
            return STARTING;
        }
        try {
            ActionOutcome o = c.silences.expire(id);
            c.monitoring.refresh();
            return o;
        } catch (IOException e) {
            return new ActionOutcome(ActionOutcome.Status.FAILED, "the audit log could not be written: " + e.getMessage(),
                    List.of());
        }
    }

    @Override
    public List<io.hcdjg.cockpit.ui.LogSource> logSources() {
        Cockpit c = cockpit.get();
        return c == null ? List.of() : LogSources.of(c.logs);
    }

    /** One request to the desk of the running cockpit; the panel is refreshed at once rather than within a second. */
    private interface DeskCall {
        Incident on(Cockpit c) throws IOException;
    }

    private Incident call(DeskCall call) throws IOException {
        Cockpit c = cockpit.get();
        if (c == null) {
            throw new IllegalArgumentException("the cockpit is still starting; try again in a moment");
        }
        Incident i = call.on(c);
        c.incidents.poke();
        return i;
    }

    @Override
    public IncidentCommands incidents() {
        String me = System.getProperty("user.name");
        return new IncidentCommands() {
            @Override
            public List<IncidentConfig.Level> ladder() {
                Cockpit c = cockpit.get();
                return c == null ? List.of() : c.loaded.config().incidents().ladder();
            }

            @Override
            public Incident open(String title, Priority p, List<String> services, String note) throws IOException {
                return call(c -> c.desk.open(title, p, services, note));
            }

            @Override
            public Incident acknowledge(String id) throws IOException {
                return call(c -> c.desk.acknowledge(id, me));
            }

            @Override
            public Incident escalate(String id, Integer level) throws IOException {
                return call(c -> c.desk.escalate(id, level, c.keyLines(c.desk.find(id))));
            }

            @Override
            public Incident resolve(String id, String note) throws IOException {
                return call(c -> c.desk.resolve(id, note));
            }

            @Override
            public Incident reopen(String id, String why) throws IOException {
                return call(c -> c.desk.reopen(id, why));
            }

            @Override
            public Incident note(String id, String text) throws IOException {
                return call(c -> c.desk.note(id, text));
            }

            @Override
            public Incident priority(String id, Priority p) throws IOException {
                return call(c -> c.desk.priority(id, p));
            }

            @Override
            public Incident step(String id, String step, boolean done) throws IOException {
                return call(c -> c.desk.step(id, step, done));
            }

            @Override
            public void report(String id, java.nio.file.Path target) throws IOException {
                call(c -> {
                    java.nio.file.Path written = c.desk.report(id, c.keyLines(c.desk.find(id)));
                    java.nio.file.Files.copy(written, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return null;
                });
            }
        };
    }

    @Override
    public List<io.hcdjg.cockpit.model.CheckResult> checklist() throws Exception {
        Cockpit c = running();
        ChecklistRun.Saved saved = ChecklistRun.run(c, c.env, true);
        c.store.update(s -> s.withRunbook(s.runbook().withChecklist(saved.results(), saved.at()), saved.at()));
        return saved.results();
    }

    @Override
    public List<java.nio.file.Path> report(java.nio.file.Path dir) throws Exception {
        Cockpit c = running();
        return ReportRun.run(c, true, dir != null ? dir
                : io.hcdjg.cockpit.config.AppDirs.data(c.env).resolve("reports"));
    }

    @Override
    public io.hcdjg.cockpit.model.PlaybookResult playbook(String id) throws Exception {
        Cockpit c = running();
        var s = c.store.get();
        java.time.Instant now = java.time.Instant.now();
        List<String> services = s.logs().stream().map(io.hcdjg.cockpit.model.LogSummary::service).toList();
        var p95 = s.monitoring().metrics().stream().filter(m -> m.name().equals("p95-latency")).findFirst().orElse(null);
        return c.playbooks.run(id, new io.hcdjg.cockpit.ops.Playbooks.Live(s.host(), p95,
                io.hcdjg.cockpit.probes.MetricDiagnosis.profiled(s.monitoring()), c.logs.keyLines(services, now.minus(java.time.Duration.ofHours(1)), now, 2000)));
    }

    @Override
    public List<io.hcdjg.cockpit.model.RecoveryStep> recovery() throws Exception {
        Cockpit c = running();
        return RecoveryRun.run(c, true);
    }

    @Override
    public ActionOutcome backup(Consumer<String> progress) {
        return runbook(c -> c.backups.backup(progress));
    }

    @Override
    public ActionOutcome restore(java.nio.file.Path backup, String confirm, Consumer<String> progress) {
        return runbook(c -> c.backups.restore(backup, confirm, progress));
    }

    @Override
    public io.hcdjg.cockpit.ui.MaintenanceSteps maintenance(java.time.Duration window, String reason) {
        Cockpit c = running();
        io.hcdjg.cockpit.ops.MaintenanceWizard w = c.maintenanceWizard(window, reason);
        return new io.hcdjg.cockpit.ui.MaintenanceSteps() {
            @Override
            public List<String> steps() {
                return io.hcdjg.cockpit.ops.MaintenanceWizard.STEPS;
            }

            @Override
            public ActionOutcome run(int step, Consumer<String> progress) {
                return runbook(x -> w.run(step, progress));
            }

            @Override
            public String log() {
                return w.log().toString();
            }
        };
    }

    @Override
    public ActionOutcome maintenanceMode(boolean on, java.time.Duration window, String reason) {
        return runbook(c -> on ? c.maintenance.enable(window, reason, System.getProperty("user.name"))
                : c.maintenance.disable());
    }

    private interface RunbookCall {
        ActionOutcome on(Cockpit c) throws IOException;
    }

    private ActionOutcome runbook(RunbookCall call) {
        Cockpit c = cockpit.get();
        if (c == null) {
            return STARTING;
        }
        try {
            return call.on(c);
        } catch (IOException e) {
            return new ActionOutcome(ActionOutcome.Status.FAILED, "the audit log could not be written, so nothing is "
                    + "reported done: " + e.getMessage(), List.of());
        } finally {
            c.runbook.refresh();
            c.containers.list(false);
        }
    }

    @Override
    public void probeNow() {
        Cockpit c = cockpit.get();
        if (c != null) {
            c.poller.runRound();
        }
    }
}
