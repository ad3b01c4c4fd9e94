package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.List;
import java.util.Comparator;

/**
 * The project's containers on the operator's podman connection.
 *
 * @param target     "on NAME (URI)" or "on the local engine", always shown so nobody acts on the wrong machine
 * @param problem    what keeps podman from answering, with what to do; null when it answers
 * @param listedAt   when the containers were last listed; null before the first listing
 * @param eventsLive whether the events stream is up (else changes show at the next poll)
 */
public record PodmanState(String target, String problem, List<ContainerStatus> containers, Instant listedAt,
                          boolean eventsLive) {

    public PodmanState {
        containers = List.copyOf(containers);
    }

    public static PodmanState notWatched() {
        return new PodmanState("", null, List.of(), null, false);
    }

    /** The containers of one service, replicas in number order. */
    public List<ContainerStatus> of(String service) {
        return containers.stream().filter(c -> c.info().service().equals(service))
                .sorted(Comparator.comparingInt(c -> c.info().number())).toList();
    }
}
