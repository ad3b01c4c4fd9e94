package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.ops.DemoCompose;
import io.hcdjg.cockpit.ops.Verifier;
import io.hcdjg.cockpit.podman.ProcessException;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code demo up}: builds what is missing, starts the demo compose project under the cockpit's project name and waits
 * until each of its probed services answers; {@code demo down} removes it. Audited like every action; the window's
 * buttons and the subcommand both run it.
 */
public final class DemoRun {
    private DemoRun() {
    }

    public static ActionOutcome run(Cockpit c, boolean up, Consumer<String> progress) throws InterruptedException {
        String action = up ? "demo up" : "demo down";
        if (c.podman().problem() != null) {
            return new ActionOutcome(ActionOutcome.Status.FAILED, "podman " + c.podman().label() + ": "
                    + c.podman().problem(), List.of());
        }
        try {
            DemoCompose demo = new DemoCompose(c.podman().podman(), c.hostTools(), c.actions().project(),
                    DemoCompose.defaultDir(c.env()), c.actions().audit(), c.podman().label());
            if (up) {
                demo.up(progress);
                for (String service : DemoCompose.PROBED) {
                    Verifier.Result v = c.verifier().await(service, progress);
                    if (!v.ok()) {
                        c.actions().audit().outcome(c.podman().label(), action, "not_verified", v.message());
                        return new ActionOutcome(ActionOutcome.Status.NOT_VERIFIED, v.message(), List.of());
                    }
                    progress.accept(v.message());
                }
            } else {
                demo.down(progress);
            }
            String done = c.actions().project() + " (demo) is " + (up ? "up " : "down ") + c.podman().label();
            c.actions().audit().outcome(c.podman().label(), action, "done", done);
            c.containers().list(false);
            return new ActionOutcome(ActionOutcome.Status.DONE, done, List.of());
        } catch (ProcessException | IOException | IllegalArgumentException e) {
            try {
                c.actions().audit().outcome(c.podman().label(), action, "failed", e.getMessage());
            } catch (IOException ignored) {
                // the outcome below still says what failed
            }
            return new ActionOutcome(ActionOutcome.Status.FAILED, e.getMessage(), List.of());
        }
    }
}
