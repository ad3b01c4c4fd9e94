package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.RecoveryStep;
import io.hcdjg.cockpit.probes.HttpDiagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fresh-machine recovery chain (runbook "Codex Fresh-Machine Recovery Chain", stack-reference §4.8): seven ordered
 * steps, each judged from a live check, the first failing one named with the R-code its symptoms match. Pure.
 */
public final class RecoveryChain {
    /** Log text → code, most specific first: the analytics-api's (R-05..R-13) and the notebooks' (R-14..R-18). */
    private static final List<Map.Entry<String, String>> SIGNS = List.of(
            Map.entry("no module named 'slowapi'", "R-05"), Map.entry("no module named 'pydantic_settings'", "R-06"),
            Map.entry("no module named 'banking'", "R-07"),
            Map.entry("permission denied: '/var/log/janusgraph", "R-08"),
            Map.entry("no module named 'pyotp'", "R-09"), Map.entry("no module named 'qrcode'", "R-10"),
            Map.entry("opensearch_initial_admin_password", "R-11"), Map.entry("startup validation", "R-11"),
            Map.entry("no module named 'opentelemetry", "R-12"),
            Map.entry("no module named 'requests'", "R-13"), Map.entry("pattern matched no files", "R-15"),
            Map.entry("no module named 'email_validator'", "R-16"), Map.entry("no module named 'pydantic'", "R-16"),
            Map.entry("keyerror: 'sum'", "R-17"), Map.entry("keyerror: 'first_name'", "R-18"));

    /**
     * What the checks saw.
     *
     * @param podmanProblem why the connection does not answer, or null
     * @param hcdImage      the image hcd-server runs (or should run), and whether podman has it
     * @param containers    the project's containers
     * @param vault         Vault's probe, null when the project has no vault service
     * @param apiLog        the analytics-api container's newest log lines
     * @param notebookLogs  the newest run's notebook logs (their tails)
     */
    public record Inputs(String connection, String podmanProblem, String hcdImage, boolean hcdImageExists,
                         List<ContainerInfo> containers, Health vault, Health api, Health jupyter, List<String> apiLog,
                         ProofStatus proof, List<String> notebookLogs) {
    }

    private RecoveryChain() {
    }

    public static List<RecoveryStep> run(Inputs in) {
        List<RecoveryStep> out = new ArrayList<>();
        out.add(in.podmanProblem() == null ? pass(1, "machine running, connection active", "podman answers ("
                + in.connection() + ")") : fail(1, "machine running, connection active", in.podmanProblem(), "R-01"));
        out.add(in.hcdImageExists() ? pass(2, "hcd image built", in.hcdImage() + " exists")
                : fail(2, "hcd image built", in.hcdImage() + " is not in podman's images", "R-02"));
        long running = in.containers().stream().filter(ContainerInfo::running).count();
        List<String> notRunning = in.containers().stream().filter(c -> !c.running()).map(c -> c.service() + " "
                + c.state()).toList();
        // R-02 is the hcd image missing, which step 2 already names; a stack that is not running has no code of its
        // own.
        out.add(!in.containers().isEmpty() && notRunning.isEmpty() ? pass(3, "stack deployed in the project",
                running + " containers running") : fail(3, "stack deployed in the project", in.containers().isEmpty()
                ? "no container of the project" : "not running: " + String.join(", ", notRunning), ""));
        if (in.vault() == null) {
            out.add(new RecoveryStep(4, "Vault initialized and unsealed", HealthLevel.UNKNOWN,
                    "no vault service in this project", ""));
        } else {
            // R-03 is a Vault never initialised; a sealed one is unsealed with its keys (no R-code: R-04 is
            // init_vault.sh looking for a container named vault-server, which no probe can see).
            out.add(in.vault().level() == HealthLevel.UP
                    ? pass(4, "Vault initialized and unsealed", in.vault().reason())
                    : fail(4, "Vault initialized and unsealed", in.vault().reason(),
                    in.vault().reason().startsWith(HttpDiagnosis.VAULT_UNINITIALISED) ? "R-03" : ""));
        }
        String api = in.api() == null ? "no analytics-api service" : "analytics-api " + in.api().level() + ": "
                + in.api().reason();
        String jupyter = in.jupyter() == null ? "no jupyter service" : "jupyter " + in.jupyter().level() + ": "
                + in.jupyter().reason();
        boolean apiOk = in.api() != null && in.api().level() == HealthLevel.UP;
        boolean jupyterOk = in.jupyter() != null && in.jupyter().level() == HealthLevel.UP;
        // An unhealthy Jupyter has no R-code; the API's crash loops are told apart by their log lines (R-05..R-13).
        out.add(apiOk && jupyterOk ? pass(5, "analytics-api and jupyter healthy", api + "; " + jupyter)
                : fail(5, "analytics-api and jupyter healthy", api + "; " + jupyter,
                !apiOk ? sign(in.apiLog(), "") : ""));
        ProofStatus p = in.proof();
        boolean proofOk = p != null && p.verdict() == HealthLevel.UP;
        // Jupyter answers, but this connection has no running jupyter container, so the notebook runner (which
        // looks on this connection) reports it "not running": the stack was deployed on another connection.
        boolean otherConnection = in.jupyter() != null && in.jupyter().reached() && in.containers().stream()
                .noneMatch(c -> c.service().equals("jupyter") && c.running());
        out.add(proofOk ? pass(6, "deterministic live notebook proof", p.summary())
                : fail(6, "deterministic live notebook proof", (p == null ? "not read" : p.summary())
                + (otherConnection ? "; jupyter answers, but " + in.connection() + " has no running jupyter container"
                : ""), otherConnection ? "R-14" : sign(in.notebookLogs(), "")));
        boolean archived = p != null && p.notebooks().file() != null;
        out.add(archived ? pass(7, "notebook evidence archived", p.notebooks().file().toString())
                : fail(7, "notebook evidence archived", "no exports/<run>/notebook_run_report.tsv", ""));
        // Later steps stand on earlier ones: after the first failure they are shown, but not as passed or failed.
        boolean failed = false;
        for (int i = 0; i < out.size(); i++) {
            RecoveryStep s = out.get(i);
            if (failed && s.level() != HealthLevel.UNKNOWN) {
                out.set(i, new RecoveryStep(s.number(), s.name(), HealthLevel.UNKNOWN, "after step " + firstFailure(out)
                        + ": " + s.found(), ""));
            }
            failed |= s.level() == HealthLevel.DOWN;
        }
        return out;
    }

    private static int firstFailure(List<RecoveryStep> steps) {
        return steps.stream().filter(s -> s.level() == HealthLevel.DOWN).findFirst().map(RecoveryStep::number)
                .orElse(0);
    }

    /** The code whose sign the lines show, else {@code otherwise}. */
    static String sign(List<String> lines, String otherwise) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).toLowerCase(Locale.ROOT);
            for (var e : SIGNS) {
                if (l.contains(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return otherwise;
    }

    private static RecoveryStep pass(int n, String name, String found) {
        return new RecoveryStep(n, name, HealthLevel.UP, found, "");
    }

    private static RecoveryStep fail(int n, String name, String found, String code) {
        return new RecoveryStep(n, name, HealthLevel.DOWN, found, code);
    }
}
