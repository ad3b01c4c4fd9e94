package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.StackSnapshot;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Presentation on one thread, in snapshot order: the store hands over each snapshot in the order it was made (and
 * never waits here); the presenter's single thread maps the latest one and passes the result on (to the one FX hop).
 * A burst of updates costs one presentation, and the wall can never end on an older snapshot than the store holds.
 */
public final class SnapshotFeed<T> implements Consumer<StackSnapshot> {
    private final AtomicReference<StackSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Executor presenter;
    private final Function<StackSnapshot, T> present;
    private final Consumer<T> out;
    private StackSnapshot presented; // presenter thread only
    private T shown; // presenter thread only

    /**
     * @param presenter one thread (the app: {@code wall-presenter}); two would present out of order
     * @param present   pure: a snapshot to what is shown
     * @param out       gets each presentation, in order, on the presenter thread
     */
    public SnapshotFeed(Executor presenter, Function<StackSnapshot, T> present, Consumer<T> out) {
        this.presenter = presenter;
        this.present = present;
        this.out = out;
    }

    /** From the store, in snapshot order. */
    @Override
    public void accept(StackSnapshot s) {
        latest.set(s);
        if (pending.compareAndSet(false, true)) {
            presenter.execute(this::presentLatest);
        }
    }

    private void presentLatest() {
        pending.set(false);
        StackSnapshot s = latest.get();
        if (s != presented) { // a run scheduled just after the previous one read it: nothing new
            presented = s;
            T next = present.apply(s);
            if (!next.equals(shown)) { // what is shown would not change: no hop, no frame
                shown = next;
                out.accept(next);
            }
        }
    }
}
