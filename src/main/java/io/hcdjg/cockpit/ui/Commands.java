package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the window can ask of the cockpit behind it. Implemented by the app over the same audited actions the CLI
 * uses; the blocking methods are called from background tasks, never from the FX thread.
 */
public interface Commands {

    /** The compose project, which a destructive action must be confirmed with. */
    String project();

    /** Runs an action through the audited path; blocks; interrupting the thread cancels it. */
    ActionOutcome run(ActionRequest request, Consumer<String> progress);

    /** Builds what is missing and starts (or removes) the demo compose project; blocks. */
    ActionOutcome demo(boolean up, Consumer<String> progress);

    /** The newest audit entries, newest last, as JSON lines. */
    List<String> auditTail(int max);

    /** Known podman connections ("name  uri"), for the switcher; blocks briefly. */
    List<String> connections();

    /** Watches and acts on another podman connection from now on (null: the local engine). */
    void useConnection(String name);

    /** Probes every service now. */
    void probeNow();

    /** A configured metric over the last {@code range}: [epoch seconds, value] points; blocks. */
    List<double[]> range(String metric, java.time.Duration range) throws Exception;

    /** Acknowledges an alert: a silence on exactly its labels; blocks. */
    ActionOutcome silence(String alertName, java.util.Map<String, String> labels, java.time.Duration duration,
                          String author, String comment);

    /** Ends a silence now; blocks. */
    ActionOutcome expireSilence(String id);

    /** The followed containers' logs. */
    List<LogSource> logSources();

    /** The incident desk. */
    IncidentCommands incidents();

    /** Runs the morning checklist (§1.1) and saves it; blocks for a few seconds. */
    List<io.hcdjg.cockpit.model.CheckResult> checklist() throws Exception;

    /** Writes the daily report (§1.2) as Markdown and HTML into {@code dir} (null: the default folder); blocks. */
    List<java.nio.file.Path> report(java.nio.file.Path dir) throws Exception;

    /** Runs a troubleshooting playbook (§4.1–§4.5): symptoms, diagnosis, resolution steps; blocks for seconds. */
    io.hcdjg.cockpit.model.PlaybookResult playbook(String id) throws Exception;

    /** Checks the fresh-machine recovery chain, step by step; blocks for a few seconds. */
    List<io.hcdjg.cockpit.model.RecoveryStep> recovery() throws Exception;

    /** Backs hcd-server up (§6.1) through the audited path; blocks. */
    ActionOutcome backup(Consumer<String> progress);

    /** A new planned-maintenance run (§5.2) with a maintenance window of {@code window}. */
    MaintenanceSteps maintenance(java.time.Duration window, String reason);

    /** Maintenance mode on (every alert silenced for {@code window}, tiles marked) or off; blocks. */
    ActionOutcome maintenanceMode(boolean on, java.time.Duration window, String reason);

    /** Restores a backup (§6.2) after the project name was typed; blocks. */
    ActionOutcome restore(java.nio.file.Path backup, String confirm, Consumer<String> progress);
}
