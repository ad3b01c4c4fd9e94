package io.hcdjg.cockpit.testing;

import io.hcdjg.cockpit.model.CockpitHealth;
import io.hcdjg.cockpit.model.ConfigProblem;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.RunbookState;
import io.hcdjg.cockpit.model.SecurityState;

/** Recorded-style snapshots for the view tests: one service in each state. */
public final class Snapshots {
    public static final Instant AT = Instant.parse("2026-11-28T09:30:00Z");

    private Snapshots() {
    }

    public static ServiceStatus status(String name, ProbeKind kind, String endpoint, Health h, int failures) {
        List<Duration> history = h.latency() == null ? List.of() : List.of(Duration.ofMillis(9), h.latency());
        return new ServiceStatus(name, kind, endpoint, h, history, AT, failures,
                failures == 0 ? null : AT.plusSeconds(20));
    }

    public static StackSnapshot mixed(List<ConfigProblem> problems, boolean demo) {
        List<ServiceStatus> services = List.of(
                status("hcd-server", ProbeKind.CQL, "127.0.0.1:19042",
                        Health.down("connection refused on 127.0.0.1:19042").withLatency(Duration.ofMillis(2)), 3),
                status("janusgraph-server", ProbeKind.GREMLIN, "127.0.0.1:18182",
                        Health.up("traversal answered").withLatency(Duration.ofMillis(14)), 0),
                status("opensearch", ProbeKind.OPENSEARCH, "http://127.0.0.1:9200/_cluster/health",
                        Health.degraded("cluster status yellow: 3 unassigned shards")
                                .withLatency(Duration.ofMillis(31)), 0),
                status("vault", ProbeKind.VAULT, "http://127.0.0.1:8200/v1/sys/health",
                        Health.down("Vault is sealed: unseal it with 3 of the 5 keys")
                                .withLatency(Duration.ofMillis(5)), 1),
                new ServiceStatus("grafana", ProbeKind.GRAFANA, "http://127.0.0.1:3001/api/health",
                        Health.unknown("not probed yet"), List.of(), null, 0, null));
        HostStats host = new HostStats(HostStats.Gauge.of("disk /var/lib/containers/storage", 90L << 30, 100L << 30),
                HostStats.Gauge.of("memory", 6L << 30, 24L << 30));
        return new StackSnapshot(AT, "config/cockpit.yaml (shipped)",
                demo ? "Demo stack: test" : "janusgraph-demo on 127.0.0.1",
                demo, services, host, problems, AT, Duration.ofMillis(2013), PodmanState.notWatched(),
                MonitoringState.none(), List.of(),
                IncidentState.none(), RunbookState.none(),
                SecurityState.none(), new CockpitHealth(Duration.ofMillis(2013), Duration.ofMillis(4),
                Duration.ofMillis(350), 180L << 20, 47, Duration.ofMillis(2400)));
    }
}
