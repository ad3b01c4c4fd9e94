package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStats;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessGateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Objects;

/**
 * Keeps the project's containers in the snapshot: a quick listing right after each container event, so that a
 * container that dies shows within a second or two, and CPU and memory from one {@code podman stats} stream. While the
 * events stream is live nothing is listed without an event but once every {@link #RELIST}; when it breaks, the
 * project is listed (with stats) every poll interval until it is back. Both streams restart with back-off.
 */
public final class ContainerPoller implements AutoCloseable {
    static final Duration DEBOUNCE = Duration.ofMillis(150);
    static final Duration MAX_STREAM_BACKOFF = Duration.ofSeconds(30);
    /** With the events stream live, a listing without an event only this often: a missed event is corrected. */
    static final Duration RELIST = Duration.ofMinutes(2);

    private final Podman podman;
    private final String project;
    private final String target;
    private final Duration poll;
    private final int history;
    private final SnapshotStore store;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    private final AtomicBoolean listing = new AtomicBoolean();
    private final AtomicBoolean quickPending = new AtomicBoolean();
    private final Map<String, List<Double>> cpu = new HashMap<>();
    private final Map<String, List<Long>> mem = new HashMap<>();
    private volatile ProcessGateway.Streaming events;
    private volatile ProcessGateway.Streaming statsStream;
    /** The stats stream's latest sample by container name. */
    private volatile Map<String, ContainerStats> streamed = Map.of();
    private volatile boolean closed;
    private volatile String streamProblem;
    private final String targetProblem;
    private int streamFailures;
    private ScheduledFuture<?> polling;

    /**
     * @param target    "on NAME (URI)" or "on the local engine"
     * @param problem   a problem known before anything runs (an unknown connection), or null
     */
    public ContainerPoller(Podman podman, String project, String target, Duration poll, int history,
                           SnapshotStore store, Clock clock, ScheduledExecutorService scheduler, String problem) {
        this.podman = podman;
        this.project = project;
        this.target = target;
        this.poll = poll;
        this.history = history;
        this.store = store;
        this.clock = clock;
        this.scheduler = scheduler;
        this.targetProblem = problem;
        store.update(s -> s.withPodman(new PodmanState(target, problem, List.of(), null, false), clock.instant()));
    }

    public void start() {
        if (targetProblem != null) {
            return; // an unknown connection: nothing to ask until the operator fixes it; the banner says how
        }
        polling = scheduler.scheduleWithFixedDelay(Rounds.guarded("podman poller", this::poll, why -> { }), 0,
                poll.toMillis(), TimeUnit.MILLISECONDS);
        Thread.ofVirtual().name("podman-events").start(this::follow);
        Thread.ofVirtual().name("podman-stats").start(this::followStats);
    }

    /** A listing only when events cannot be trusted to say what changed, or once every RELIST. */
    private void poll() {
        PodmanState now = store.get().podman();
        boolean eventsLive = events != null && events.alive();
        if (!eventsLive || now.listedAt() == null
                || Duration.between(now.listedAt(), clock.instant()).compareTo(RELIST) >= 0) {
            list(statsStream == null || !statsStream.alive());
        }
    }

    /** Lists now (with stats when {@code withStats}); an overlapping listing is dropped. Returns the new state. */
    public PodmanState list(boolean withStats) {
        if (targetProblem != null || !listing.compareAndSet(false, true)) {
            return store.get().podman();
        }
        try {
            List<ContainerInfo> containers = podman.containers(project);
            Map<String, ContainerStats> stats = new HashMap<>();
            if (withStats && containers.stream().anyMatch(ContainerInfo::running)) {
                for (ContainerStats s : podman.stats()) {
                    stats.put(s.name(), s);
                }
            }
            List<ContainerStatus> out = new ArrayList<>();
            PodmanState previous = store.get().podman();
            for (ContainerInfo c : containers) {
                ContainerStats st = !c.running() ? null : withStats ? stats.get(c.name())
                        : streamed.containsKey(c.name()) ? streamed.get(c.name())
                        : previous.containers().stream().filter(p -> p.info().id().equals(c.id()))
                        .map(ContainerStatus::stats).filter(Objects::nonNull).findFirst().orElse(null);
                out.add(status(c, st, withStats));
            }
            PodmanState state = new PodmanState(target, streamProblem, out, clock.instant(),
                    events != null && events.alive());
            store.update(s -> s.withPodman(state, clock.instant()));
            return state;
        } catch (ProcessException e) {
            PodmanState old = store.get().podman();
            PodmanState state = new PodmanState(target, e.getMessage(), old.containers(), old.listedAt(), false);
            store.update(s -> s.withPodman(state, clock.instant()));
            return state;
        } finally {
            listing.set(false);
        }
    }

