package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.LogSummary;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityState;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;

class IncidentDeskTest {
    private static final Duration MS = Duration.ofMillis(1);

    @TempDir
    Path dir;

    private static List<String> prompts(IncidentState s, String kind) {
        return s.prompts().stream().filter(p -> p.kind().equals(kind)).map(p -> p.incident() + " L" + p.level())
                .toList();
    }

    private static long count(IncidentDesk d, String type) {
        return d.store().events().stream().filter(e -> e.type().equals(type)).count();
    }

    @Test
    void aCoreServiceDownIsP0AndItsDependentsAreBlockedNotIncidents() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        Health down = Health.down("connection refused");
        f.round(Health.up("ok")); // all healthy: nothing recorded
        assertTrue(f.desk.store().events().isEmpty());
        // janusgraph-server answers first, before the hcd-server probe has timed out: nothing yet, the round is not
        // over
        f.services(down, "janusgraph-server", "analytics-api");
        f.desk.observe(f.snapshot());
        assertTrue(f.desk.state().incidents().isEmpty());

        f.round(down, "hcd-server", "janusgraph-server", "analytics-api");
        IncidentState s = f.desk.state();
        assertEquals(1, s.incidents().size(), s.incidents().toString());
        Incident i = s.incidents().get(0);
        assertEquals("INC-0001", i.id());
        assertEquals(Priority.P0, i.priority());
        assertEquals(List.of("hcd-server", "janusgraph-server", "analytics-api"), i.services());
        assertEquals(Map.of("janusgraph-server", "hcd-server", "analytics-api", "hcd-server"), s.blockedBy());
        assertEquals(DeskFixture.T0.plus(Duration.ofMinutes(15)), s.deadlines().get("INC-0001"));
        assertTrue(i.events().stream().anyMatch(e -> e.text().contains("janusgraph-server UP → DOWN")
                && e.text().endsWith("(blocked by hcd-server)")));

        // the same state in the next round records nothing new
        int events = f.desk.store().events().size();
        f.round(down, "hcd-server");
        assertEquals(events, f.desk.store().events().size());

