package io.hcdjg.cockpit.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one hop to the FX thread: producers hand over their latest value and never block; at most one apply is pending
 * on the FX thread, and it applies whatever is latest when it runs, so a burst of updates costs one frame.
 */
public final class FxPublisher<T> implements Consumer<T> {
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Consumer<Runnable> fxThread;
    private final Consumer<T> apply;

    /**
     * @param fxThread {@code Platform::runLater} in the app
     * @param apply    runs on the FX thread with the latest value
     */
    public FxPublisher(Consumer<Runnable> fxThread, Consumer<T> apply) {
        this.fxThread = fxThread;
        this.apply = apply;
    }

    @Override
    public void accept(T value) {
        latest.set(value);
        if (pending.compareAndSet(false, true)) {
            fxThread.accept(() -> {
                pending.set(false);
                apply.accept(latest.get());
            });
        }
    }
}
