package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.probes.ProbeFactory;
import io.hcdjg.cockpit.testing.BlackHole;
import io.hcdjg.cockpit.testing.Services;
import io.hcdjg.cockpit.testing.StandInServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Gremlin port that accepts and never answers and an HTTP service that answers after 5 s, beside a healthy service:
 * the healthy tile keeps refreshing on schedule and every round ends within the probe timeout plus 10 %.
 */
class FaultToleranceTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration INTERVAL = Duration.ofSeconds(3);
    static final int ROUNDS = 3;

    @Test
    void hungServicesNeverDelayTheOthersOrTheRound() throws Exception {
        try (BlackHole hole = new BlackHole();
             StandInServer slow = StandInServer.answering("/", 200, "late").delayed(5000);
             StandInServer healthy = StandInServer.answering("/-/healthy", 200, "Prometheus Server is Healthy.");
             ProbeFactory probes = new ProbeFactory()) {
            CockpitConfig config = Services.stack(INTERVAL, List.of(
                    Services.at("healthy", ProbeKind.PROMETHEUS, healthy.port(), TIMEOUT),
                    Services.at("black-hole", ProbeKind.GREMLIN, hole.port(), TIMEOUT),
                    Services.at("slow", ProbeKind.HTTP, slow.port(), TIMEOUT)));
            BlockingQueue<StackSnapshot> published = new LinkedBlockingQueue<>();
            Map<Instant, Duration> rounds = new ConcurrentHashMap<>();
            List<Instant> healthyAnswers = new ArrayList<>();
            var scheduler = Executors.newSingleThreadScheduledExecutor();
            var threads = Executors.newCachedThreadPool();
            StackSnapshot initial = StackSnapshot.initial(Instant.now(), "test", "test", false, List.of());
            // One round beforehand loads the drivers' classes, so the measured rounds show the steady state.
            try (HealthPoller warmUp = new HealthPoller(config, new SnapshotStore(initial, s -> { }), probes::create,
                    HostStats::unread, Clock.systemUTC(), scheduler, threads)) {
                warmUp.runRound().get(10, TimeUnit.SECONDS);
            }
            try (HealthPoller poller = new HealthPoller(config, new SnapshotStore(initial, published::add),
                    probes::create, HostStats::unread, Clock.systemUTC(), scheduler, threads)) {
                Instant started = Instant.now();
                poller.start();
                long deadline = System.nanoTime() + INTERVAL.multipliedBy(ROUNDS + 2).toNanos();
                StackSnapshot last = null;
                while (rounds.size() < ROUNDS && System.nanoTime() < deadline) {
                    StackSnapshot s = published.poll(1, TimeUnit.SECONDS);
                    if (s == null) {
                        continue;
                    }
                    last = s;
                    if (s.lastRoundAt() != null) {
                        rounds.put(s.lastRoundAt(), s.lastRoundTook());
                    }
                    Instant answered = status(s, "healthy").checkedAt();
                    if (answered != null && (healthyAnswers.isEmpty()
                            || !healthyAnswers.get(healthyAnswers.size() - 1).equals(answered))) {
                        healthyAnswers.add(answered);
                    }
                }
                assertEquals(ROUNDS, rounds.size(), "rounds finished in time");
                Duration limit = TIMEOUT.plus(TIMEOUT.dividedBy(10));
                rounds.values().forEach(took -> assertTrue(took.compareTo(limit) <= 0,
                        "a round took " + took + ", over the probe timeout + 10 % (" + limit + ")"));
                assertTrue(healthyAnswers.size() >= ROUNDS, "healthy answers: " + healthyAnswers);
                assertTrue(rounds.values().stream().anyMatch(took -> took.compareTo(TIMEOUT) >= 0),
                        "no measured round waited for the hung services: " + rounds.values());
                // Round k starts at started + k × interval; the healthy answer must come well before the hung probes'
                // timeout (the first round also pays for class loading and the HTTP client's warm-up).
                for (int k = 0; k < healthyAnswers.size(); k++) {
                    Duration late = Duration.between(started.plus(INTERVAL.multipliedBy(k)), healthyAnswers.get(k));
                    assertTrue(late.compareTo(TIMEOUT.dividedBy(2)) < 0,
                            "round " + k + ": the healthy tile was refreshed " + late + " after the round started");
                }
                assertNotNull(last);
                assertEquals(Health.up("HTTP 200").level(), status(last, "healthy").health().level());
                assertEquals("no answer in 2 s", status(last, "black-hole").health().reason());
                assertEquals("no answer in 2 s", status(last, "slow").health().reason());
                System.out.printf("rounds with a black hole and a 5 s responder took %s (probe timeout %s): "
                                + "max %.2f× the timeout%n",
                        rounds.values(), TIMEOUT,
                        rounds.values().stream().mapToDouble(d -> d.toNanos() / (double) TIMEOUT.toNanos())
                                .max().orElse(0));
            } finally {
                scheduler.shutdownNow();
                threads.shutdownNow();
            }
        }
    }

    private static ServiceStatus status(StackSnapshot s, String name) {
        return s.services().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }
}
