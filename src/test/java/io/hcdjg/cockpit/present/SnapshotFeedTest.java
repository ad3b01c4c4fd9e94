package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.runtime.SnapshotStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's snapshots reach the wall on one thread, in order, coalesced; never an older one after a newer. */
class SnapshotFeedTest {
    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private static StackSnapshot at(long millis) {
        return StackSnapshot.initial(T0.plusMillis(millis), "test", "test", false, List.of());
    }

    @Test
    void aBurstCostsOnePresentationOfTheLatest() {
        List<Runnable> queued = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        SnapshotFeed<Long> feed = new SnapshotFeed<>(queued::add, s -> s.takenAt().toEpochMilli() - T0.toEpochMilli(),
                shown::add);
        for (int i = 1; i <= 100; i++) {
            feed.accept(at(i));
        }
        assertEquals(1, queued.size(), "one pending presentation, not one per snapshot");
        queued.remove(0).run();
        assertEquals(List.of(100L), shown);
        feed.accept(at(101));
        queued.remove(0).run();
        assertEquals(List.of(100L, 101L), shown);
        feed.accept(at(101).withRoundFinished(T0.plusMillis(101), Duration.ZERO)); // presents as 101 again
        queued.remove(0).run();
        assertEquals(List.of(100L, 101L), shown, "a presentation equal to the one shown makes no hop");
    }

    @Test
    void manyConcurrentUpdatesNeverEndWithAnOlderModelOnTheWall() throws Exception {
        int threads = 8;
        int each = 2_000;
        ExecutorService presenter = Executors.newSingleThreadExecutor();
        List<Long> shown = new ArrayList<>(); // only the presenter thread writes it
        SnapshotFeed<Long> feed = new SnapshotFeed<>(presenter, s -> s.takenAt().toEpochMilli() - T0.toEpochMilli(),
                shown::add);
        SnapshotStore store = new SnapshotStore(at(0), feed);
        ExecutorService producers = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            producers.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    // each update makes the next snapshot: its time counts the updates
                    store.update(s -> s.withRoundFinished(s.takenAt().plusMillis(1), Duration.ZERO));
                }
            });
        }
        go.countDown();
        producers.shutdown();
        assertTrue(producers.awaitTermination(30, TimeUnit.SECONDS));
        presenter.shutdown();
        assertTrue(presenter.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals((long) threads * each, shown.get(shown.size() - 1), "the wall ends on the store's last snapshot");
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i) > shown.get(i - 1), "presentation " + i + " went back from " + shown.get(i - 1)
                    + " to " + shown.get(i));
        }
        assertTrue(shown.size() < threads * each, "bursts are coalesced: " + shown.size() + " presentations");
    }
}
