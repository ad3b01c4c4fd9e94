package io.hcdjg.cockpit.model;

import java.util.List;

/**
 * A service's log counters, as the tiles and the log-review panel show them.
 *
 * @param lastHour per class (error, slow query, auth failure, destructive) over the last hour
 * @param lastDay  the same over the last 24 hours
 * @param recent   the same over the incident rules' spike window
 * @param lines    lines retained in the cockpit's buffers
 * @param dropped  lines dropped from the buffers when they were full
 */
public record LogSummary(String service, List<Integer> lastHour, List<Integer> lastDay, List<Integer> recent,
                         long lines, long dropped, String status) {

    public LogSummary {
        lastHour = List.copyOf(lastHour);
        lastDay = List.copyOf(lastDay);
        recent = List.copyOf(recent);
    }
}
