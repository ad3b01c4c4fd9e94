package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.probes.Probe;
import io.hcdjg.cockpit.testing.MutableClock;
import io.hcdjg.cockpit.testing.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthPollerTest {
    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService probeThreads = Executors.newVirtualThreadPerTaskExecutor();
    final BlockingQueue<StackSnapshot> published = new LinkedBlockingQueue<>();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        scheduler.shutdownNow();
        probeThreads.shutdownNow();
    }

    private HealthPoller poller(Map<String, Probe> probes, Duration timeout) {
        List<ServiceConfig> services = probes.keySet().stream().sorted()
                .map(n -> Services.at(n, ProbeKind.HTTP, 1, timeout)).toList();
        CockpitConfig config = new CockpitConfig(new CockpitConfig.Stack("p", "127.0.0.1", List.of()),
                new CockpitConfig.Round(Duration.ofSeconds(5), timeout, Duration.ofSeconds(30), 3),
                new CockpitConfig.Host("auto"),
                new CockpitConfig.Podman("", List.of(), Duration.ofSeconds(5)),
                new CockpitConfig.Monitoring("http://127.0.0.1:9090", "http://127.0.0.1:9093", Duration.ofSeconds(15),
                        Duration.ofSeconds(3)), new CockpitConfig.Logs(1000, "24h", Map.of(), Map.of()),
                services, List.of(), null, Map.of(), null, null);
        SnapshotStore store = new SnapshotStore(StackSnapshot.initial(T0, "test", "test", false, List.of()),
                published::add);
        return new HealthPoller(config, store, s -> probes.get(s.name()), HostStats::unread, clock, scheduler,
                probeThreads);
    }

    private Probe blocked(Health answer) {
        return () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer;
        };
    }

    private static ServiceStatus status(StackSnapshot s, String name) {
        return s.services().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachAnswerIsPublishedAsItArrivesWithoutWaitingForSlowerProbes() throws Exception {
        HealthPoller poller = poller(Map.of("fast", () -> Health.up("ok"), "slow", blocked(Health.up("late"))),
                Duration.ofSeconds(30));
        var round = poller.runRound();
        StackSnapshot s;
        do {
            s = published.poll(10, TimeUnit.SECONDS);
            assertNotNull(s, "the fast answer was not published while the slow probe hangs");
        } while (status(s, "fast").health().level() != HealthLevel.UP);
        assertEquals("not probed yet", status(s, "slow").health().reason());
        assertFalse(round.isDone());
        release.countDown();
        StackSnapshot done = round.get(10, TimeUnit.SECONDS);
        assertEquals("late", status(done, "slow").health().reason());
        assertEquals(2, done.upCount());
        assertNotNull(done.lastRoundAt());
        assertNotNull(status(done, "fast").health().latency());
    }

    @Test
    void aRoundThatWouldOverlapIsDropped() throws Exception {
        HealthPoller poller = poller(Map.of("slow", blocked(Health.up("late"))), Duration.ofSeconds(30));
        var first = poller.runRound();
        var second = poller.runRound();
        assertTrue(second.isDone());
        assertEquals(1, poller.droppedRounds());
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        poller.runRound().get(10, TimeUnit.SECONDS);
        assertEquals(1, poller.droppedRounds());
    }

    @Test
    void aProbePastItsTimeoutIsDownAndIsNotStartedAgainWhileItHangs() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Probe deaf = () -> {
            calls.incrementAndGet();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // a badly behaved client that ignores interruption
                }
            }
            return Health.up("finally");
        };
        HealthPoller poller = poller(Map.of("deaf", deaf), Duration.ofMillis(200));
        StackSnapshot s = poller.runRound().get(10, TimeUnit.SECONDS);
        assertEquals(Health.unreachable("no answer in 200 ms").withLatency(Duration.ofMillis(200)),
                status(s, "deaf").health());
        clock.advance(Duration.ofMinutes(5)); // past any back-off
        poller.runRound().get(10, TimeUnit.SECONDS);
        assertEquals(1, calls.get(), "a second probe was piled onto a hanging one");
    }

    @Test
    void failingServicesBackOffOneTwoFourIntervalsUpToTheCap() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HealthPoller poller = poller(Map.of("down", () -> {
            calls.incrementAndGet();
            return Health.down("connection refused on 127.0.0.1:1");
        }), Duration.ofSeconds(1));
        Duration[] expected = {Duration.ofMillis(4500), Duration.ofMillis(9500), Duration.ofMillis(19500),
                Duration.ofMillis(29500), Duration.ofMillis(29500)};
        for (int i = 0; i < expected.length; i++) {
            StackSnapshot s = poller.runRound().get(10, TimeUnit.SECONDS);
            ServiceStatus st = status(s, "down");
            assertEquals(i + 1, st.consecutiveFailures());
            assertEquals(clock.instant().plus(expected[i]), st.nextProbeAt());
            assertEquals(i + 1, calls.get());
            // One step short of the next try: the round skips the probe.
            clock.advance(expected[i].minusMillis(1));
            poller.runRound().get(10, TimeUnit.SECONDS);
            assertEquals(i + 1, calls.get(), "probed while backing off");
            clock.advance(Duration.ofMillis(1));
        }
    }

    @Test
    void aRecoveredServiceStopsBackingOffAndHistoryIsBounded() throws Exception {
        AtomicInteger n = new AtomicInteger();
        HealthPoller poller = poller(
                Map.of("flaky", () -> n.incrementAndGet() == 1 ? Health.down("x") : Health.up("ok")),
                Duration.ofSeconds(1));
        poller.runRound().get(10, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(5));
        StackSnapshot s = null;
        for (int i = 0; i < 4; i++) {
            s = poller.runRound().get(10, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(5));
        }
        ServiceStatus st = status(s, "flaky");
        assertEquals(HealthLevel.UP, st.health().level());
        assertEquals(0, st.consecutiveFailures());
        assertNull(st.nextProbeAt());
        assertEquals(3, st.latencyHistory().size(), "history keeps round.history latencies");
    }

    @Test
    void aProbeThatThrowsIsDownWithTheError() throws Exception {
        HealthPoller poller = poller(Map.of("bug", () -> {
            throw new IllegalStateException("bad state");
        }), Duration.ofSeconds(1));
        StackSnapshot s = poller.runRound().get(10, TimeUnit.SECONDS);
        assertEquals("probe failed: java.lang.IllegalStateException: bad state", status(s, "bug").health().reason());
    }
}