        // recovery joins the incident's timeline; it stays open until the operator resolves it
        f.round(Health.up("ok"), "hcd-server", "janusgraph-server", "analytics-api");
        i = f.desk.find("INC-0001");
        assertFalse(i.resolved());
        assertTrue(i.events().get(i.events().size() - 1).text().startsWith("analytics-api DOWN → UP"),
                i.events().toString());
        assertTrue(f.desk.state().blockedBy().isEmpty());
    }

    @Test
    void anUpstreamThatAnswersBlocksNothing() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        // jupyter needs janusgraph-server, which answers although opensearch (which it needs) is down
        f.round(Health.down("refused"), "opensearch", "jupyter");
        assertEquals(Map.of(), f.desk.state().blockedBy());
        assertEquals(2, f.desk.state().incidents().size());
    }

    @Test
    void servicesWithoutAContainerInTheProjectOpenNothing() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        var pending = new PodmanState("the local engine", null, List.of(), null, false);
        f.observe(f.snapshot().withPodman(pending, DeskFixture.T0));
        f.round(Health.unreachable("connection refused on 127.0.0.1:19042"), "hcd-server");
        assertTrue(f.desk.store().events().isEmpty(), "nothing is judged before podman has listed the project");

        var listed = new PodmanState("the local engine", null, List.of(), DeskFixture.T0, true);
        f.observe(f.snapshot().withPodman(listed, DeskFixture.T0));
        f.round(Health.unreachable("connection refused on 127.0.0.1:19042"), "hcd-server");
        assertTrue(f.desk.state().incidents().isEmpty());
        assertEquals(List.of("hcd-server DOWN: connection refused on 127.0.0.1:19042 (no container in the project)"),
                f.desk.state().timeline().stream().map(IncidentEvent::text).toList());
    }

    @Test
    void aServiceThatAnswersIsDeployedWhateverPodmanSees() throws Exception {
        // A stack watched by probes alone (on another host): the project has no container on this connection.
        DeskFixture f = new DeskFixture(dir);
        var listed = new PodmanState("the local engine", null, List.of(), DeskFixture.T0, true);
        f.observe(f.snapshot().withPodman(listed, DeskFixture.T0));
        f.round(Health.down("Vault is sealed: unseal it with 3 of the 5 keys (Vault 1.15.4)"), "vault");
        assertEquals(List.of("vault"),
                f.desk.state().incidents().stream().flatMap(i -> i.services().stream()).toList());
        assertEquals(Priority.P1, f.desk.find("INC-0001").priority());
    }

    @Test
    void prioritiesFollowTheRules() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        f.round(Health.down("refused"), "vault");
        f.round(Health.degraded("cluster status yellow"), "opensearch");
        assertEquals(Priority.P1, f.desk.find("INC-0001").priority()); // down, not a core service
        assertEquals(Priority.P2, f.desk.find("INC-0002").priority()); // degraded

        Alert critical = new Alert("fp1", "HighErrorRate", "critical", "janusgraph-exporter", "active",
                DeskFixture.T0, "errors above 10/s", Map.of(), List.of());
        Alert onVault = new Alert("fp2", "VaultSealed", "warning", "vault", "active", DeskFixture.T0, "", Map.of(),
                List.of());
        f.observe(f.snapshot().withMonitoring(new MonitoringState(List.of(), List.of(), List.of(critical, onVault),
                List.of(), null, null, DeskFixture.T0), DeskFixture.T0));
        Incident alert = f.desk.find("INC-0003");
        assertEquals(Priority.P1, alert.priority());
        assertEquals("alert", alert.source());
        assertEquals(3, f.desk.state().incidents().size(), "an alert on a service with an incident joins it");
        assertTrue(f.desk.find("INC-0001").events().stream().anyMatch(e -> e.text().startsWith("VaultSealed firing")));

        // Alertmanager unreachable: its alerts are not taken as resolved
        f.observe(f.snapshot().withMonitoring(new MonitoringState(List.of(), List.of(), List.of(), List.of(), null,
                "connection refused", DeskFixture.T0), DeskFixture.T0));
        assertEquals(2, count(f.desk, IncidentEvent.ALERT));
        f.observe(f.snapshot().withMonitoring(new MonitoringState(List.of(), List.of(), List.of(onVault), List.of(),
                null, null, DeskFixture.T0), DeskFixture.T0));
        assertTrue(f.desk.find("INC-0003").events().stream()
                .anyMatch(e -> e.text().startsWith("HighErrorRate resolved")));
    }

    @Test
    void logSpikesOpenByClassAndThreshold() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        // error, slow query, auth failure, destructive over the spike window
        f.observe(f.snapshot().withLogs(List.of(logs("analytics-api", 49, 0, 19, 0)), DeskFixture.T0));
        assertTrue(f.desk.state().incidents().isEmpty());
        f.observe(f.snapshot().withLogs(List.of(logs("analytics-api", 50, 0, 20, 0),
                logs("hcd-server", 0, 0, 0, 1)), DeskFixture.T0));
        IncidentState s = f.desk.state();
        assertEquals(3, s.incidents().size());
        assertEquals(List.of(Priority.P1, Priority.P1, Priority.P2),
                s.incidents().stream().map(Incident::priority).sorted().toList());
        assertTrue(s.incidents().stream().anyMatch(i -> i.title().equals("1 destructive line in 5 min on hcd-server")));
        // still above: no new marker; below and above again: a new marker on the same unresolved incident
        f.observe(f.snapshot().withLogs(List.of(logs("analytics-api", 70, 0, 20, 0)), DeskFixture.T0));
        assertEquals(3, count(f.desk, IncidentEvent.LOG_SPIKE));
        f.observe(f.snapshot().withLogs(List.of(logs("analytics-api", 3, 0, 20, 0)), DeskFixture.T0));
        f.observe(f.snapshot().withLogs(List.of(logs("analytics-api", 80, 0, 20, 0)), DeskFixture.T0));
        assertEquals(4, count(f.desk, IncidentEvent.LOG_SPIKE));
        assertEquals(3, f.desk.state().incidents().size());
    }

    @Test
    void errorsOfADependentJoinTheUpstreamsIncident() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        f.round(Health.up("ok"));
        // the exporter logs errors as soon as janusgraph-server stops answering, before the round ends
        f.services(Health.down("refused"), "janusgraph-server");
        f.observe(f.snapshot().withLogs(List.of(logs("janusgraph-exporter", 400, 0, 0, 0)), DeskFixture.T0));
        assertTrue(f.desk.state().incidents().isEmpty());
        f.round(Health.down("refused"), "janusgraph-server");
        Incident i = f.desk.find("INC-0001");
        assertEquals(List.of("janusgraph-server", "janusgraph-exporter"), i.services());
        assertEquals(1, f.desk.state().incidents().size());
        assertTrue(i.events().stream()
                .anyMatch(e -> e.text().equals("400 error lines in 5 min on janusgraph-exporter")));
    }

    private static SecurityEvent event(Instant at, SecurityEvent.Category c,
                                                              String service) {
        return new SecurityEvent(at, service, c, "401 POST /api/v1/auth/login", "10.89.0.1",
                SecurityEvent.LOG, "INFO:     10.89.0.1:5 - \"POST /api/v1/auth/login HTTP/1.1\" 401");
    }

    @Test
    void authFailuresAndDestructiveStatementsAreCountedFromTheSecurityEvents() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        var auth = SecurityEvent.Category.AUTH_FAILURE;
        List<SecurityEvent> events = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            events.add(event(DeskFixture.T0.minusSeconds(60), auth, "analytics-api"));
        }
        events.add(event(DeskFixture.T0.minus(Duration.ofMinutes(6)), auth, "analytics-api")); // before the window
        // the log lines say 0: the count is the security events' (audit log included), not the log class's
        f.observe(f.snapshot().withLogs(List.of(logs("analytics-api", 0, 0, 0, 0), logs("hcd-server", 0, 0, 0, 0)),
                DeskFixture.T0).withSecurity(new SecurityState(DeskFixture.T0, events, List.of()),
                DeskFixture.T0));
        assertTrue(f.desk.state().incidents().isEmpty(), "19 in the window: under the rule's 20");
        events.add(event(DeskFixture.T0.minusSeconds(1), auth, "analytics-api"));
        events.add(event(DeskFixture.T0.minusSeconds(1), SecurityEvent.Category.DESTRUCTIVE,
                "hcd-server"));
        f.observe(f.snapshot().withSecurity(new SecurityState(DeskFixture.T0, events,
                List.of()), DeskFixture.T0));
        assertEquals(List.of("1 destructive statement in 5 min on hcd-server P1",
                        "20 failed authentications in 5 min on analytics-api P1"),
                f.desk.state().incidents().stream().map(i -> i.title() + " " + i.priority()).sorted().toList());
    }

    private static LogSummary logs(String service, int error, int slow, int auth, int destructive) {
        List<Integer> recent = List.of(error, slow, auth, destructive);
        return new LogSummary(service, recent, recent, recent, 100, 0, "following");
    }

    @Test
    void escalationPromptsComeExactlyAtTheirBoundaries() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        f.round(Health.down("refused"), "hcd-server"); // P0 at T0
        f.desk.acknowledge("INC-0001", "ops");

        f.clock.advance(Duration.ofMinutes(30).minus(MS));
        f.desk.tick();
        assertEquals(List.of(), prompts(f.desk.state(), IncidentState.Prompt.ESCALATE));
        f.clock.advance(MS);
        f.desk.tick();
        f.desk.tick();
        assertEquals(List.of("INC-0001 L2"), prompts(f.desk.state(), IncidentState.Prompt.ESCALATE));
        assertEquals(1, count(f.desk, IncidentEvent.ESCALATION_DUE), "recorded once");

        Incident escalated = f.desk.escalate("INC-0001", null, List.of());
        assertEquals(2, escalated.level());
        assertTrue(escalated.events().get(escalated.events().size() - 1).text()
                .contains("no action configured for L2: contact Senior Engineer <ops-senior@example.com> by hand"));
        assertEquals(List.of(), prompts(f.desk.state(), IncidentState.Prompt.ESCALATE));

        f.clock.advance(Duration.ofMinutes(90).minus(MS)); // 2 h − 1 ms after opening
        assertEquals(List.of(), prompts(f.desk.state(), IncidentState.Prompt.ESCALATE));
        f.clock.advance(MS);
        assertEquals(List.of("INC-0001 L3"), prompts(f.desk.state(), IncidentState.Prompt.ESCALATE));
        // ignored until 4 h: the highest level due is asked for (a P0 reaches the CTO)
        f.clock.advance(Duration.ofHours(2));
        assertEquals(List.of("INC-0001 L5"), prompts(f.desk.state(), IncidentState.Prompt.ESCALATE));
        assertEquals(5, f.desk.escalate("INC-0001", null, List.of()).level());
        assertThrows(IllegalArgumentException.class, () -> f.desk.escalate("INC-0001", null, List.of()));
    }

    @Test
    void lowerPrioritiesStopLowerOnTheLadder() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        f.round(Health.degraded("yellow"), "opensearch"); // P2
        f.clock.advance(Duration.ofHours(10));
        assertEquals(List.of("INC-0001 L3"), prompts(f.desk.state(), IncidentState.Prompt.ESCALATE));
        assertEquals(3, f.desk.escalate("INC-0001", null, List.of()).level());
        assertEquals(List.of(), prompts(f.desk.state(), IncidentState.Prompt.ESCALATE));
        assertEquals(4, f.desk.escalate("INC-0001", 4, List.of()).level(), "by hand, any level");
    }

    @Test
    void unacknowledgedIncidentsRemindEveryInterval() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        f.round(Health.down("refused"), "vault");
        f.clock.advance(Duration.ofMinutes(5).minus(MS));
        f.desk.tick();
        assertEquals(0, count(f.desk, IncidentEvent.REMINDER));
        assertEquals(List.of(), prompts(f.desk.state(), IncidentState.Prompt.REMIND));
        f.clock.advance(MS);
        f.desk.tick();
        f.desk.tick();
        assertEquals(1, count(f.desk, IncidentEvent.REMINDER));
        assertEquals(List.of("INC-0001 L1"), prompts(f.desk.state(), IncidentState.Prompt.REMIND));
        f.clock.advance(Duration.ofMinutes(5).minus(MS));
        f.desk.tick();
        assertEquals(1, count(f.desk, IncidentEvent.REMINDER));
        f.clock.advance(MS);
        f.desk.tick();
        assertEquals(2, count(f.desk, IncidentEvent.REMINDER));
        f.desk.acknowledge("INC-0001", "ops");
        f.clock.advance(Duration.ofHours(1));
        f.desk.tick();
        assertEquals(2, count(f.desk, IncidentEvent.REMINDER));
        assertEquals(List.of(), prompts(f.desk.state(), IncidentState.Prompt.REMIND));
    }

    @Test
    void lifecycleAndManualIncidents() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        Incident i = f.desk.open("Customer reports empty graph", Priority.P3,
                List.of("janusgraph-server", "analytics-api"), "ticket 4711");
        assertEquals(List.of("janusgraph-server", "analytics-api"), i.services());
        assertEquals(DeskFixture.T0.plus(Duration.ofDays(3)), f.desk.state().deadlines().get(i.id()),
                "opened on a Friday: one business day is Monday");
        f.desk.priority(i.id(), Priority.P1);
        f.desk.step(i.id(), "assess", true);
        f.desk.note(i.id(), "graph reloaded");
        f.desk.acknowledge(i.id(), "ops");
        assertThrows(IllegalArgumentException.class, () -> f.desk.acknowledge(i.id(), "ops"));
        f.desk.resolve(i.id(), "fixed");
        Incident done = f.desk.find(i.id());
        assertEquals(Incident.State.RESOLVED, done.state());
        assertEquals(Priority.P1, done.priority());
        assertTrue(done.stepsDone().containsAll(List.of("detect", "assess", "resolve")));
        assertTrue(f.desk.state().deadlines().isEmpty());
        assertEquals(Incident.State.ACKNOWLEDGED, f.desk.reopen(i.id(), "again").state());
        assertThrows(IllegalArgumentException.class, () -> f.desk.note("INC-9999", "x"));
        assertThrows(IllegalArgumentException.class, () -> f.desk.open(" ", Priority.P3, List.of(), null));
    }

    @Test
    void aRestartedDeskDoesNotRecordTheSameStateAgain() throws Exception {
        DeskFixture f = new DeskFixture(dir);
        Alert a = new Alert("fp1", "HighErrorRate", "critical", "janusgraph-exporter", "active", DeskFixture.T0, "",
                Map.of(), List.of());
        f.round(Health.down("refused"), "hcd-server");
        f.observe(f.snapshot().withMonitoring(new MonitoringState(List.of(), List.of(), List.of(a), List.of(), null,
                null, DeskFixture.T0), DeskFixture.T0));
        int events = f.desk.store().events().size();

        DeskFixture again = new DeskFixture(dir);
        again.round(Health.down("refused"), "hcd-server");
        again.observe(again.snapshot().withMonitoring(new MonitoringState(List.of(), List.of(), List.of(a), List.of(),
                null, null, DeskFixture.T0), DeskFixture.T0));
        again.desk.refresh();
        assertEquals(events, again.desk.store().events().size());
        assertEquals(2, again.desk.state().incidents().size());
        assertNull(again.desk.state().problem());
    }

    @Test
    void businessDaysSkipTheWeekend() {
        var bd = new IncidentConfig.ResponseTime(Duration.ZERO, 1);
        ZoneId utc = ZoneOffset.UTC;
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), bd.deadline(Instant.parse("2026-11-27T10:00:00Z"), utc));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), bd.deadline(Instant.parse("2026-11-28T12:00:00Z"), utc));
        assertEquals(Instant.parse("2026-11-26T09:00:00Z"), bd.deadline(Instant.parse("2026-11-25T09:00:00Z"), utc));
    }
}
