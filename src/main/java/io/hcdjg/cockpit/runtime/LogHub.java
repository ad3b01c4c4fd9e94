package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.LogClassifier;
import io.hcdjg.cockpit.logs.LogCounters;
import io.hcdjg.cockpit.logs.LogIngest;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.LogClass;
import io.hcdjg.cockpit.model.LogSummary;
import io.hcdjg.cockpit.podman.Podman;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.Comparator;

/**
 * Follows the log of every container of the project (from 24 hours back, so the counters are right from the start),
 * one bounded buffer per container and one set of counters per service, and puts the counters in the snapshot once a
 * second. The log pane reads the buffers directly: lines never travel through the snapshot.
 */
public final class LogHub implements AutoCloseable {
    /** A followed container. */
    public record Followed(String container, String service, LogBuffer buffer, LogFollower follower) {
    }

    private final Podman podman;
    private final LogClassifier classifier;
    private final int maxLines;
    private final String history;
    private final SnapshotStore store;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private final Map<String, LogCounters> counters = new ConcurrentHashMap<>();
    private final Map<String, String> status = new ConcurrentHashMap<>();
    private final Duration recentWindow;
    private ScheduledFuture<?> schedule;

    /**
     * @param history      podman's start option for a new follow, e.g. "--since=24h"
     * @param recentWindow the window of the summaries' recent counts (the incident rules' spike window)
     */
    public LogHub(Podman podman, LogClassifier classifier, int maxLines, String history, Duration recentWindow,
                  SnapshotStore store, Clock clock, ScheduledExecutorService scheduler) {
        this.recentWindow = recentWindow;
        this.podman = podman;
        this.classifier = classifier;
        this.maxLines = maxLines;
        this.history = history;
        this.store = store;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    public void start() {
        schedule = scheduler.scheduleWithFixedDelay(Rounds.guarded("log hub", this::tick, why -> { }), 0, 1,
                TimeUnit.SECONDS);
    }

    public LogClassifier classifier() {
        return classifier;
    }

    /** Every followed container, by name. */
    public Map<String, Followed> followed() {
        return Map.copyOf(followed);
    }

    private void tick() {
        sync(store.get().podman().containers().stream().map(c -> c.info()).toList());
        List<LogSummary> summaries = summaries(clock.instant());
        store.update(s -> s.withLogs(summaries, clock.instant()));
    }

    /** Starts following containers that appeared; stops those that are gone from the project. */
    public void sync(List<ContainerInfo> containers) {
        for (ContainerInfo c : containers) {
            followed.computeIfAbsent(c.name(), name -> {
                LogBuffer buffer = new LogBuffer(maxLines);
                LogCounters counts = counters.computeIfAbsent(c.service(), s -> new LogCounters());
                LogIngest ingest = new LogIngest(classifier, buffer, counts, clock::millis);
                LogFollower f = new LogFollower(podman, name, ingest, history, true, msg -> status.put(name, msg));
                return new Followed(name, c.service(), buffer, f.start());
            });
        }
        for (String name : List.copyOf(followed.keySet())) {
            if (containers.stream().noneMatch(c -> c.name().equals(name))) {
                followed.remove(name).follower().close();
                status.remove(name);
            }
        }
    }

    /**
     * The classified lines (error, slow query, auth failure, destructive) the services logged between two instants,
     * the newest {@code max}, oldest first: "time service text".
     */
    public List<String> keyLines(List<String> services, Instant from, Instant to, int max) {
        record Line(long at, String text) {
        }
        List<Line> out = new ArrayList<>();
        for (Followed f : followed.values()) {
            if (!services.contains(f.service())) {
                continue;
            }
            LogBuffer b = f.buffer();
            for (long seq : b.withClasses(-1, b.first(), b.end())) {
                try {
                    long at = b.timestamp(seq);
                    if (at >= from.toEpochMilli() && at <= to.toEpochMilli()) {
                        out.add(new Line(at, Instant.ofEpochMilli(at) + " " + f.service() + " " + b.text(seq, 400)));
                    }
                } catch (IndexOutOfBoundsException dropped) {
                    // fell off the buffer meanwhile
                }
            }
        }
        out.sort(Comparator.comparingLong(Line::at));
        return out.subList(Math.max(0, out.size() - max), out.size()).stream().map(Line::text).toList();
    }

    /** The longest log ingest lag of any followed container since the last call (ms), -1 without a live line. */
    public long takeMaxLag() {
        return followed.values().stream().mapToLong(f -> f.follower().takeMaxLag()).max().orElse(-1);
    }

    public List<LogSummary> summaries(Instant now) {
        Map<String, List<Followed>> byService = new TreeMap<>();
        followed.values().forEach(f -> byService.computeIfAbsent(f.service(), s -> new ArrayList<>()).add(f));
        List<LogSummary> out = new ArrayList<>();
        byService.forEach((service, list) -> {
            LogCounters c = counters.get(service);
            List<Integer> hour = new ArrayList<>();
            List<Integer> day = new ArrayList<>();
            List<Integer> recent = new ArrayList<>();
            for (LogClass k : LogClass.ALL) {
                hour.add(c.count(k.bit(), Duration.ofHours(1), now));
                day.add(c.count(k.bit(), Duration.ofDays(1), now));
                recent.add(c.count(k.bit(), recentWindow, now));
            }
            long lines = list.stream().mapToLong(f -> f.buffer().size()).sum();
            long dropped = list.stream().mapToLong(f -> f.buffer().dropped()).sum();
            String st = list.stream().map(f -> status.getOrDefault(f.container(), "")).filter(x -> !x.isEmpty())
                    .findFirst().orElse("");
            out.add(new LogSummary(service, hour, day, recent, lines, dropped, st));
        });
        return out;
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        followed.values().forEach(f -> f.follower().close());
        followed.clear();
    }
}
