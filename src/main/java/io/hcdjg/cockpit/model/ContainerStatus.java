package io.hcdjg.cockpit.model;

import java.util.List;

/**
 * A container as the cockpit shows it: what podman lists, its latest CPU and memory (null when not running), and their
 * recent history, oldest first.
 */
public record ContainerStatus(ContainerInfo info, ContainerStats stats, List<Double> cpuHistory,
                              List<Long> memHistory) {

    public ContainerStatus {
        cpuHistory = List.copyOf(cpuHistory);
        memHistory = List.copyOf(memHistory);
    }
}
