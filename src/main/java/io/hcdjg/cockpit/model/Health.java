package io.hcdjg.cockpit.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one probe: a level, a reason an operator can act on, and how long the probe took.
 * {@code latency} is null when nothing was measured (the probe never ran). {@code reached}: something answered on the
 * service's port, even with an error (a sealed Vault's 503) — so the service is deployed somewhere, whether or not
 * podman shows a container for it; false when nothing listens there or the probe never got through.
 */
public record Health(HealthLevel level, String reason, Duration latency, boolean reached) {

    public Health {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }

    public static Health up(String reason) {
        return new Health(HealthLevel.UP, reason, null, true);
    }

    public static Health degraded(String reason) {
        return new Health(HealthLevel.DEGRADED, reason, null, true);
    }

    /** The service answered, and its answer says it is down. */
    public static Health down(String reason) {
        return new Health(HealthLevel.DOWN, reason, null, true);
    }

    /** Nothing answered: refused, no route, unknown host, or no answer in time. */
    public static Health unreachable(String reason) {
        return new Health(HealthLevel.DOWN, reason, null, false);
    }

    public static Health unknown(String reason) {
        return new Health(HealthLevel.UNKNOWN, reason, null, false);
    }

    public Health withLatency(Duration measured) {
        return new Health(level, reason, measured, reached);
    }
}
