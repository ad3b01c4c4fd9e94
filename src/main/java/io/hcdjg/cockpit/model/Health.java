package io.hcdjg.cockpit.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one probe: a level, a reason an operator can act on, and how long the probe took.
 * {@code latency} is null when nothing was measured (the probe never ran).
 */
public record Health(HealthLevel level, String reason, Duration latency) {

    public Health {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }

    public static Health up(String reason) {
        return new Health(HealthLevel.UP, reason, null);
    }

    public static Health degraded(String reason) {
        return new Health(HealthLevel.DEGRADED, reason, null);
    }

    public static Health down(String reason) {
        return new Health(HealthLevel.DOWN, reason, null);
    }

    public static Health unknown(String reason) {
        return new Health(HealthLevel.UNKNOWN, reason, null);
    }

    public Health withLatency(Duration measured) {
        return new Health(level, reason, measured);
    }
}
