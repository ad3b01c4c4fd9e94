package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ServiceStatus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which failing services fail because something they need is down. Pure. */
public final class Dependencies {
    private Dependencies() {
    }

    /**
     * Per service that is not UP while a service it needs (directly or through others) is DOWN: the DOWN service
     * furthest upstream, the one to fix first.
     */
    public static Map<String, String> blockedBy(List<ServiceStatus> services, Map<String, List<String>> dependencies) {
        Map<String, HealthLevel> level = new HashMap<>();
        services.forEach(s -> level.put(s.name(), s.health().level()));
        Map<String, String> out = new HashMap<>();
        for (ServiceStatus s : services) {
            if (s.health().level() == HealthLevel.UP) {
                continue;
            }
            String root = rootDown(s.name(), level, dependencies, new HashSet<>());
            if (root != null) {
                out.put(s.name(), root);
            }
        }
        return out;
    }

    private static String rootDown(String service, Map<String, HealthLevel> level, Map<String, List<String>> deps,
                                   Set<String> seen) {
        for (String up : deps.getOrDefault(service, List.of())) {
            // An upstream that answers blocks nothing, whatever its own upstreams do.
            if (!seen.add(up) || level.get(up) == null || level.get(up) == HealthLevel.UP) {
                continue;
            }
            String further = rootDown(up, level, deps, seen);
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
