package io.hcdjg.cockpit.podman;

import io.hcdjg.cockpit.model.PodmanConnection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which podman the cockpit talks to: a named connection (the flag, else the config, else PODMAN_CONNECTION) or the
 * local engine, with the label every view shows ("on NAME (URI)") and what is wrong with it, if anything.
 */
public record PodmanTarget(Podman podman, String label, String problem) {

    /**
     * What podman runs with from the environment the cockpit was given (the process's own, or a test's): the PATH
     * programs are looked up on and podman's settings ({@code CONTAINERS_CONF}).
     */
    public static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> picked = new HashMap<>();
        for (String name : List.of("PATH", "CONTAINERS_CONF")) {
            if (env.get(name) != null) {
                picked.put(name, env.get(name));
            }
        }
        return picked;
    }

    public static PodmanTarget resolve(ProcessGateway gateway, String... candidates) {
        String name = null;
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                name = c.strip();
                break;
            }
        }
        if (name == null) {
            return new PodmanTarget(new Podman(gateway, Optional.empty()), "on the local engine", null);
        }
        Podman podman = new Podman(gateway, Optional.of(name));
        try {
            List<PodmanConnection> known = podman.connections();
            String wanted = name;
            Optional<PodmanConnection> match = known.stream().filter(k -> k.name().equals(wanted)).findFirst();
            if (match.isEmpty()) {
                String names = known.isEmpty() ? "none is configured"
                        : "known: " + known.stream().map(PodmanConnection::name).collect(Collectors.joining(", "));
                return new PodmanTarget(podman, "on " + name + " (unknown)", "unknown podman connection '" + name
                        + "' (" + names + "); add it with 'podman system connection add " + name + " URI'");
            }
            return new PodmanTarget(podman, "on " + name + " (" + match.get().uri() + ")", null);
        } catch (ProcessException e) {
            return new PodmanTarget(podman, "on " + name, e.getMessage());
        }
    }
}
