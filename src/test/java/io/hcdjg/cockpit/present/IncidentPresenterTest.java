package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.IncidentState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static io.hcdjg.cockpit.present.IncidentFixtures.NOW;
import static io.hcdjg.cockpit.present.IncidentFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk's state as the panel shows it: sorted, worded, with the timelines and notifications. */
class IncidentPresenterTest {
    final IncidentsModel m = new IncidentPresenter(ZoneOffset.UTC, IncidentFixtures.ladder())
            .present(IncidentFixtures.state(), NOW);

    private IncidentsModel.Row row(String id) {
        return m.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void openFirstByPriorityThenNewestAndTheSummaryWords() {
        assertEquals(List.of("INC-0002", "INC-0001", "INC-0003"),
                m.rows().stream().map(IncidentsModel.Row::id).toList());
        assertEquals("2 open · 3 recorded", m.summary());
        assertEquals("Incidents (2 open, 1 due)", m.tabTitle());
        assertEquals(List.of("INC-0002  Data loss reported", "INC-0001  Graph queries time out"), m.choices());
        IncidentsModel none = new IncidentPresenter(ZoneOffset.UTC, List.of()).present(IncidentState.none(), NOW);
        assertEquals("Incidents", none.tabTitle());
        assertEquals("0 open · 0 recorded", none.summary());
    }

    @Test
    void aRowCountsDownEachSecondFromItsDeadline() {
        IncidentsModel.Row r = row("INC-0001");
        assertEquals("ck-prio-p1", r.badgeStyle());
        assertEquals("INC-0001  Graph queries time out\nopen · due in 54:00 · L1 · hcd-server", r.text(NOW));
        assertEquals("response due in 53:59", r.countdown(NOW.plusSeconds(1)));
        assertFalse(r.overdue(NOW));
        assertTrue(r.overdue(T0.plus(Duration.ofMinutes(61))));
        assertEquals("response overdue 1:00", r.countdown(T0.plus(Duration.ofMinutes(61))));
        IncidentsModel.Row resolved = row("INC-0003");
        assertEquals("INC-0003  OpenSearch yellow\nresolved · L1 · opensearch", resolved.text(NOW));
        assertEquals("resolved", resolved.countdown(NOW));
        assertFalse(resolved.overdue(NOW.plus(Duration.ofDays(9))));
    }

    @Test
    void theDetailSaysWhereTheIncidentStandsOnItsLadder() {
        IncidentsModel.Detail d = row("INC-0001").detail();
        assertEquals("INC-0001 — Graph queries time out", d.title());
        assertEquals("P1 (critical functionality impaired or security) · open · opened 12-02 08:00:00 from down · "
                + "L1 On-Call Engineer · hcd-server", d.meta());
        assertTrue(d.canAcknowledge());
        assertEquals("Escalate to L2…", d.escalate(), "the prompt that is due names the level");
        assertEquals("Resolve…", d.resolve());
        assertEquals(List.of("L1 current ck-rung-reached", "L2 at 08:30 ck-rung-later", "L3 at 10:00 ck-rung-later",
                        "L4 at 12:00 ck-rung-later", "L5 not for P1 ck-rung-na"),
                d.ladder().stream().map(x -> x.level() + " " + x.status() + " " + x.styleClass()).toList());

        IncidentsModel.Detail acknowledged = row("INC-0002").detail();
        assertFalse(acknowledged.canAcknowledge());
        assertEquals("Escalate to L3…", acknowledged.escalate(), "no prompt: the next level of its ladder");
        assertTrue(acknowledged.meta().endsWith("· L2 Senior Engineer · no service named"), acknowledged.meta());
        assertEquals("Reopen…", row("INC-0003").detail().resolve());
    }

    @Test
    void itsTimelineHoldsItsOwnEntriesAndWhatHappenedToItsServices() {
        List<String> lines = row("INC-0001").detail().timeline().stream().map(IncidentsModel.TimelineLine::line)
                .toList();
        assertEquals(List.of(
                "12-02 07:59:00  health    hcd-server  hcd-server UP → DOWN: connection refused",
                "12-02 08:00:00  incident  [INC-0001] opened P1 from down: Graph queries time out",
                "12-02 08:03:20  action    restart all: done",
                "12-02 08:05:00  escalation[INC-0001] not acknowledged after 5 min"), lines);
        assertEquals(7, m.stackTimeline().size());
        assertTrue(m.stackTimeline().get(2) == row("INC-0001").detail().timeline().get(1),
                "each entry is formatted once and shared");
    }

    @Test
    void promptsAndTheNotificationsOfTheLastTwoMinutes() {
        IncidentsModel.Prompt p = m.prompts().get(0);
        assertEquals("prompt-escalate-INC-0001", p.buttonId());
        assertEquals("Escalate to L2…", p.button());
        assertTrue(p.escalate());
        assertEquals(2, p.level());
        assertEquals("ck-banner-crit", p.styleClass());
        assertEquals(List.of("INC-0001 (P1): not acknowledged after 5 min"),
                m.notices().stream().map(IncidentsModel.Notice::text).toList(),
                "the openings are older than two minutes; the reminder is not");
        IncidentsModel later = new IncidentPresenter(ZoneOffset.UTC, List.of()).present(IncidentFixtures.state(),
                NOW.plusSeconds(30));
        assertEquals(m.notices().get(0).key(), later.notices().get(0).key(), "the same event keeps its key");
    }
}
