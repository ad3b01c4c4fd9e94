package io.hcdjg.cockpit.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A task of the routine schedule and when it is next due.
 *
 * @param when "daily 02:00", "weekly sunday 02:00", "quarterly (not decided)"
 * @param next null when its day or time is not decided
 */
public record MaintenanceDue(String task, String when, Duration duration, Instant next) {
}
