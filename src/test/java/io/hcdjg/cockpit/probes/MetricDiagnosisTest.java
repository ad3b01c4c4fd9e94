package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.config.CockpitConfig.MetricConfig;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.MetricReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;

class MetricDiagnosisTest {
    static final MetricConfig P95 = new MetricConfig("p95", "p95 latency", "q", "s", 1.0, 2.0);

    private static List<PromJson.Series> values(double... vs) {
        return Arrays.stream(vs).mapToObj(v -> new PromJson.Series(Map.of(),
                List.of(new PromJson.Point(Instant.EPOCH, v)))).toList();
    }

    @Test
    void thresholdsGiveTheLevel() {
        assertEquals(HealthLevel.UP, MetricDiagnosis.read(P95, values(0.4), List.of(), 5).level());
        MetricReading warn = MetricDiagnosis.read(P95, values(1.0), List.of(), 5);
        assertEquals(HealthLevel.DEGRADED, warn.level());
        assertEquals("at or above warning 1", warn.reason());
        assertEquals(HealthLevel.DOWN, MetricDiagnosis.read(P95, values(2.5), List.of(), 5).level());
        assertEquals(HealthLevel.DOWN,
                MetricDiagnosis.read(P95, values(Double.POSITIVE_INFINITY), List.of(), 5).level());
    }

    @Test
    void noDataAndNanAreSaidNotShownAsZero() {
        MetricReading empty = MetricDiagnosis.read(P95, List.of(), List.of(1.0), 5);
        assertTrue(Double.isNaN(empty.value()));
        assertEquals(HealthLevel.UNKNOWN, empty.level());
        assertEquals("no data: no series match the query", empty.reason());
        assertEquals(List.of(1.0), empty.history());
        assertEquals("NaN: no samples in the query's window",
                MetricDiagnosis.read(P95, values(Double.NaN), List.of(), 5).reason());
    }

    @Test
    void severalSeriesShowTheHighestAndHistoryIsBounded() {
        MetricReading r = MetricDiagnosis.read(P95, values(0.1, 0.7, 0.3), List.of(0.1, 0.2, 0.3), 3);
        assertEquals(0.7, r.value());
        assertEquals("within thresholds; 3 series, the highest shown", r.reason());
        assertEquals(List.of(0.2, 0.3, 0.7), r.history());
        assertEquals(List.of(0.2, 0.3, 0.7), MetricDiagnosis.read(P95, values(Double.POSITIVE_INFINITY), r.history(), 3)
                .history(), "infinities stay out of the sparkline");
    }

    @Test
    void formats() {
        assertEquals("1", MetricReading.format(1.0));
        assertEquals("0.420", MetricReading.format(0.42));
        assertEquals("45.79", MetricReading.format(45.789));
        assertEquals("+Inf", MetricReading.format(Double.POSITIVE_INFINITY));
        assertEquals("NaN", MetricReading.format(Double.NaN));
    }
}
