package io.hcdjg.cockpit.model;

import java.time.Duration;

/**
 * The cockpit as one more service (runbook-style): how it is doing itself. A part it cannot measure is null — the CLI
 * has no FX thread and follows no logs.
 *
 * @param round      the latest probe round, from its start to its last answer or timeout
 * @param fxDelayP99 over the last minute, the 99th percentile of how long work handed to the FX thread waited to run:
 *                   what a frame waits for when the window is busy
 * @param logLag     the longest time in the last minute from a log line's timestamp to the cockpit having it
 * @param heapUsed   bytes of heap in use
 * @param threads    live JVM threads
 * @param startup    from the window's JVM start to its first frame with probed tiles
 */
public record CockpitHealth(Duration round, Duration fxDelayP99, Duration logLag, long heapUsed, int threads,
                            Duration startup) {
    public static CockpitHealth unread() {
        return new CockpitHealth(null, null, null, 0, 0, null);
    }
}
