package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.RecoveryStep;
import io.hcdjg.cockpit.probes.Failures;
import io.hcdjg.cockpit.probes.HttpDiagnosis;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain on the exact reasons the probes give (made by the probes' own diagnosis, not typed in here). */
class RecoveryChainTest {
    static final List<ContainerInfo> RUNNING = List.of(container("hcd-server", "running"),
            container("vault", "running"), container("analytics-api", "running"), container("jupyter", "running"));
    static final ProofStatus PASSED = new ProofStatus(Path.of("/repo/exports"), new ProofStatus.Status(null, null, 0,
            "janusgraph-demo", null, List.of()),
            new ProofStatus.Gate(Path.of("/repo/exports/demo-1"), "none", "", List.of()),
            new ProofStatus.Notebooks(Path.of("/repo/exports/demo-1/notebook_run_report.tsv"), List.of(), List.of()),
            HealthLevel.UP, "PASS");
    static final ProofStatus NO_REPORT = new ProofStatus(PASSED.exports(), PASSED.status(), new ProofStatus.Gate(
            Path.of("/r"), "G8_NOTEBOOKS", "notebooks", List.of()),
            new ProofStatus.Notebooks(null, List.of(), List.of()),
            HealthLevel.DOWN, "FAIL: gate G8_NOTEBOOKS");
    static final Health UNSEALED = vault(200);
    static final Health API_UP = HttpDiagnosis.diagnose(ProbeKind.ANALYTICS_API, "analytics-api", 200,
            "{\"status\":\"healthy\",\"timestamp\":\"2026-12-02T07:00:00Z\",\"services\":{\"janusgraph\":true}}");
    static final Health JUPYTER_UP = HttpDiagnosis.diagnose(ProbeKind.JUPYTER, "jupyter", 200,
            "{\"version\":\"2.14.2\"}");
    static final Health REFUSED = Failures.health(new ConnectException("Connection refused"), "127.0.0.1", 8888,
            Duration.ofSeconds(3));

    private static Health vault(int status) {
        return HttpDiagnosis.diagnose(ProbeKind.VAULT, "vault", status, "{\"version\":\"1.15.4\"}");
    }

    private static ContainerInfo container(String service, String state) {
        return new ContainerInfo("id", "janusgraph-demo_" + service + "_1", "janusgraph-demo", service, 1, state, state,
                "", Instant.EPOCH, 0, "img", List.of(), 0, List.of());
    }

    private static RecoveryChain.Inputs in(String podman, boolean image, Health vault, Health api, List<String> apiLog,
                                           ProofStatus proof, List<String> notebookLogs) {
        return in(RUNNING, podman, image, vault, api, JUPYTER_UP, apiLog, proof, notebookLogs);
    }

    private static RecoveryChain.Inputs in(List<ContainerInfo> containers, String podman, boolean image, Health vault,
                                           Health api, Health jupyter, List<String> apiLog, ProofStatus proof,
                                           List<String> notebookLogs) {
        return new RecoveryChain.Inputs("podman-wxd-root", podman, "localhost/hcd:1.2.3", image, containers, vault, api,
                jupyter, apiLog, proof, notebookLogs);
    }

    private static List<String> summary(List<RecoveryStep> steps) {
        return steps.stream().map(s -> s.number() + " " + s.level() + (s.code().isEmpty() ? "" : " " + s.code()))
                .toList();
    }

    private static String step(int n, RecoveryChain.Inputs in) {
        return summary(RecoveryChain.run(in)).get(n - 1);
    }

    @Test
    void everyStepPasses() {
        assertEquals(List.of("1 UP", "2 UP", "3 UP", "4 UP", "5 UP", "6 UP", "7 UP"), summary(RecoveryChain.run(
                in(null, true, UNSEALED, API_UP, List.of(), PASSED, List.of()))));
    }

    @Test
    void theFirstFailureIsNamedWithItsCodeAndTheRestWait() {
        assertEquals(
                List.of("1 DOWN R-01", "2 UNKNOWN", "3 UNKNOWN", "4 UNKNOWN", "5 UNKNOWN", "6 UNKNOWN", "7 UNKNOWN"),
                summary(RecoveryChain.run(in("Cannot connect to Podman: the machine is not running", false, null, null,
                        List.of(), null, List.of()))));
        assertEquals("2 DOWN R-02", step(2, in(null, false, UNSEALED, API_UP, List.of(), PASSED, List.of())));
    }

    @Test
    void vaultNeverInitialisedIsR03AndASealedOneHasNoCode() {
        assertEquals("4 DOWN R-03", step(4, in(null, true, vault(501), API_UP, List.of(), PASSED, List.of())));
        List<RecoveryStep> sealed = RecoveryChain.run(in(null, true, vault(503), API_UP, List.of(), PASSED, List.of()));
        assertEquals("4 DOWN", summary(sealed).get(3));
        assertEquals("Vault is sealed: unseal it with 3 of the 5 keys (Vault 1.15.4)", sealed.get(3).found());
    }

    @Test
    void theApiCrashLoopIsToldApartByItsLogAndAnUnhealthyJupyterHasNoCode() {
        assertEquals("5 DOWN R-06", step(5, in(null, true, UNSEALED, REFUSED, List.of(
                "Traceback (most recent call last):", "ModuleNotFoundError: No module named 'pydantic_settings'"),
                PASSED, List.of())));
        assertEquals("5 DOWN R-11", step(5, in(null, true, UNSEALED, REFUSED, List.of(
                "2026-02-17 10:00:01,234 [ERROR] src.python.api.main - Startup validation: "
                        + "OPENSEARCH_INITIAL_ADMIN_PASSWORD is not set"), PASSED, List.of())));
        assertEquals("5 DOWN", step(5, in(null, true, UNSEALED, REFUSED,
                List.of("INFO:     Started server process [1]"), PASSED, List.of())),
                "a refused API with nothing in its log has no code");
        assertEquals("5 DOWN", step(5, in(RUNNING, null, true, UNSEALED, API_UP,
                HttpDiagnosis.diagnose(ProbeKind.JUPYTER, "jupyter", 500, "Internal Server Error"), List.of(),
                PASSED, List.of())));
    }

    @Test
    void jupyterAnsweringWithoutAContainerOnThisConnectionIsR14() {
        List<ContainerInfo> elsewhere = RUNNING.stream().filter(c -> !c.service().equals("jupyter")).toList();
        List<RecoveryStep> steps = RecoveryChain.run(in(elsewhere, null, true, UNSEALED, API_UP, JUPYTER_UP, List.of(),
                NO_REPORT, List.of()));
        assertEquals("6 DOWN R-14", summary(steps).get(5));
        assertEquals("FAIL: gate G8_NOTEBOOKS; jupyter answers, but podman-wxd-root has no running jupyter container",
                steps.get(5).found());
        assertTrue(summary(RecoveryChain.run(in(elsewhere, null, true, UNSEALED, API_UP, REFUSED, List.of(), NO_REPORT,
                List.of()))).stream().noneMatch(s -> s.contains("R-14")),
                "nothing answers: no sign of another connection");
    }

    @Test
    void notebookFailuresAreNamedFromTheirLogs() {
        ProofStatus failed = new ProofStatus(PASSED.exports(), PASSED.status(), NO_REPORT.gate(), PASSED.notebooks(),
                HealthLevel.DOWN, "FAIL: gate G8_NOTEBOOKS");
        List<RecoveryStep> steps = RecoveryChain.run(in(null, true, UNSEALED, API_UP, List.of(), failed,
                List.of("KeyError: 'first_name'")));
        assertEquals("6 DOWN R-18", summary(steps).get(5));
        assertEquals("FAIL: gate G8_NOTEBOOKS", steps.get(5).found());
    }
}
