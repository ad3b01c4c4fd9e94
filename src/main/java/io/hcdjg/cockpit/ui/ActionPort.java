package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;

import java.util.List;
import java.util.function.Consumer;

/**
 * The window's actions on the stack and the connection it watches: the same audited path the CLI uses. The blocking
 * methods are called from background tasks, never from the FX thread.
 */
public interface ActionPort {

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
}
