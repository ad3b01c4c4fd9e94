package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.RecoveryStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecoveryFormatTest {
    @Test
    void theFirstFailingStepStandsOutWithItsCode() {
        RecoveryFormat.Chain c = RecoveryFormat.chain(List.of(
                new RecoveryStep(1, "podman machine", HealthLevel.UP, "running", ""),
                new RecoveryStep(2, "images", HealthLevel.DOWN, "hcd-server image missing", "R-07"),
                new RecoveryStep(3, "compose up", HealthLevel.DOWN, "not tried", "R-09"),
                new RecoveryStep(4, "proof", HealthLevel.UNKNOWN, "skipped", "")));
        assertEquals(List.of("PASS ck-ok 1. podman machine running false",
                        "FAIL ck-crit 2. images hcd-server image missing   [R-07] true",
                        "FAIL ck-crit 3. compose up not tried   [R-09] false",
                        "SKIP ck-unknown 4. proof skipped false"),
                c.rows().stream().map(r -> r.badge() + " " + r.styleClass() + " " + r.name() + " " + r.found() + " "
                        + r.first()).toList());
        assertEquals("first failing: R-07", c.summary());
        assertEquals("R-07", c.code());
    }

    @Test
    void everyStepPassesOrTheFailingOneHasNoCode() {
        assertEquals("every step passes", RecoveryFormat.chain(List.of(new RecoveryStep(1, "podman machine",
                HealthLevel.UP, "running", ""))).summary());
        RecoveryFormat.Chain c = RecoveryFormat.chain(List.of(new RecoveryStep(5, "graph", HealthLevel.DOWN,
                "no answer", "")));
        assertEquals("first failing: step 5", c.summary());
        assertEquals("", c.code());
    }
}
