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
 * Keeps the project's containers in the snapshot: a full listing with CPU and memory every poll interval, and a quick
 * listing (no stats) right after each container event, so that a container that dies shows within a second or two.
 * The events stream restarts with back-off when it breaks; polling carries on meanwhile.
 */
public final class ContainerPoller implements AutoCloseable {
    static final Duration DEBOUNCE = Duration.ofMillis(150);
    static final Duration MAX_STREAM_BACKOFF = Duration.ofSeconds(30);

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
        polling = scheduler.scheduleWithFixedDelay(Rounds.guarded("podman poller", () -> list(true), why -> { }), 0,
                poll.toMillis(), TimeUnit.MILLISECONDS);
        Thread.ofVirtual().name("podman-events").start(this::follow);
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
                        : previous.containers().stream().filter(p -> p.info().id().equals(c.id()))
                        .map(ContainerStatus::stats).filter(Objects::nonNull).findFirst().orElse(null);
                if (withStats && st != null) {
                    append(cpu, c.id(), st.cpuPercent());
                    append(mem, c.id(), st.memUsed());
                }
                out.add(new ContainerStatus(c, st, cpu.getOrDefault(c.id(), List.of()),
                        mem.getOrDefault(c.id(), List.of())));
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
                events = podman.events(project, e -> changed());
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
        ProcessGateway.Streaming s = events;
        if (s != null) {
            s.close();
        }
    }
}
