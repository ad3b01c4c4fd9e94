package io.hcdjg.cockpit.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.concurrent.RejectedExecutionException;

/** The seam without a toolkit: work goes to the executor, its result or failure comes back through the one hop. */
class BackgroundTest {
    final List<Runnable> work = new ArrayList<>();
    final List<Runnable> hops = new ArrayList<>();
    final List<String> seen = new ArrayList<>();
    final Background background = new Background(work::add, hops::add);

    @Test
    void theResultComesBackThroughTheHopAfterTheWork() {
        background.run(() -> "result", r -> seen.add("fx " + r), e -> seen.add("error " + e));
        assertTrue(hops.isEmpty(), "nothing reaches the FX side before the work ran");
        work.remove(0).run();
        assertTrue(seen.isEmpty(), "the result is applied on the FX side, not on the worker");
        hops.remove(0).run();
        assertEquals(List.of("fx result"), seen);
    }

    @Test
    void aFailureComesBackAsTheError() {
        background.run(() -> {
            throw new IllegalArgumentException("INC-9 is resolved");
        }, r -> seen.add("fx " + r), e -> seen.add("error " + e.getMessage()));
        work.remove(0).run();
        hops.remove(0).run();
        assertEquals(List.of("error INC-9 is resolved"), seen);
    }

    @Test
    void executeLogsAFailureAndHopsNowhere() {
        background.execute(() -> {
            throw new IllegalStateException("gone");
        });
        work.remove(0).run();
        assertTrue(hops.isEmpty());
    }

    @Test
    void directRunsWorkAndResultAtOnce() {
        Background.direct().run(() -> 42, r -> seen.add("fx " + r), e -> seen.add("error"));
        assertEquals(List.of("fx 42"), seen);
    }

    @Test
    void aClosedExecutorDropsTheWork() {
        Background closed = new Background(r -> {
            throw new RejectedExecutionException("shut down");
        }, hops::add);
        closed.run(() -> 1, r -> seen.add("fx"), e -> seen.add("error"));
        assertTrue(seen.isEmpty() && hops.isEmpty());
    }
}
