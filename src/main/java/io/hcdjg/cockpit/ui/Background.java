package io.hcdjg.cockpit.ui;

import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The views' one way off the FX thread and back: work runs on the executor the app hands in (named daemon threads),
 * its result or failure comes back on the FX thread through the one hop the app hands in ({@code Platform::runLater}).
 * No view starts a thread or hops by itself. Tests use {@link #direct()}: work and result on the calling thread,
 * at once.
 */
public final class Background {
    private static final System.Logger LOG = System.getLogger(Background.class.getName());

    private final Executor work;
    private final Consumer<Runnable> fx;

    /**
     * @param work where blocking work runs (the app: virtual threads named {@code ui-work-N})
     * @param fx   the hop to the FX thread ({@code Platform::runLater} in the app)
     */
    public Background(Executor work, Consumer<Runnable> fx) {
        this.work = work;
        this.fx = fx;
    }

    /** Synchronous, for tests: the work runs where it is asked for and its result is applied right after. */
    public static Background direct() {
        return new Background(Runnable::run, Runnable::run);
    }

    /**
     * Runs {@code work} off the FX thread; then, on the FX thread, {@code onFx} with its result or {@code onFxError}
     * with what it threw.
     */
    public <T> void run(Callable<T> work, Consumer<? super T> onFx, Consumer<? super Exception> onFxError) {
        submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fx.accept(() -> onFxError.accept(e));
                return;
            }
            fx.accept(() -> onFx.accept(result));
        });
    }

    /** Work whose outcome reaches the view another way (the next snapshot, a pull): a failure is only logged. */
    public void execute(Runnable work) {
        submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "background work failed", e);
            }
        });
    }

    /** A user action whose progress is shown: the task runs on the same executor; it reports through its own events. */
    public void start(Task<?> task) {
        submit(task);
    }

    /** A stream of values from any thread onto the FX thread: the latest wins, at most one hop pending. */
    public <T> FxPublisher<T> publisher(Consumer<T> apply) {
        return new FxPublisher<>(fx, apply);
    }

    private void submit(Runnable r) {
        try {
            work.execute(r);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "the window is closing: work dropped");
        }
    }
}
