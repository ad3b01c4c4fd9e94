package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.List;

/**
 * One container of the compose project, matched to its service by the compose labels, never by its name.
 *
 * @param number    the replica number (com.docker.compose.container-number)
 * @param state     podman's state: running, exited, created, restarting, paused …
 * @param health    the compose healthcheck's status ("healthy", "unhealthy", "starting") or "" when there is none
 * @param startedAt null when it never started
 * @param restarts  podman's restart count (from inspect), 0 when unknown
 * @param composeFiles the compose files that created it (from its labels), absolute
 */
public record ContainerInfo(String id, String name, String project, String service, int number, String state,
                            String status, String health, Instant startedAt, int restarts, String image,
                            List<String> ports, int exitCode, List<String> composeFiles) {

    public ContainerInfo {
        ports = List.copyOf(ports);
        composeFiles = List.copyOf(composeFiles);
    }

    public boolean running() {
        return state.equals("running");
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    public ContainerInfo withRestarts(int count) {
        return new ContainerInfo(id, name, project, service, number, state, status, health, startedAt, count, image,
                ports, exitCode, composeFiles);
    }
}
