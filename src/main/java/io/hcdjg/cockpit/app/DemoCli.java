package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ActionOutcome;

import java.io.PrintStream;
import java.util.Map;

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
            ActionOutcome outcome = cockpit.demo(verb.equals("up"), line -> err.println("· " + line));
            (outcome.status() == ActionOutcome.Status.DONE ? out : err).println(
                    outcome.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + outcome.message());
            return outcome.status().exitCode;
        }
    }
}
