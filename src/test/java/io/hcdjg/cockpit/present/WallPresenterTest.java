package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.testing.Snapshots;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.ConfigProblem;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.ScrapeTarget;
import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityState;
import io.hcdjg.cockpit.model.ServiceStatus;
import java.util.ArrayList;
import java.util.Map;

class WallPresenterTest {
    final WallPresenter presenter = new WallPresenter(ZoneOffset.UTC);

    @Test
    void cardsCarryStateReasonLatencyAndStyle() {
        WallModel m = presenter.present(Snapshots.mixed(List.of(), false), Snapshots.AT.plusSeconds(2));
        WallModel.Card hcd = m.cards().get(0);
        assertEquals("DOWN", hcd.state());
        assertEquals("connection refused on 127.0.0.1:19042", hcd.reason());
        assertEquals("2 ms", hcd.latency());
        assertEquals(HealthFormat.STYLE_CRIT, hcd.styleClass());
        assertEquals("failed 3× · next try in 18 s", hcd.retry());
        assertEquals("", m.cards().get(3).retry(), "a first failure is retried next round: nothing to say");
        assertEquals(HealthFormat.STYLE_WARN, m.cards().get(2).styleClass());
        WallModel.Card grafana = m.cards().get(4);
        assertEquals("UNKNOWN", grafana.state());
        assertTrue(Double.isNaN(grafana.latencyMs()));
        assertEquals("—", grafana.latency());
    }

    @Test
    void statusBarSaysWhatIsUpWhenAndWhichConfig() {
        WallModel m = presenter.present(Snapshots.mixed(List.of(), false), Snapshots.AT);
        assertEquals("1 of 5 up  ·  last round 09:30:00 (2.01 s)  ·  config: config/cockpit.yaml (shipped)",
                m.status());
        assertEquals("HCD JanusGraph Ops Cockpit — janusgraph-demo on 127.0.0.1", m.title());
    }

    @Test
    void gaugesUseTheAlertThresholds() {
        assertEquals(HealthLevel.DEGRADED, WallPresenter.gauge(HostStats.Gauge.of("d", 90, 100)).level());
        assertEquals(HealthLevel.DOWN, WallPresenter.gauge(HostStats.Gauge.of("d", 96, 100)).level());
        assertEquals(HealthLevel.UP, WallPresenter.gauge(HostStats.Gauge.of("d", 10, 100)).level());
        WallModel.Gauge g = WallPresenter.gauge(HostStats.Gauge.of("memory", 6L << 30, 24L << 30));
        assertEquals(25.0, g.percent(), 1e-9);
        assertEquals("6.0 GiB of 24.0 GiB used", g.text());
        WallModel.Gauge failed = WallPresenter.gauge(HostStats.Gauge.failed("disk /x", "cannot read /x"));
        assertTrue(Double.isNaN(failed.percent()));
        assertEquals(HealthLevel.UNKNOWN, failed.level());
    }

    @Test
    void alertsAndDownTargetsAreNotedOnTheirServicesTile() {
        var down = new ScrapeTarget("hcd", "hcd-server:7199", "hcd", "down",
                "Get \"http://hcd-server:7199/metrics\": EOF");
        var alert = new Alert("f1", "ServiceDown", "critical", "hcd", "active", Snapshots.AT,
                "hcd is down", Map.of("alertname", "ServiceDown", "job", "hcd"), List.of());
        var mon = new MonitoringState(List.of(), List.of(down), List.of(alert), List.of(), null,
                null, Snapshots.AT);
        assertEquals(List.of("alert ServiceDown (critical): hcd is down", "scrape target hcd-server:7199 down: EOF"),
                WallPresenter.monitoringNotes(mon, "hcd-server"));
        assertEquals(List.of(), WallPresenter.monitoringNotes(mon, "opensearch"));
        assertTrue(WallPresenter.concerns("janusgraph-server", "janusgraph", "janusgraph"));
        assertTrue(WallPresenter.concerns("janusgraph-exporter", "janusgraph-exporter", "janusgraph"));
        assertTrue(!WallPresenter.concerns("opensearch-dashboards", "opensearch-x", ""));
    }

    @Test
    void metricsShowValueWithUnitOrADash() {
        var m = WallPresenter.metric(new MetricReading("p95", "p95", "s", 0.0428,
                HealthLevel.UP, "within thresholds", List.of(0.1, 0.0428), "janusgraph-exporter's probe traversals"));
        assertEquals("0.0428 s", m.text());
        assertEquals("janusgraph-exporter's probe traversals", m.source());
        assertEquals(HealthFormat.STYLE_OK, m.styleClass());
        assertEquals("—", WallPresenter.metric(new MetricReading("x", "x", "s", Double.NaN,
                HealthLevel.UNKNOWN, "no data", List.of(), "Prometheus: x")).text());
    }

