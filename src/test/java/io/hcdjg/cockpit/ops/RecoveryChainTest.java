package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.RecoveryStep;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecoveryChainTest {
    static final List<ContainerInfo> RUNNING = List.of(container("hcd-server", "running"), container("vault", "running"),
            container("analytics-api", "running"), container("jupyter", "running"));
    static final ProofStatus PASSED = new ProofStatus(Path.of("/repo/exports"), new ProofStatus.Status(null, null, 0,
            "janusgraph-demo", null, List.of()), new ProofStatus.Gate(Path.of("/repo/exports/demo-1"), "none", "", List.of()),
            new ProofStatus.Notebooks(Path.of("/repo/exports/demo-1/notebook_run_report.tsv"), List.of(), List.of()),
            HealthLevel.UP, "PASS");

    private static ContainerInfo container(String service, String state) {
        return new ContainerInfo("id", "janusgraph-demo_" + service + "_1", "janusgraph-demo", service, 1, state, state,
                "", Instant.EPOCH, 0, "img", List.of(), 0, List.of());
    }

    private static RecoveryChain.Inputs in(String podman, boolean image, Health vault, Health api, List<String> apiLog,
                                           ProofStatus proof, List<String> notebookLogs) {
        return new RecoveryChain.Inputs("podman-wxd-root", podman, "localhost/hcd:1.2.3", image, RUNNING, vault, api,
                Health.up("HTTP 200"), apiLog, proof, notebookLogs);
    }

    private static List<String> summary(List<RecoveryStep> steps) {
        return steps.stream().map(s -> s.number() + " " + s.level() + (s.code().isEmpty() ? "" : " " + s.code())).toList();
    }

    @Test
    void everyStepPasses() {
        assertEquals(List.of("1 UP", "2 UP", "3 UP", "4 UP", "5 UP", "6 UP", "7 UP"), summary(RecoveryChain.run(
                in(null, true, Health.up("unsealed"), Health.up("status=healthy"), List.of(), PASSED, List.of()))));
    }

    @Test
    void theFirstFailureIsNamedWithItsCodeAndTheRestWait() {
        assertEquals(List.of("1 DOWN R-01", "2 UNKNOWN", "3 UNKNOWN", "4 UNKNOWN", "5 UNKNOWN", "6 UNKNOWN", "7 UNKNOWN"),
                summary(RecoveryChain.run(in("Cannot connect to Podman: the machine is not running", false, null, null,
                        List.of(), null, List.of()))));
        assertEquals("2 DOWN R-02", summary(RecoveryChain.run(in(null, false, Health.up("ok"), Health.up("ok"),
                List.of(), PASSED, List.of()))).get(1));
        assertEquals("4 DOWN R-03", summary(RecoveryChain.run(in(null, true, Health.down("Vault is not initialized"),
                Health.up("ok"), List.of(), PASSED, List.of()))).get(3));
        assertEquals("5 DOWN R-06", summary(RecoveryChain.run(in(null, true, Health.up("ok"), Health.down("connection "
                + "refused"), List.of("Traceback (most recent call last):", "ModuleNotFoundError: No module named "
                + "'pydantic_settings'"), PASSED, List.of()))).get(4));
        ProofStatus failed = new ProofStatus(PASSED.exports(), PASSED.status(), new ProofStatus.Gate(Path.of("/r"),
                "G8_NOTEBOOKS", "notebooks", List.of()), PASSED.notebooks(), HealthLevel.DOWN, "FAIL: gate G8_NOTEBOOKS");
        List<RecoveryStep> steps = RecoveryChain.run(in(null, true, Health.up("ok"), Health.up("ok"), List.of(), failed,
                List.of("KeyError: 'first_name'")));
        assertEquals("6 DOWN R-18", summary(steps).get(5));
        assertEquals("FAIL: gate G8_NOTEBOOKS", steps.get(5).found());
    }
}
