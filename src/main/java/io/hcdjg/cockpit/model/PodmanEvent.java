package io.hcdjg.cockpit.model;

import java.time.Instant;

/** A container event from {@code podman events} (died, start, restart, health_status …). */
public record PodmanEvent(Instant time, String status, String id, String name, String project, String service,
                          Integer exitCode, String health) {
}
