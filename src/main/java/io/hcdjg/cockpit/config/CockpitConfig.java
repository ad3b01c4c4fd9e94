package io.hcdjg.cockpit.config;

import java.time.Duration;
import java.util.List;

/** The validated configuration: which stack, which services, how often to probe them. */
public record CockpitConfig(Stack stack, Round round, Host host, List<ServiceConfig> services) {

    public CockpitConfig {
        services = List.copyOf(services);
    }

    /** @param overlays compose overlays that are deployed, e.g. {@code logging}; services of other overlays are hidden */
    public record Stack(String project, String host, List<String> overlays) {
        public Stack {
            overlays = List.copyOf(overlays);
        }
    }

    /** @param history how many latencies each tile keeps */
    public record Round(Duration interval, Duration timeout, Duration maxBackoff, int history) {
    }

    /** @param diskPath the filesystem the disk gauge shows; "auto" picks podman's storage or the home directory */
    public record Host(String diskPath) {
    }

    /** The services that are shown: enabled and, when they belong to an overlay, with that overlay deployed. */
    public List<ServiceConfig> shownServices() {
        return services.stream()
                .filter(ServiceConfig::enabled)
                .filter(s -> s.overlay() == null || stack.overlays().contains(s.overlay()))
                .toList();
    }

    /** A copy pointing the services that the map names at other endpoints (used by the demo stack). */
    public CockpitConfig withServices(List<ServiceConfig> replaced) {
        return new CockpitConfig(stack, round, host, replaced);
    }
}
