package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CqlDiagnosisTest {

    @Test
    void aSingleNodeRing() {
        Health h = CqlDiagnosis.ring("5.0.5", 1, List.of());
        assertEquals(HealthLevel.UP, h.level());
        assertEquals("Cassandra 5.0.5, 1 node up", h.reason());
    }

    @Test
    void aRingWithDownNodesIsDegradedAndNamesThem() {
        Health h = CqlDiagnosis.ring("5.0.5", 3, List.of("10.89.0.7", "10.89.0.9"));
        assertEquals(HealthLevel.DEGRADED, h.level());
        assertEquals("1 of 3 nodes up; down: 10.89.0.7, 10.89.0.9 (Cassandra 5.0.5)", h.reason());
    }
}
