package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.HealthLevel;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthFormatTest {
    @Test
    void everyLevelHasItsStyle() {
        assertEquals(HealthFormat.STYLE_OK, HealthFormat.styleClass(HealthLevel.UP));
        assertEquals(HealthFormat.STYLE_WARN, HealthFormat.styleClass(HealthLevel.DEGRADED));
        assertEquals(HealthFormat.STYLE_CRIT, HealthFormat.styleClass(HealthLevel.DOWN));
        assertEquals(HealthFormat.STYLE_UNKNOWN, HealthFormat.styleClass(HealthLevel.UNKNOWN));
    }

    @Test
    void latencyInTheUnitThatReads() {
        assertEquals("—", HealthFormat.latency(null));
        assertEquals("850 µs", HealthFormat.latency(Duration.ofNanos(850_400)));
        assertEquals("999 µs", HealthFormat.latency(Duration.ofNanos(999_999)));
        assertEquals("1 ms", HealthFormat.latency(Duration.ofMillis(1)));
        assertEquals("12 ms", HealthFormat.latency(Duration.ofMillis(12)));
        assertEquals("1.25 s", HealthFormat.latency(Duration.ofMillis(1250)));
        assertEquals(12.5, HealthFormat.millis(Duration.ofNanos(12_500_000)), 1e-9);
        assertTrue(Double.isNaN(HealthFormat.millis(null)));
    }

    @Test
    void bytesInBinaryUnits() {
        assertEquals("0 B", HealthFormat.bytes(0));
        assertEquals("512 B", HealthFormat.bytes(512));
        assertEquals("1023 B", HealthFormat.bytes(1023));
        assertEquals("1.0 KiB", HealthFormat.bytes(1024));
        assertEquals("1.5 KiB", HealthFormat.bytes(1536));
        assertEquals("12.3 GiB", HealthFormat.bytes((long) (12.3 * (1L << 30))));
        assertEquals("2048.0 TiB", HealthFormat.bytes(2048L << 40), "the largest unit goes on counting");
    }
}
