package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.RunbookConfig;
import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.CertStatus;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.SlowQuery;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChecklistTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final RunbookConfig RC = new RunbookConfig("", Duration.ofHours(24), "", 7, "", "", List.of("nodetool"),
            "/var/lib/hcd/data", "janusgraph", Duration.ofHours(26), List.of(), List.of(), 30, 7, List.of());

    private static ContainerInfo container(String service, String state, String health) {
        return new ContainerInfo("id", "janusgraph-demo_" + service + "_1", "janusgraph-demo", service, 1, state, state,
                health, NOW, 0, "img", List.of(), 0, List.of());
    }

    private static List<String> words(List<CheckResult> r) {
        return r.stream().map(c -> c.word() + " " + c.value()).toList();
    }

    @Test
    void everyCheckWithItsValue() {
        var in = new Checklist.Inputs(List.of(container("hcd-server", "running", "healthy"),
                container("janusgraph-server", "running", "")),
                null, new HostStats(HostStats.Gauge.of("disk /", 90_000_000_000L, 100_000_000_000L),
                HostStats.Gauge.of("memory", 6_000_000_000L, 24_000_000_000L)),
                Map.of("analytics-api", 3, "hcd-server", 0),
                List.of(new BackupInfo(Path.of("/b/hcd-janusgraph-20261128T020000Z.tar.gz"), "janusgraph",
                        Instant.parse("2026-11-28T02:00:00Z"), 12_300_000, false)),
                List.of(new CertStatus("/repo/config/certs/ca/ca-cert.pem", "CN=ca", NOW.plus(Duration.ofDays(20)), 20,
                        HealthLevel.DEGRADED, "expires 2026-12-18 (20 days)"),
                        new CertStatus("/repo/config/certs/hcd/hcd-cert.pem", "", null, 0, HealthLevel.UNKNOWN,
                                "not found")),
                List.of(new SlowQuery("g.V().hasLabel('?').count()", 50.5, 123.6, 3, 0),
                        new SlowQuery("g.V().has('person','name','?').out('owns')", 900, 1532, 2, 1)),
                new MetricReading("p95-latency", "p95", "s", 0.127, HealthLevel.UP, "", List.of(), "Prometheus"), null);
        assertEquals(List.of("pass 2 of 2 containers running",
                        "warn 90 % used of 100.0 GB (disk /)",
                        "pass 25 % used of 24.0 GB (memory)",
                        "warn 3 error lines (analytics-api 3)",
                        "pass 7 h 1 min old: hcd-janusgraph-20261128T020000Z.tar.gz (12.3 MB)",
                        "warn ca-cert.pem expires 2026-12-18 (20 days); 1 not found",
                        "warn 1 slow of 5 API queries (analytics-api profiler); slowest p95 1532 ms: "
                                + "g.V().has('person','name','?').out('owns')"),
                words(Checklist.run(in, RC, NOW)));
        var unprofiled = new Checklist.Inputs(in.containers(), null, in.host(), in.errorsLastHour(), in.backups(),
                in.certificates(), List.of(), in.p95(), null);
        assertEquals("pass the analytics-api profiler has timed no query; the exporter's probe traversals: p95 127 ms "
                + "(Prometheus, 5 min)", words(Checklist.run(unprofiled, RC, NOW)).get(6));
    }

    @Test
    void failures() {
        ServiceStatus slow = new ServiceStatus("janusgraph-server", ProbeKind.GREMLIN, "", Health.up("ok")
                .withLatency(Duration.ofMillis(2500)), List.of(), NOW, 0, null);
        var in = new Checklist.Inputs(List.of(container("hcd-server", "exited", "")), null,
                new HostStats(HostStats.Gauge.of("disk /", 96, 100), HostStats.Gauge.failed("memory", "no /proc")),
                null, List.of(new BackupInfo(Path.of("/b/x.tar.gz.gpg"), "janusgraph", NOW.minus(Duration.ofDays(3)),
                5, true)), List.of(), null, new MetricReading("p95-latency", "p95", "s", Double.NaN,
                HealthLevel.UNKNOWN, "no data", List.of(), "Prometheus"), slow);
        assertEquals(List.of("fail 0 of 1 containers running; not running: janusgraph-demo_hcd-server_1 exited",
                        "fail 96 % used of 0.0 GB (disk /)",
                        "warn not read: no /proc",
                        "warn the logs could not be read",
                        "fail 72 h 1 min old: x.tar.gz.gpg (1 KB, encrypted)",
                        "warn no certificate configured",
                        "fail the analytics-api profiler could not be asked; g.V().limit(1).count() answered in "
                                + "2500 ms (no p95 from Prometheus: no data)"),
                words(Checklist.run(in, RC, NOW)));
        assertEquals("fail podman: podman is not installed", Checklist.system(new Checklist.Inputs(null,
                "podman is not installed", null, null, List.of(), List.of(), null, null, null)).word() + " "
                + Checklist.system(new Checklist.Inputs(null, "podman is not installed", null, null, List.of(),
                List.of(), null, null, null)).value());
    }
}
