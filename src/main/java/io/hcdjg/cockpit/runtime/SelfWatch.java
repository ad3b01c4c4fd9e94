package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.model.CockpitHealth;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The cockpit as one more service: its probe round, how long work waits for the FX thread, its log ingest lag, heap
 * and threads, sampled every few seconds into the snapshot. The window has its FX thread watched
 * ({@link #watchFxThread}) and tells its start-up ({@link #started}); the CLI has neither, and those stay null.
 */
public final class SelfWatch implements AutoCloseable {
    /** A minute of FX delays at one sample a second. */
    static final int WINDOW = 60;
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final SnapshotStore store;
    private final LongSupplier logLag;
    private final Clock clock;
    private final long[] delays = new long[WINDOW];
    private int delayCount;
    private int next;
    private long lag = -1;
    private Instant lagAt;
    private volatile Duration startup;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> schedule;

    /** @param logLag the longest log ingest lag since the last call (ms), -1 without a live line */
    public SelfWatch(SnapshotStore store, LongSupplier logLag, Clock clock, ScheduledExecutorService thread) {
        this.store = store;
        this.logLag = logLag;
        this.clock = clock;
        this.thread = thread;
    }

    public void start() {
        schedule = thread.scheduleWithFixedDelay(Rounds.guarded("self-watch",
                () -> store.update(s -> s.withSelf(sample(), clock.instant())), why -> { }), EVERY.toMillis(),
                EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * From now on, once a second, hands {@code fxThread} ({@code Platform::runLater}, the window's) a task and measures
     * how long it waited to run.
     */
    public void watchFxThread(Consumer<Runnable> fxThread) {
        thread.scheduleWithFixedDelay(() -> {
            long asked = System.nanoTime();
            fxThread.accept(() -> fxDelay(Duration.ofNanos(System.nanoTime() - asked)));
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** One measure of how long a task handed to the FX thread waited to run. */
    public synchronized void fxDelay(Duration waited) {
        delays[next] = waited.toNanos();
        next = (next + 1) % WINDOW;
        delayCount = Math.min(delayCount + 1, WINDOW);
    }

    /** From the window's JVM start to its first frame with probed tiles. */
    public void started(Duration took) {
        startup = took;
    }

    /** The cockpit's health now. */
    public synchronized CockpitHealth sample() {
        Instant now = clock.instant();
        long latest = logLag.getAsLong();
        if (latest >= 0) {
            lag = latest;
            lagAt = now;
        } else if (lagAt != null && Duration.between(lagAt, now).compareTo(Duration.ofMinutes(1)) > 0) {
            lag = -1; // no live line for a minute: nothing to be late with
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new CockpitHealth(store.get().lastRoundTook(), p99(), lag < 0 ? null : Duration.ofMillis(lag),
                heap.getUsed(), ManagementFactory.getThreadMXBean().getThreadCount(), startup);
    }

    private Duration p99() {
        if (delayCount == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(delays, delayCount);
        Arrays.sort(sorted);
        return Duration.ofNanos(sorted[(int) Math.ceil(0.99 * delayCount) - 1]);
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
