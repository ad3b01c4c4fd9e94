package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two desks on one store (the window and the CLI, or two windows) escalate the same incident at the same moment,
 * round after round: its contacts are paged once per level, the other caller is told it is already there.
 */
class EscalationRaceTest {
    @TempDir
    Path dir;

    @Test
    void twoEscalationsAtOnceArePagedOnce() throws Exception {
        CockpitConfig config = new ConfigLoader(Map.of("HOME", dir.toString())).load(Optional.empty()).config();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        List<String> paged = new CopyOnWriteArrayList<>();
        EscalationChannel slowPager = (i, level, summary, link) -> {
            paged.add(i.id() + " " + level.name());
            try {
                Thread.sleep(50); // a webhook's round trip: time for the other caller to get in before the record
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new EscalationChannel.Result(true, "paged");
        };
        IncidentDesk window = desk(config, clock, slowPager);
        IncidentDesk cli = desk(config, clock, slowPager);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Incident i = window.open("race " + round, Priority.P1, List.of("vault"), "");
                cli.refresh();
                CountDownLatch together = new CountDownLatch(2);
                List<Future<String>> calls = List.of(two.submit(() -> escalate(cli, i.id(), together)),
                        two.submit(() -> escalate(window, i.id(), together)));
                List<String> said = List.of(calls.get(0).get(), calls.get(1).get());
                assertEquals(1, said.stream().filter(s -> s.equals("escalated")).count(), said.toString());
                assertTrue(said.contains(i.id() + " is already at L2"), said.toString());
                assertEquals(1, paged.stream().filter(p -> p.equals(i.id() + " L2")).count(), paged.toString());
                IncidentStore stored = new IncidentStore(dir.resolve("incidents.jsonl"), Redaction.DEFAULT);
                stored.refresh();
                assertEquals(1, stored.events().stream().filter(e -> i.id().equals(e.incident())
                        && e.type().equals(IncidentEvent.ESCALATED)).count(), "one escalation recorded");
            }
        } finally {
            two.shutdownNow();
        }
    }

    private static String escalate(IncidentDesk desk, String id, CountDownLatch start) throws Exception {
        start.countDown();
        start.await();
        try {
            desk.escalate(id, null, List.of());
            return "escalated";
        } catch (IllegalArgumentException refused) {
            return refused.getMessage();
        }
    }

    private IncidentDesk desk(CockpitConfig config, MutableClock clock, EscalationChannel channel) {
        IncidentRules rules = new IncidentRules(config.incidents(), ZoneOffset.UTC);
        Path audit = dir.resolve("audit.jsonl");
        return new IncidentDesk(rules, config.dependencies(), new IncidentStore(dir.resolve("incidents.jsonl"),
                Redaction.DEFAULT), channel, new ActionHistory(audit), new IncidentReport(dir.resolve("reports"),
                ZoneOffset.UTC, rules, Redaction.DEFAULT), clock);
    }
}
