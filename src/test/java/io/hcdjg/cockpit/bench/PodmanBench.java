package io.hcdjg.cockpit.bench;

import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.runtime.ContainerPoller;
import io.hcdjg.cockpit.runtime.SnapshotStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The podman integration's detection latency, against the demo project (start it with {@code demo up} first): a
 * container is killed 20 times; the time until the cockpit's snapshot shows it not running, against the baseline of
 * the same kill seen by a bare {@code podman events} stream in the same run.
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.hcdjg.cockpit.bench.PodmanBench}
 * The window's idle cost is {@link IdleBench}'s.
 */
public final class PodmanBench {
    static final String PROJECT = "janusgraph-demo";
    static final String VICTIM = "janusgraph-demo_graph-consumer_1";
    static final int KILLS = 20;

    public static void main(String[] args) throws Exception {
        Podman podman = new Podman(new ProcessGateway(), Optional.empty());
        detection(podman);
        System.exit(0);
    }

    static void detection(Podman podman) throws Exception {
        LinkedBlockingQueue<StackSnapshot> published = new LinkedBlockingQueue<>();
        SnapshotStore store = new SnapshotStore(
                StackSnapshot.initial(Instant.now(), "bench", "bench", false, List.of()), published::add);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        ContainerPoller poller = new ContainerPoller(podman, PROJECT, "local", Duration.ofMinutes(30), 10, store,
                Clock.systemUTC(), scheduler, null);
        List<Long> rawDied = new CopyOnWriteArrayList<>();
        ProcessGateway processes = new ProcessGateway();
        var raw = processes.stream(List.of("podman", "events", "--format", "{{.Status}} {{.Name}}",
                "--filter", "type=container"), line -> {
            if (line.equals("died " + VICTIM)) {
                rawDied.add(System.nanoTime());
            }
        });
        poller.start();
        Thread.sleep(3000); // both streams up
        List<Double> cockpit = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            processes.run(List.of("podman", "start", VICTIM), Duration.ofSeconds(30));
            Thread.sleep(1500);
            published.clear();
            int rawBefore = rawDied.size();
            long t0 = System.nanoTime();
            processes.run(List.of("podman", "kill", VICTIM), Duration.ofSeconds(30));
            long seen = 0;
            while (seen == 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20)) {
                StackSnapshot s = published.poll(100, TimeUnit.MILLISECONDS);
                if (s != null && s.podman().of("graph-consumer").stream().anyMatch(c -> !c.info().running())) {
                    seen = System.nanoTime();
                }
            }
            cockpit.add((seen - t0) / 1e6);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (rawDied.size() == rawBefore && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            baseline.add(rawDied.size() > rawBefore ? (rawDied.get(rawBefore) - t0) / 1e6 : Double.NaN);
        }
        processes.run(List.of("podman", "start", VICTIM), Duration.ofSeconds(30));
        poller.close();
        raw.close();
        scheduler.shutdownNow();
        System.out.printf("kill -> shown by the cockpit over %d kills: median %.0f ms, max %.0f ms%n", KILLS,
                median(cockpit), max(cockpit));
        System.out.printf("kill -> 'died' on a bare podman events stream (baseline): median %.0f ms, max %.0f ms%n",
                median(baseline), max(baseline));
        System.out.printf("ratio cockpit / baseline: median %.2f×%n", median(cockpit) / median(baseline));
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().filter(x -> !x.isNaN()).sorted().toList();
        return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
    }

    static double max(List<Double> xs) {
        return xs.stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
