package io.hcdjg.cockpit.model;

import java.time.Instant;

/** Maintenance mode: alerts silenced (the silence's id) and tiles marked until {@code until}. */
public record MaintenanceWindow(Instant since, Instant until, String silenceId, String reason, String by) {
}
