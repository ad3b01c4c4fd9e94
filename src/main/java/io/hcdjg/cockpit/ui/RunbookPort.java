package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.PlaybookResult;
import io.hcdjg.cockpit.model.RecoveryStep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** The runbook's procedures (checklist, report, playbooks, recovery, backup, maintenance); every method blocks. */
public interface RunbookPort {

    /** Runs the morning checklist (§1.1) and saves it; takes a few seconds. */
    List<CheckResult> checklist() throws Exception;

    /** Writes the daily report (§1.2) as Markdown and HTML into {@code dir} (null: the default folder). */
    List<Path> report(Path dir) throws Exception;

    /** Runs a troubleshooting playbook (§4.1–§4.5): symptoms, diagnosis, resolution steps. */
    PlaybookResult playbook(String id) throws Exception;

    /** Checks the fresh-machine recovery chain, step by step. */
    List<RecoveryStep> recovery() throws Exception;

    /** Backs hcd-server up (§6.1) through the audited path. */
    ActionOutcome backup(Consumer<String> progress);

    /** Restores a backup (§6.2) after the project name was typed. */
    ActionOutcome restore(Path backup, String confirm, Consumer<String> progress);

    /** A new planned-maintenance run (§5.2) with a maintenance window of {@code window}. */
    MaintenanceSteps maintenance(Duration window, String reason);

    /** Maintenance mode on (this stack's alerts silenced for {@code window}, tiles marked) or off. */
    ActionOutcome maintenanceMode(boolean on, Duration window, String reason);
}