    @Test
    void theWindowsWordsAreWordedHereNotInTheView() {
        WallModel quiet = presenter.present(Snapshots.mixed(List.of(), false), Snapshots.AT);
        assertEquals("", quiet.problemsHead());
        assertEquals("Alerts", quiet.alertsTitle());
        assertEquals("podman connection", quiet.connectionPrompt(), "not watching podman yet");
        assertEquals("Incidents", quiet.incidents().tabTitle());

        var one = new ConfigProblem("cockpit.yaml", 9, 5, "services[0].port", "not a port");
        WallModel broken = presenter.present(Snapshots.mixed(List.of(one), true), Snapshots.AT);
        assertEquals("The config has 1 error; the shipped defaults are in use until it is fixed:",
                broken.problemsHead());
        assertEquals("Demo stack: test — services it does not run are shown as not running.", broken.notice());
        assertEquals("The config has 2 errors; the shipped defaults are in use until it is fixed:", presenter.present(
                Snapshots.mixed(List.of(one, one), false), Snapshots.AT).problemsHead());

        var alert = new Alert("f1", "ServiceDown", "critical", "hcd", "active", Snapshots.AT,
                "hcd is down", Map.of("alertname", "ServiceDown"), List.of());
        var mon = new MonitoringState(List.of(), List.of(), List.of(alert, alert), List.of(),
                null, null, Snapshots.AT);
        var watched = new PodmanState("remote-vm (ssh://core@10.0.0.5)", null, List.of(),
                Snapshots.AT, true);
        WallModel busy = presenter.present(Snapshots.mixed(List.of(), false).withMonitoring(mon, Snapshots.AT)
                .withPodman(watched, Snapshots.AT), Snapshots.AT);
        assertEquals("Alerts (2 firing)", busy.alertsTitle());
        assertEquals("podman remote-vm (ssh://core@10.0.0.5) · 0 containers · events live", busy.podman());
        assertEquals("podman remote-vm (ssh://core@10.0.0.5)", busy.connectionPrompt());
    }

    @Test
    void theIncidentAndRunbookPanelsArePresentedWithTheWall() {
        WallModel m = new WallPresenter(ZoneOffset.UTC, IncidentFixtures.ladder(), Redaction.DEFAULT).present(
                Snapshots.mixed(List.of(), false).withIncidents(IncidentFixtures.state(), IncidentFixtures.NOW),
                IncidentFixtures.NOW);
        assertEquals("Incidents (2 open, 1 due)", m.incidents().tabTitle());
        assertEquals("Escalate to L2…", m.incidents().rows().get(1).detail().escalate());
        assertEquals("not run", m.runbook().tiles().get(0).word());
    }

    @Test
    void everyTextOnTheWallGoesThroughTheRedaction() {
        var s = Snapshots.mixed(List.of(), false);
        var services = new ArrayList<>(s.services());
        var first = services.get(0);
        services.set(0, new ServiceStatus(first.name(), first.kind(), first.endpoint(),
                Health.down("login failed for https://ops:hunter2secret@10.0.0.5/api"),
                List.of(), first.checkedAt(), 0, null));
        var event = new SecurityEvent(Snapshots.AT, "analytics-api",
                SecurityEvent.Category.AUTH_FAILURE, "cqlsh -u admin -p hunter2secret", "",
                "log", "cqlsh -u admin -p hunter2secret");
        WallModel m = presenter.present(s.withServices(services, Snapshots.AT).withSecurity(
                new SecurityState(Snapshots.AT, List.of(event), List.of()), Snapshots.AT),
                Snapshots.AT);
        assertEquals("login failed for https://ops:***@10.0.0.5/api", m.cards().get(0).reason());
        assertEquals("cqlsh -u admin -p ***", m.security().events().get(0).raw());
        assertEquals(first.name(), m.cards().get(0).name(), "names and ids are left as they are");
    }

    /** The incident desk's rule on the wall: no container and nothing answering is grey and last, never red. */
    @Test
    void aServiceTheProjectDoesNotDeployIsGreyAndLast() {
        var s = Snapshots.mixed(List.of(), false);
        var services = new ArrayList<>(s.services());
        ServiceStatus hcd = services.get(0);
        services.set(0, new ServiceStatus(hcd.name(), hcd.kind(), hcd.endpoint(),
                Health.unreachable("connection refused on 127.0.0.1:19042"), List.of(), Snapshots.AT, 3, null));
        var listed = new PodmanState("on the local engine", null, List.of(), Snapshots.AT, true);
        WallModel m = presenter.present(s.withServices(services, Snapshots.AT).withPodman(listed, Snapshots.AT),
                Snapshots.AT);

        WallModel.Card last = m.cards().get(m.cards().size() - 1);
        assertEquals("hcd-server", last.name());
        assertEquals("NOT DEPLOYED", last.state());
        assertEquals(HealthFormat.STYLE_UNKNOWN, last.styleClass());
        assertEquals("not in this project: no container, and nothing answers (connection refused on "
                + "127.0.0.1:19042)", last.reason());
        // A port that takes the connection and never answers is a hung service, not an absent one: red.
        services.set(0, new ServiceStatus(hcd.name(), hcd.kind(), hcd.endpoint(),
                Health.unreachable("no answer in 3 s"), List.of(), Snapshots.AT, 3, null));
        WallModel hung = presenter.present(s.withServices(services, Snapshots.AT).withPodman(listed, Snapshots.AT),
                Snapshots.AT);
        assertEquals("DOWN", hung.cards().get(0).state());
                // A sealed Vault answers: deployed somewhere (another host), so still its own red tile.
        WallModel.Card vault = m.cards().stream().filter(c -> c.name().equals("vault")).findFirst().orElseThrow();
        assertEquals("DOWN", vault.state());
        assertEquals(HealthFormat.styleClass(HealthLevel.DOWN), vault.styleClass());
    }
}
