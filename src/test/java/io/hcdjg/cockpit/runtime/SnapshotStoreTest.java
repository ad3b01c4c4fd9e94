package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.StackSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Updates from many threads reach the listener in the order they were made. */
class SnapshotStoreTest {
    @Test
    void theListenerSeesConcurrentUpdatesInOrder() throws Exception {
        Instant t0 = Instant.parse("2026-12-02T08:00:00Z");
        ConcurrentLinkedQueue<Instant> heard = new ConcurrentLinkedQueue<>();
        SnapshotStore store = new SnapshotStore(StackSnapshot.initial(t0, "t", "t", false, List.of()),
                s -> heard.add(s.takenAt()));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 6; t++) {
            threads.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1_000; i++) {
                    store.update(s -> s.withRoundFinished(s.takenAt().plusMillis(1), Duration.ZERO));
                }
            });
        }
        go.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        List<Instant> order = List.copyOf(heard);
        assertEquals(6_000, order.size());
        for (int i = 0; i < order.size(); i++) {
            assertEquals(t0.plusMillis(i + 1), order.get(i), "update " + (i + 1));
        }
        assertEquals(t0.plusMillis(6_000), store.get().takenAt());
    }

    /** A cockpit closed for a connection switch: a round that ends late is kept, not painted on the new window. */
    @Test
    void afterDetachTheListenerHearsNothingMore() {
        Instant t0 = Instant.parse("2026-12-02T08:00:00Z");
        ConcurrentLinkedQueue<Instant> heard = new ConcurrentLinkedQueue<>();
        SnapshotStore store = new SnapshotStore(StackSnapshot.initial(t0, "t", "t", false, List.of()),
                s -> heard.add(s.takenAt()));
        store.update(s -> s.withRoundFinished(t0.plusMillis(1), Duration.ZERO));
        store.detach();
        store.update(s -> s.withRoundFinished(t0.plusMillis(2), Duration.ZERO));
        assertEquals(List.of(t0.plusMillis(1)), List.copyOf(heard));
        assertEquals(t0.plusMillis(2), store.get().takenAt());
    }

    @Test
    void aChangeThatChangedNothingButTheTimeIsNotPublished() {
        Instant t0 = Instant.parse("2026-12-02T08:00:00Z");
        ConcurrentLinkedQueue<Instant> heard = new ConcurrentLinkedQueue<>();
        SnapshotStore store = new SnapshotStore(StackSnapshot.initial(t0, "t", "t", false, List.of()),
                s -> heard.add(s.takenAt()));
        store.update(s -> s.withHost(HostStats.unread(), t0.plusMillis(1)));
        store.update(s -> s.withRoundFinished(t0.plusMillis(2), Duration.ofMillis(5)));
        store.update(s -> s.withLogs(List.of(), t0.plusMillis(3)));
        assertEquals(List.of(t0.plusMillis(2)), List.copyOf(heard));
        assertEquals(t0.plusMillis(3), store.get().takenAt(), "kept, for readers of get()");
    }
}
