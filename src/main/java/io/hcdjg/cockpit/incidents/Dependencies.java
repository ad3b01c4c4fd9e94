package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ServiceStatus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which services fail because something they need is down. Pure. Undeployed services neither block nor are blocked. */
public final class Dependencies {
    private final Map<String, HealthLevel> level = new HashMap<>();
    private final Map<String, List<String>> dependencies;

    public Dependencies(List<ServiceStatus> services, Map<String, List<String>> dependencies, Set<String> undeployed) {
        services.stream().filter(s -> !undeployed.contains(s.name()))
                .forEach(s -> level.put(s.name(), s.health().level()));
        this.dependencies = dependencies;
    }

    /**
     * Per service that is not UP while a service it needs (directly or through others) is DOWN: the DOWN service
     * furthest upstream, the one to fix first.
     */
    public Map<String, String> blockedBy() {
        Map<String, String> out = new HashMap<>();
        level.forEach((service, l) -> {
            String root = l == HealthLevel.UP ? null : downUpstream(service);
            if (root != null) {
                out.put(service, root);
            }
        });
        return out;
    }

    /** The DOWN service furthest upstream of {@code service}, whatever its own state; null when none. */
    public String downUpstream(String service) {
        return rootDown(service, new HashSet<>());
    }

    private String rootDown(String service, Set<String> seen) {
        for (String up : dependencies.getOrDefault(service, List.of())) {
            // An upstream that answers blocks nothing, whatever its own upstreams do.
            if (!seen.add(up) || level.get(up) == null || level.get(up) == HealthLevel.UP) {
                continue;
            }
            String further = rootDown(up, seen);
            if (further != null) {
                return further;
            }
            if (level.get(up) == HealthLevel.DOWN) {
                return up;
            }
        }
        return null;
    }
}
