package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.ops.DemoCompose;
import io.hcdjg.cockpit.ops.Verifier;
import io.hcdjg.cockpit.podman.ProcessException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code demo up} builds the demo project's images where missing or changed (minutes the first time), starts it and
 * waits until every service answers its probe; {@code demo down} removes its containers. Exit codes as for actions.
 */
final class DemoCli {
    private DemoCli() {
    }

    static int run(Options o, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        String verb = o.rest().isEmpty() ? "" : o.rest().get(0);
        if (!verb.equals("up") && !verb.equals("down") || o.rest().size() != 1) {
            err.println("cockpit: demo up | demo down\n" + Options.USAGE);
            return CheckCli.CONFIG_ERROR;
        }
        try (Cockpit cockpit = new Cockpit(o, env, false, s -> { })) {
            if (cockpit.podman.problem() != null) {
                err.println("cockpit: podman " + cockpit.podman.label() + ": " + cockpit.podman.problem());
                return ActionOutcome.Status.FAILED.exitCode;
            }
            var audit = cockpit.actions.audit();
            DemoCompose demo = cockpit.demoCompose();
            try {
                if (verb.equals("down")) {
                    demo.down(line -> err.println("· " + line));
                    audit.outcome(cockpit.podman.label(), "demo down", "done", DemoCompose.PROJECT + " removed");
                    out.println("done: " + DemoCompose.PROJECT + " (demo) is down");
                    return 0;
                }
                demo.up(line -> err.println("· " + line));
            } catch (ProcessException | IOException e) {
                audit.outcome(cockpit.podman.label(), "demo " + verb, "failed", e.getMessage());
                err.println("failed: " + e.getMessage());
                return ActionOutcome.Status.FAILED.exitCode;
            }
            for (String service : new TreeSet<>(cockpit.loaded.config().shownServices().stream()
                    .map(s -> s.name()).filter(DemoCompose.PROBED::contains).toList())) {
                Verifier.Result v = cockpit.verifier.await(service, line -> err.println("· " + line));
                if (!v.ok()) {
                    audit.outcome(cockpit.podman.label(), "demo up", "not_verified", v.message());
                    err.println("not verified: " + v.message());
                    return ActionOutcome.Status.NOT_VERIFIED.exitCode;
                }
                out.println("  " + v.message());
            }
            audit.outcome(cockpit.podman.label(), "demo up", "done", DemoCompose.PROJECT + " up and answering");
            out.println("done: " + DemoCompose.PROJECT + " (demo) is up " + cockpit.podman.label());
            return 0;
        }
    }
}
