package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.probes.Failures;
import io.hcdjg.cockpit.probes.Probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs every probe concurrently, each under its own timeout, and publishes an immutable {@link StackSnapshot} after
 * each answer, so a slow service never delays the tiles of the others. A round that would overlap the previous one is
 * dropped, a probe that is still hanging is not started twice, and a failing service is retried after 1, 2, 4 ...
 * intervals up to {@code round.maxBackoff}.
 */
public final class HealthPoller implements AutoCloseable {
    private final CockpitConfig config;
    private final Map<String, ServiceConfig> services = new LinkedHashMap<>();
    private final Map<String, Probe> probes = new LinkedHashMap<>();
    private final Supplier<HostStats> host;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService probeExecutor;
    private final SnapshotStore snapshot;
    private final AtomicBoolean inRound = new AtomicBoolean();
    private final AtomicLong droppedRounds = new AtomicLong();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> schedule;

    /**
     * @param store         the shared snapshot; the poller sets the services to "not probed yet" at once
     * @param probeFactory  makes the probe of each shown service
     * @param scheduler     runs the rounds and the timeouts
     * @param probeExecutor runs the blocking probes
     */
    public HealthPoller(CockpitConfig config, SnapshotStore store, Function<ServiceConfig, Probe> probeFactory,
                        Supplier<HostStats> host, Clock clock, ScheduledExecutorService scheduler,
                        ExecutorService probeExecutor) {
        this.config = config;
        for (ServiceConfig s : config.shownServices()) {
            services.put(s.name(), s);
            probes.put(s.name(), probeFactory.apply(s));
        }
        this.host = host;
        this.clock = clock;
        this.scheduler = scheduler;
        this.probeExecutor = probeExecutor;
        List<ServiceStatus> pending = this.services.values().stream()
                .map(s -> ServiceStatus.pending(s.name(), s.probe(), s.endpoint())).toList();
        this.snapshot = store;
        store.update(s -> s.withServices(pending, clock.instant()));
    }

    public void start() {
        long every = config.round().interval().toMillis();
        schedule = scheduler.scheduleAtFixedRate(Rounds.guarded("probe rounds", this::runRound, why -> { }), 0, every,
                TimeUnit.MILLISECONDS);
    }

    public long droppedRounds() {
        return droppedRounds.get();
    }

    /**
     * Starts one round now. The future completes when every probe started by it has answered or timed out; it
     * completes at once, with the current snapshot, when the previous round is still running (the round is dropped).
     */
    public CompletableFuture<StackSnapshot> runRound() {
        if (!inRound.compareAndSet(false, true)) {
            droppedRounds.incrementAndGet();
            return CompletableFuture.completedFuture(snapshot.get());
        }
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        answers.add(CompletableFuture.runAsync(() -> snapshot.update(s -> s.withHost(host.get(), clock.instant())),
                probeExecutor));
        for (ServiceStatus status : snapshot.get().services()) {
            if (status.nextProbeAt() != null && start.isBefore(status.nextProbeAt())) {
                continue; // backing off
            }
            if (running.contains(status.name())) {
                continue; // the previous probe is still hanging past its timeout; don't pile up another
            }
            answers.add(probe(services.get(status.name())));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .handle((v, e) -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    inRound.set(false);
                    return snapshot.update(s -> s.withRoundFinished(clock.instant(), took));
                });
    }

    private CompletableFuture<Health> probe(ServiceConfig service) {
        CompletableFuture<Health> answer = new CompletableFuture<>();
        Probe probe = probes.get(service.name());
        running.add(service.name());
        Future<?> task;
        try {
            task = probeExecutor.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    Health h = probe.check();
                    answer.complete(probe.measures() ? h.withLatency(Duration.ofNanos(System.nanoTime() - t0)) : h);
                } catch (RuntimeException e) {
                    answer.complete(Health.down("probe failed: " + e)
                            .withLatency(Duration.ofNanos(System.nanoTime() - t0)));
                } finally {
                    running.remove(service.name());
                }
            });
        } catch (RuntimeException rejected) { // shutting down
            running.remove(service.name());
            return CompletableFuture.completedFuture(Health.unknown("cockpit is shutting down"));
        }
        Duration timeout = service.timeout();
        scheduler.schedule(() -> {
            if (answer.complete(Health.unreachable("no answer in " + Failures.seconds(timeout)).withLatency(timeout))) {
                task.cancel(true);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return answer.thenApply(h -> {
            snapshot.update(s -> s.withServices(replace(s.services(), service.name(), h), clock.instant()));
            return h;
        });
    }

    private List<ServiceStatus> replace(List<ServiceStatus> all, String name, Health health) {
        Instant now = clock.instant();
        List<ServiceStatus> out = new ArrayList<>(all.size());
        for (ServiceStatus s : all) {
            if (!s.name().equals(name)) {
                out.add(s);
                continue;
            }
            List<Duration> history = new ArrayList<>(s.latencyHistory());
            if (health.latency() != null) {
                history.add(health.latency());
            }
            int keep = config.round().history();
            if (history.size() > keep) {
                history = history.subList(history.size() - keep, history.size());
            }
            int failures = health.level() == HealthLevel.DOWN ? s.consecutiveFailures() + 1 : 0;
            out.add(new ServiceStatus(s.name(), s.kind(), s.endpoint(), health, history, now, failures,
                    failures == 0 ? null : now.plus(backoff(failures))));
        }
        return out;
    }

    /** 1, 2, 4 ... intervals after consecutive failures, capped at maxBackoff; the first retry is the next round. */
    Duration backoff(int failures) {
        Duration interval = config.round().interval();
        Duration d = interval.multipliedBy(1L << Math.min(failures - 1, 20));
        Duration cap = config.round().maxBackoff();
        // A little less than the full delay, so that the round at the boundary is not skipped by clock jitter.
        Duration capped = d.compareTo(cap) > 0 ? cap : d;
        return capped.minus(interval.dividedBy(10));
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        probes.values().forEach(Probe::close);
    }
}
