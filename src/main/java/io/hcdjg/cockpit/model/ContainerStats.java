package io.hcdjg.cockpit.model;

/** A container's CPU and memory at one moment, from podman stats. */
public record ContainerStats(String id, String name, double cpuPercent, long memUsed, long memLimit) {
}
