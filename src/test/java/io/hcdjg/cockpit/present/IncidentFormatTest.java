package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.hcdjg.cockpit.present.IncidentFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentFormatTest {
    @Test
    void countdownsInMinutesThenInWords() {
        assertEquals("—", IncidentFormat.countdown(null, T0));
        assertEquals("due in 14:59", IncidentFormat.countdown(T0.plusSeconds(899), T0));
        assertEquals("due in 3 h 59 min",
                IncidentFormat.countdown(T0.plus(Duration.ofMinutes(239)).plusSeconds(30), T0));
        assertEquals("overdue 0:01", IncidentFormat.countdown(T0.minusSeconds(1), T0));
        assertEquals("overdue 2 d", IncidentFormat.countdown(T0.minus(Duration.ofDays(2)), T0));
    }

    @Test
    void statesStylesAndRows() {
        assertEquals("acknowledged", IncidentFormat.state(IncidentFixtures.INC_2));
        assertEquals("ck-prio-p0", IncidentFormat.priorityStyle(IncidentFixtures.INC_2));
        assertEquals("INC-0002  Data loss reported\nacknowledged · due in 15:00 · L2 · ",
                IncidentFormat.row(IncidentFixtures.INC_2, T0.plus(Duration.ofMinutes(16)), T0.plusSeconds(60)));
        assertEquals("12-02 08:00:00  incident  [INC-0001] opened P1 from down: Graph queries time out",
                IncidentFormat.event(IncidentFixtures.OPENED_1, ZoneOffset.UTC));
    }

    @Test
    void theTimelineFilterByGroupAndText() {
        List<IncidentsModel.TimelineLine> lines = List.of(IncidentFixtures.HCD_DOWN, IncidentFixtures.OTHER_ALERT,
                IncidentFixtures.RESTART).stream().map(e -> IncidentFormat.line(e, ZoneOffset.UTC)).toList();
        assertEquals(3, IncidentFormat.filter(lines, Set.copyOf(IncidentFormat.GROUPS), "").size());
        assertEquals(List.of("12-02 08:01:40  alert     grafana  GrafanaDown firing"),
                IncidentFormat.filter(lines, Set.of("alert"), null));
        assertEquals(1, IncidentFormat.filter(lines, Set.copyOf(IncidentFormat.GROUPS), "  HCD-server ").size(),
                "case-insensitive, on text and service");
        assertEquals(List.of(), IncidentFormat.filter(lines, Set.of("note"), ""));
    }

    @Test
    void escalatingSaysToWhomAndWhatRuns() {
        List<IncidentConfig.Level> ladder = IncidentFixtures.ladder();
        IncidentFormat.Escalation e = IncidentFormat.escalation("INC-0001", 1, Priority.P1, ladder, null).orElseThrow();
        assertEquals(2, e.level());
        assertEquals("Escalate INC-0001 to L2 — Senior Engineer <ops-senior@example.com>?", e.header());
        assertEquals("No action is configured for L2: the escalation is recorded and you contact them yourself.",
                e.body());
        assertEquals(5, IncidentFormat.escalation("INC-0002", 2, Priority.P0, ladder, 5).orElseThrow().level());
        assertEquals(Optional.empty(), IncidentFormat.escalation("INC-0003", 3, Priority.P2, ladder, null),
                "L4 and L5 are not for P2");
        assertEquals("INC-0003 is at L3, the top of its ladder for P2", IncidentFormat.topOfLadder("INC-0003", 3,
                Priority.P2));

        IncidentConfig.Level paged = new IncidentConfig.Level(2, "Senior Engineer", "", Duration.ofMinutes(30),
                Set.of(Priority.P1), List.of("notify-send", "{id}"), "https://hooks.example.com/x?token=secret");
        IncidentFormat.Escalation both = IncidentFormat.escalation("INC-0001", 1, Priority.P1, List.of(paged), null)
                .orElseThrow();
        assertEquals("Escalate INC-0001 to L2 — Senior Engineer?", both.header());
        assertEquals("This runs the command notify-send and the webhook https://hooks.example.com/x?….", both.body(),
                "the webhook's query (a token, often) is not shown");
    }

    @Test
    void aNotificationShowsFourAndCountsTheRest() {
        assertEquals("a\nb", IncidentFormat.notification(List.of("a", "b")));
        assertEquals("1\n2\n3\n4\n… and 2 more", IncidentFormat.notification(List.of("1", "2", "3", "4", "5", "6")));
        assertTrue(IncidentFormat.GROUPS.contains(IncidentFixtures.REMINDER_1.group()));
    }

    @Test
    void anEventWithoutServiceOrIncident() {
        IncidentEvent e = IncidentFixtures.event(T0, IncidentEvent.NOTE, null, null, "handover to night shift");
        assertEquals("12-02 08:00:00  note      handover to night shift", IncidentFormat.event(e, ZoneOffset.UTC));
    }
}
