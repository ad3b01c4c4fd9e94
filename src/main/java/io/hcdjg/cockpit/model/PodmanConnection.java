package io.hcdjg.cockpit.model;

/** A named podman connection from {@code podman system connection list}. */
public record PodmanConnection(String name, String uri, boolean isDefault) {
}
