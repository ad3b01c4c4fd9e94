package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code action VERB SERVICE|--all}, {@code action scale SERVICE N} and {@code exec SERVICE -- CMD...}: the same
 * audited, verified path as the window's buttons. Exit codes: 0 done (and verified), 1 failed, 3 refused,
 * 4 not verified, 2 usage or config error.
 */
final class ActionCli {
    private ActionCli() {
    }

    static int run(Options o, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        ActionRequest request;
        try {
            request = request(o);
        } catch (IllegalArgumentException e) {
            err.println("cockpit: " + e.getMessage() + "\n" + Options.USAGE);
            return CheckCli.CONFIG_ERROR;
        }
        try (Cockpit cockpit = new Cockpit(o, env, false, s -> { })) {
            Integer refused = CheckCli.notReady(cockpit, err);
            if (refused != null) {
                return refused;
            }
            boolean exec = request.kind() == ActionRequest.Kind.EXEC;
            ActionOutcome outcome = cockpit.actions.run(request, line -> (exec ? out : err).println(exec ? line : "· " + line));
            (outcome.status() == ActionOutcome.Status.DONE ? out : err).println(
                    outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + outcome.message());
            return outcome.status().exitCode;
        }
    }

    static ActionRequest request(Options o) {
        List<String> a = o.rest();
        if (o.command().equals("exec")) {
            int dash = a.indexOf("--");
            if (a.isEmpty() || dash != 1 || dash == a.size() - 1) {
                throw new IllegalArgumentException("exec SERVICE -- COMMAND [ARG...]");
            }
            return new ActionRequest(ActionRequest.Kind.EXEC, a.get(0), 0, a.subList(dash + 1, a.size()), o.confirm());
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException("action needs a verb: restart, stop, start, up, down or scale");
        }
        ActionRequest.Kind kind;
        try {
            kind = ActionRequest.Kind.valueOf(a.get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown action '" + a.get(0) + "'");
        }
        if (kind == ActionRequest.Kind.EXEC) {
            throw new IllegalArgumentException("use: exec SERVICE -- COMMAND");
        }
        if (kind == ActionRequest.Kind.SCALE) {
            if (a.size() != 3 || !a.get(2).matches("\\d{1,3}")) {
                throw new IllegalArgumentException("action scale SERVICE N (N from 0 to 999)");
            }
            return new ActionRequest(kind, a.get(1), Integer.parseInt(a.get(2)), List.of(), o.confirm());
        }
        if (o.all() == (a.size() == 2) || a.size() > 2) {
            throw new IllegalArgumentException("action " + kind.word() + " takes one SERVICE or --all");
        }
        return new ActionRequest(kind, o.all() ? null : a.get(1), 0, List.of(), o.confirm());
    }
}
