package io.hcdjg.cockpit.testing;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.ProbeKind;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Service and stack configs pointing at the servers a test started. */
public final class Services {
    private Services() {
    }

    public static ServiceConfig at(String name, ProbeKind kind, int port, Duration timeout) {
        return new ServiceConfig(name, kind, "127.0.0.1", port, kind.defaultPath(), timeout, true, null, "datacenter1");
    }

    public static ServiceConfig at(String name, ProbeKind kind, int port) {
        return at(name, kind, port, Duration.ofSeconds(3));
    }

    public static CockpitConfig stack(Duration interval, List<ServiceConfig> services) {
        return new CockpitConfig(new CockpitConfig.Stack("test", "127.0.0.1", List.of()),
                new CockpitConfig.Round(interval, Duration.ofSeconds(3), Duration.ofSeconds(30), 30),
                new CockpitConfig.Host("auto"),
                new CockpitConfig.Podman("", List.of(), Duration.ofSeconds(5)),
                new CockpitConfig.Monitoring("http://127.0.0.1:9090", "http://127.0.0.1:9093", Duration.ofSeconds(15),
                        Duration.ofSeconds(3)), new CockpitConfig.Logs(1000, "24h", Map.of(), Map.of()),
                services, List.of(), null, Map.of(), null, null);
    }
}
