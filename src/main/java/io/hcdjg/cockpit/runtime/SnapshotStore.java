package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.model.StackSnapshot;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The latest {@link StackSnapshot}, shared by the pollers: each replaces its own part and the result goes to the
 * listener (the window's presenter, or nothing for the CLI). The change and the listener's call are one step under a
 * lock, so the listener sees the snapshots in the order they were made, never an older one after a newer; it must be
 * quick (hand the snapshot on, as {@code present.SnapshotFeed} does). Readers of {@link #get} never wait. A change
 * that changed nothing but the time is not published.
 */
public final class SnapshotStore {
    private final AtomicReference<StackSnapshot> latest;
    private final Consumer<StackSnapshot> listener;
    private final ReentrantLock order = new ReentrantLock();
    private volatile boolean detached;

    public SnapshotStore(StackSnapshot initial, Consumer<StackSnapshot> listener) {
        this.latest = new AtomicReference<>(initial);
        this.listener = listener;
    }

    public StackSnapshot get() {
        return latest.get();
    }

    public StackSnapshot update(UnaryOperator<StackSnapshot> change) {
        order.lock();
        try {
            StackSnapshot before = latest.get();
            StackSnapshot s = change.apply(before);
            latest.set(s);
            // a poller that found nothing new (the log hub's second, an unchanged listing) costs the window nothing
            if (!detached && !s.sameContent(before)) {
                listener.accept(s);
            }
            return s;
        } finally {
            order.unlock();
        }
    }

    /**
     * No more snapshots go to the listener: a cockpit being closed (a connection switch) must not paint its last,
     * late round over the window of the one that replaces it. Returns once a publication in progress has ended.
     */
    public void detach() {
        order.lock();
        try {
            detached = true;
        } finally {
            order.unlock();
        }
    }
}
