package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.CockpitConfig.MetricConfig;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.ScrapeTarget;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.Silences;
import io.hcdjg.cockpit.probes.MonitoringClient;
import io.hcdjg.cockpit.testing.MonitoringServers;
import io.hcdjg.cockpit.testing.Ports;
import io.hcdjg.cockpit.testing.StandInServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import io.hcdjg.cockpit.ops.Maintenance;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against real Prometheus and Alertmanager with configs the fixture writes: a stand-in exporter is scraped, a rule on
 * its metric fires, the alert reaches Alertmanager, a silence suppresses it and expiring the silence brings it back.
 */
@ExtendWith(MonitoringServers.Extension.class)
class MonitoringPollerTest {
    static final Duration T = Duration.ofSeconds(3);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    private static MonitoringPoller poller(String prometheus, String alertmanager, List<MetricConfig> metrics) {
        SnapshotStore store = new SnapshotStore(StackSnapshot.initial(Instant.now(), "t", "t", false, List.of()),
                s -> { });
        return new MonitoringPoller(new CockpitConfig.Monitoring(prometheus, alertmanager, Duration.ofSeconds(15), T),
                metrics, new MonitoringClient(HTTP, prometheus, alertmanager, T), store, Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(), 10, null);
    }

    private static MonitoringState until(MonitoringPoller p, Predicate<MonitoringState> done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        MonitoringState s = p.refresh();
        while (!done.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen in 90 s; last state " + s);
            }
            Thread.sleep(500);
            s = p.refresh();
        }
        return s;
    }

    private static MetricReading metric(MonitoringState s, String name) {
        return s.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void metricsEachWithItsOwnOutcome(MonitoringServers servers) throws Exception {
        MonitoringPoller p = poller(servers.prometheusUrl(), servers.alertmanagerUrl(), List.of(
                new MetricConfig("vertices", "vertices", "sum(janusgraph_vertices_total)", "", null, null),
                new MetricConfig("p95", "p95",
                        "histogram_quantile(0.95, sum by (le) (rate(janusgraph_query_duration_seconds_bucket[5m])))",
                        "s", 1.0, 2.0),
                new MetricConfig("broken", "broken", "sum(", "", null, null),
                new MetricConfig("nothing", "nothing", "no_such_metric_total", "", null, null),
                new MetricConfig("nan", "nan", "0/0", "", null, null),
                new MetricConfig("inf", "inf", "1/0", "", 1.0, 5.0)));
        MonitoringState s = until(p, x -> Double.isFinite(metric(x, "vertices").value()), "the first scrape");
        assertEquals(6212.0, metric(s, "vertices").value());
        assertEquals(HealthLevel.UP, metric(s, "vertices").level());
        assertTrue(metric(s, "broken").reason().startsWith("bad query: bad_data: invalid parameter \"query\""),
                metric(s, "broken").reason());
        assertEquals("no data: no series match the query", metric(s, "nothing").reason());
        assertEquals("NaN: no samples in the query's window", metric(s, "nan").reason());
        assertEquals(Double.POSITIVE_INFINITY, metric(s, "inf").value());
        assertEquals(HealthLevel.DOWN, metric(s, "inf").level());
        assertNull(s.prometheusProblem());
    }

    @Test
    void aTargetThatIsDownShowsWithItsError(MonitoringServers servers) throws Exception {
        MonitoringState s = until(poller(servers.prometheusUrl(), servers.alertmanagerUrl(), List.of()),
                x -> x.targets().stream().anyMatch(t -> t.job().equals("hcd") && t.down()), "the dead target");
        ScrapeTarget hcd = s.targets().stream().filter(t -> t.job().equals("hcd")).findFirst().orElseThrow();
        assertTrue(hcd.lastError().contains("connection refused"), hcd.lastError());
        assertEquals("janusgraph", s.targets().stream().filter(t -> t.job().equals("janusgraph-exporter")).findFirst()
                .orElseThrow().service());
    }

    /**
     * On an Alertmanager another stack shares, maintenance mode silences this stack's alerts (Prometheus's external
     * label cluster=hcd-janusgraph, as the real stack's) and leaves the other stack's firing.
     */
    @Test
    void maintenanceSilencesThisStacksAlertsOnly(MonitoringServers servers) throws Exception {
        MonitoringPoller p = poller(servers.prometheusUrl(), servers.alertmanagerUrl(), List.of());
        Instant now = Instant.now();
        String other = "[{\"labels\":{\"alertname\":\"OtherStackDown\",\"cluster\":\"another-stack\"},"
                + "\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plus(Duration.ofHours(1)) + "\"}]";
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(servers.alertmanagerUrl() + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(other)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        until(p, x -> x.firing().stream().anyMatch(a -> a.name().equals(MonitoringServers.TEST_ALERT))
                && x.firing().stream().anyMatch(a -> a.name().equals("OtherStackDown")), "both stacks' alerts");

        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        Maintenance maintenance = new Maintenance(dir.resolve("maintenance.json"),
                new Silences(p.client(), audit, Clock.systemUTC(), () -> { }), Clock.systemUTC(),
                CockpitConfig.Monitoring.STACK_LABELS);
        ActionOutcome on = maintenance.enable(Duration.ofMinutes(30), "patching", "ops-oncall");
        assertEquals(ActionOutcome.Status.DONE, on.status(), on.message());
        MonitoringState s = until(p, x -> x.alerts().stream().anyMatch(a -> a.name().equals(MonitoringServers
                .TEST_ALERT) && a.state().equals("suppressed")), "this stack's alert silenced");
        assertTrue(s.firing().stream().anyMatch(a -> a.name().equals("OtherStackDown")),
                "the other stack's alert still fires: " + s.alerts());
        assertEquals(List.of("alertname=~.+", "cluster=hcd-janusgraph"), s.silences().stream()
                .filter(x -> x.state().equals("active")).findFirst().orElseThrow().matchers());
        assertEquals(ActionOutcome.Status.DONE, maintenance.disable().status());
    }

    @Test
    void scrapeRuleAlertSilenceAndExpiryEndToEnd(MonitoringServers servers) throws Exception {
        MonitoringPoller p = poller(servers.prometheusUrl(), servers.alertmanagerUrl(), List.of());
        Predicate<MonitoringState> firing = x -> x.firing().stream()
                .anyMatch(a -> a.name().equals(MonitoringServers.TEST_ALERT));
        MonitoringState s = until(p, firing, "the rule's alert reaching Alertmanager");
        Alert a = s.firing().stream().filter(x -> x.name().equals(MonitoringServers.TEST_ALERT))
                .findFirst().orElseThrow();
        assertEquals("critical", a.severity());
        assertEquals("janusgraph-exporter", a.service());
        assertEquals("the exporter lost its Gremlin connection", a.summary());

        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC());
        Silences silences = new Silences(p.client(), audit, Clock.systemUTC(), () -> { });
        ActionOutcome refused = silences.silence(MonitoringServers.TEST_ALERT, Map.of(), Duration.ofHours(2), "ops",
                " ");
        assertEquals(ActionOutcome.Status.REFUSED, refused.status());
        ActionOutcome done = silences.silence(MonitoringServers.TEST_ALERT, Map.of(), Duration.ofHours(2), "ops-oncall",
                "acknowledged from the cockpit test");
        assertEquals(ActionOutcome.Status.DONE, done.status(), done.message());
        s = until(p, x -> x.alerts().stream().anyMatch(al -> al.name().equals(MonitoringServers.TEST_ALERT)
                && al.state().equals("suppressed")), "the silence taking effect");
        String id = s.silences().stream().filter(x -> x.comment().equals("acknowledged from the cockpit test")
                && x.state().equals("active")).findFirst().orElseThrow().id();
        assertEquals(List.of("alertname=" + MonitoringServers.TEST_ALERT), s.silences().stream()
                .filter(x -> x.id().equals(id)).findFirst().orElseThrow().matchers());

        assertEquals(ActionOutcome.Status.DONE, silences.expire(id).status());
        until(p, firing, "the alert firing again after the silence expired");
        String log = Files.readString(audit.file());
        assertTrue(log.contains("\"method\":\"POST\"") && log.contains("\"method\":\"DELETE\"")
                && log.contains("\"outcome\":\"refused\""), log);
    }

    @Test
    void prometheusDownAndAlertmanagerErrorsAreSaidOnce(MonitoringServers servers) throws Exception {
        int closed = Ports.closed();
        try (StandInServer brokenAm = StandInServer.answering("/api/v2/alerts", 500,
                "{\"code\":500,\"message\":\"out of memory\"}")) {
            MonitoringState s = poller("http://127.0.0.1:" + closed, "http://127.0.0.1:" + brokenAm.port(),
                    List.of(new MetricConfig("up", "up", "sum(up)", "", null, null))).refresh();
            assertEquals("Prometheus at http://127.0.0.1:" + closed + ": connection refused on 127.0.0.1:" + closed,
                    s.prometheusProblem());
            assertEquals("no value: " + s.prometheusProblem(), s.metrics().get(0).reason());
            assertNotNull(s.alertmanagerProblem());
            assertEquals("Alertmanager at http://127.0.0.1:" + brokenAm.port()
                    + " answered HTTP 500 from /api/v2/alerts: out of memory", s.alertmanagerProblem());
        }
    }
}