    /** A sample of the stats stream: the listed containers with it, their histories one point longer. */
    private void sampled(List<ContainerStats> sample) {
        Map<String, ContainerStats> byName = new HashMap<>();
        sample.forEach(x -> byName.put(x.name(), x));
        streamed = Map.copyOf(byName);
        PodmanState previous = store.get().podman();
        List<ContainerStatus> out = new ArrayList<>();
        for (ContainerStatus c : previous.containers()) {
            out.add(status(c.info(), c.info().running() ? byName.get(c.info().name()) : null, true));
        }
        PodmanState state = new PodmanState(target, previous.problem(), out, previous.listedAt(),
                previous.eventsLive());
        store.update(s -> s.withPodman(state, clock.instant()));
    }

    /** A container with its stats and histories; {@code sampled}: the stats are a new sample, one point more. */
    private ContainerStatus status(ContainerInfo c, ContainerStats st, boolean sampled) {
        if (sampled && st != null) {
            append(cpu, c.id(), st.cpuPercent());
            append(mem, c.id(), st.memUsed());
        }
        return new ContainerStatus(c, st, cpu.getOrDefault(c.id(), List.of()), mem.getOrDefault(c.id(), List.of()));
    }

    private void followStats() {
        int failures = 0;
        while (!closed) {
            long started = System.nanoTime();
            try {
                // samples join the listings on the poller's thread, so that neither overwrites the other
                statsStream = podman.statsStream(poll, sample -> scheduler.execute(() -> sampled(sample)));
                statsStream.ended().join();
            } catch (ProcessException | RuntimeException e) {
                // the listing says what is wrong with podman; it takes the stats meanwhile
            }
            // a stream that ran a while starts again at once; one that keeps ending backs off
            failures = System.nanoTime() - started > TimeUnit.MINUTES.toNanos(1) ? 1 : failures + 1;
            try {
                Thread.sleep(Math.min(MAX_STREAM_BACKOFF.toMillis(), 1000L << Math.min(failures - 1, 5)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized <T> void append(Map<String, List<T>> histories, String id, T value) {
        List<T> h = new ArrayList<>(histories.getOrDefault(id, List.of()));
        h.add(value);
        if (h.size() > history) {
            h = h.subList(h.size() - history, h.size());
        }
        histories.put(id, List.copyOf(h));
    }

    /** A burst of events (died, cleanup, init, start) costs one quick listing. */
    private void changed() {
        if (quickPending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                quickPending.set(false);
                list(false);
            }, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void follow() {
        while (!closed) {
            try {
                events = podman.events(project, e -> {
                    // an exec (the security watcher's reads of audit.log) changes nothing a listing shows
                    if (!e.status().startsWith("exec")) {
                        changed();
                    }
                });
                streamFailures = 0;
                var result = events.ended().join();
                if (closed) {
                    return;
                }
                streamProblem = null;
                streamFailures++;
                if (!result.stderr().isBlank()) {
                    streamProblem = "container events stopped: " + result.stderr().strip().lines().reduce((a, b) -> b)
                            .orElse("") + "; polling every " + poll.toSeconds() + " s";
                }
            } catch (ProcessException e) {
                streamFailures++;
                streamProblem = null; // the listing reports the same problem (podman missing, connection down)
            }
            long backoff = Math.min(MAX_STREAM_BACKOFF.toMillis(), 1000L << Math.min(streamFailures - 1, 5));
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (polling != null) {
            polling.cancel(false);
        }
        for (ProcessGateway.Streaming s : new ProcessGateway.Streaming[]{events, statsStream}) {
            if (s != null) {
                s.close();
            }
        }
    }
}
