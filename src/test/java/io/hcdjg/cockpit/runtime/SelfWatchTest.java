package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.model.CockpitHealth;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfWatchTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T18:00:00Z"));
    private final SnapshotStore store = new SnapshotStore(
            StackSnapshot.initial(clock.instant(), "test", "test", false, List.of()), s -> { });
    private final ArrayDeque<Long> lags = new ArrayDeque<>();
    private final SelfWatch watch = new SelfWatch(store, () -> lags.isEmpty() ? -1 : lags.pop(), clock,
            Executors.newSingleThreadScheduledExecutor());

    @Test
    void theFxDelayIsThe99thPercentileOfTheLastMinutesSamples() {
        assertNull(watch.sample().fxDelayP99(), "no FX thread (the CLI): not measured");
        for (int i = 1; i <= 100; i++) {
            watch.fxDelay(Duration.ofMillis(i == 20 ? 900 : i)); // one stall, then the last 60 of 100 kept
        }
        assertEquals(Duration.ofMillis(100), watch.sample().fxDelayP99(), "the stall was more than a minute ago");
        watch.fxDelay(Duration.ofMillis(700));
        assertEquals(Duration.ofMillis(700), watch.sample().fxDelayP99());
    }

    @Test
    void theLogLagIsKeptUntilAMinuteWithoutLiveLines() {
        lags.add(420L);
        assertEquals(Duration.ofMillis(420), watch.sample().logLag());
        clock.advance(Duration.ofSeconds(50));
        assertEquals(Duration.ofMillis(420), watch.sample().logLag(), "no new line for 50 s: the last lag holds");
        clock.advance(Duration.ofSeconds(15));
        assertNull(watch.sample().logLag(), "no live line for a minute: nothing is late");
    }

    @Test
    void heapThreadsRoundAndStartUpAreTheJvmsAndTheStoresOwn() {
        store.update(s -> s.withRoundFinished(clock.instant(), Duration.ofMillis(37)));
        watch.started(Duration.ofMillis(2400));
        CockpitHealth h = watch.sample();
        assertEquals(Duration.ofMillis(37), h.round());
        assertEquals(Duration.ofMillis(2400), h.startup());
        assertTrue(h.heapUsed() > 0 && h.threads() > 1, h.toString());
    }
}
