package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.AppDirs;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.PlaybookResult;
import io.hcdjg.cockpit.model.RecoveryStep;
import io.hcdjg.cockpit.ops.MaintenanceWizard;
import io.hcdjg.cockpit.ops.PlaybookInputs;
import io.hcdjg.cockpit.ui.MaintenanceSteps;
import io.hcdjg.cockpit.ui.RunbookPort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** The window's {@link RunbookPort}: the procedures the CLI runs, on the running cockpit. */
final class WindowRunbook implements RunbookPort {
    private final Running running;

    WindowRunbook(Running running) {
        this.running = running;
    }

    @Override
    public List<CheckResult> checklist() throws Exception {
        Cockpit c = running.get();
        ChecklistRun.Saved saved = ChecklistRun.run(c, c.env(), true);
        c.store().update(s -> s.withRunbook(s.runbook().withChecklist(saved.results(), saved.at()), saved.at()));
        return saved.results();
    }

    @Override
    public List<Path> report(Path dir) throws Exception {
        Cockpit c = running.get();
        return ReportRun.run(c, true, dir != null ? dir : AppDirs.data(c.env()).resolve("reports"));
    }

    @Override
    public PlaybookResult playbook(String id) throws Exception {
        Cockpit c = running.get();
        return c.playbooks().run(id, PlaybookInputs.of(c.store().get(), c.logs()::keyLines, c.clock().instant()));
    }

    @Override
    public List<RecoveryStep> recovery() throws Exception {
        return RecoveryRun.run(running.get(), true);
    }

    @Override
    public ActionOutcome backup(Consumer<String> progress) {
        return procedure(c -> c.backups().backup(progress));
    }

    @Override
    public ActionOutcome restore(Path backup, String confirm, Consumer<String> progress) {
        return procedure(c -> c.backups().restore(backup, confirm, progress));
    }

    @Override
    public MaintenanceSteps maintenance(Duration window, String reason) {
        MaintenanceWizard w = running.get().maintenanceWizard(window, reason);
        return new MaintenanceSteps() {
            @Override
            public List<String> steps() {
                return MaintenanceWizard.STEPS;
            }

            @Override
            public ActionOutcome run(int step, Consumer<String> progress) {
                return procedure(x -> w.run(step, progress));
            }

            @Override
            public String log() {
                return w.log().toString();
            }
        };
    }

    @Override
    public ActionOutcome maintenanceMode(boolean on, Duration window, String reason) {
        return procedure(c -> on ? c.maintenance().enable(window, reason, System.getProperty("user.name"))
                : c.maintenance().disable());
    }

    /** A procedure that changes the stack: the runbook's state and the containers are read again after it. */
    private ActionOutcome procedure(Running.Call call) {
        return running.outcome(c -> {
            try {
                return call.on(c);
            } finally {
                c.procedureEnded();
            }
        });
    }
}
