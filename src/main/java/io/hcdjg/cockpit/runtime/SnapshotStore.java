package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.model.StackSnapshot;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The latest {@link StackSnapshot}, shared by the pollers: each replaces its own part atomically and the result goes
 * to the listener (the window's FX publisher, or nothing for the CLI).
 */
public final class SnapshotStore {
    private final AtomicReference<StackSnapshot> latest;
    private final Consumer<StackSnapshot> listener;

    public SnapshotStore(StackSnapshot initial, Consumer<StackSnapshot> listener) {
        this.latest = new AtomicReference<>(initial);
        this.listener = listener;
    }

    public StackSnapshot get() {
        return latest.get();
    }

    public StackSnapshot update(UnaryOperator<StackSnapshot> change) {
        StackSnapshot s = latest.updateAndGet(change);
        listener.accept(s);
        return s;
    }
}
