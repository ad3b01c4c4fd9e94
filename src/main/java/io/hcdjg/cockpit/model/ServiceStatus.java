package io.hcdjg.cockpit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the cockpit knows about one service after its latest probe.
 *
 * @param latencyHistory latencies of the latest probes, oldest first, bounded by the poller
 * @param checkedAt      when the latest probe finished; null before the first one
 * @param nextProbeAt    when the next probe may run; later than the next round while the service backs off
 */
public record ServiceStatus(String name, ProbeKind kind, String endpoint, Health health,
                            List<Duration> latencyHistory, Instant checkedAt, int consecutiveFailures,
                            Instant nextProbeAt) {

    public ServiceStatus {
        latencyHistory = List.copyOf(latencyHistory);
    }

    public static ServiceStatus pending(String name, ProbeKind kind, String endpoint) {
        return new ServiceStatus(name, kind, endpoint, Health.unknown("not probed yet"), List.of(), null, 0, null);
    }
}
