package io.hcdjg.cockpit.bench;

import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.runtime.ContainerPoller;
import io.hcdjg.cockpit.runtime.SnapshotStore;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Two figures of the podman integration, against the demo project (start it with {@code demo up} first):
 * <ol>
 * <li>detection latency: a container is killed 20 times; the time until the cockpit's snapshot shows it not running,
 * against the baseline of the same kill seen by a bare {@code podman events} stream in the same run;</li>
 * <li>idle CPU: the cockpit's own process (window under Xvfb, watching the stack) over 60 s, as % of one core, against
 * the CPU of the podman processes it starts in the same 60 s.</li>
 * </ol>
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.hcdjg.cockpit.bench.PodmanBench}
 * (the idle CPU part needs {@code target/cockpit.jar} and a display, e.g. {@code DISPLAY=:99} from Xvfb).
 */
public final class PodmanBench {
    static final String PROJECT = "janusgraph-demo";
    static final String VICTIM = "janusgraph-demo_graph-consumer_1";
    static final int KILLS = 20;

    public static void main(String[] args) throws Exception {
        Podman podman = new Podman(new ProcessGateway(), Optional.empty());
        detection(podman);
        if (System.getenv("DISPLAY") != null && Files.exists(Path.of("target/cockpit.jar"))) {
            idleCpu();
        } else {
            System.out.println("idle CPU: skipped (needs DISPLAY and target/cockpit.jar)");
        }
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

    static void idleCpu() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(java, "-jar", "target/cockpit.jar", "--no-demo")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(20_000); // start-up and the first rounds are not idle
            long hz = 100; // USER_HZ on Linux
            long appBefore = cpuTicks(app.pid(), false);
            long childrenBefore = cpuTicks(app.pid(), true);
            Thread.sleep(60_000);
            double app60 = (cpuTicks(app.pid(), false) - appBefore) / (double) hz;
            double children60 = (cpuTicks(app.pid(), true) - childrenBefore) / (double) hz;
            System.out.printf("idle CPU of the cockpit watching the stack for 60 s: %.1f%% of one core (%.2f s)%n",
                    app60 / 60 * 100, app60);
            System.out.printf("CPU of the podman processes it ran in those 60 s (baseline): %.1f%% (%.2f s); "
                    + "ratio %.2f×%n",
                    children60 / 60 * 100, children60, children60 == 0 ? Double.NaN : app60 / children60);
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** utime+stime of the process (fields 14, 15), or of its reaped children (16, 17), from /proc/PID/stat. */
    static long cpuTicks(long pid, boolean children) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        int first = children ? 13 : 11; // fields after "(comm) state": index 0 is state (field 3)
        return Long.parseLong(f[first]) + Long.parseLong(f[first + 1]);
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().filter(x -> !x.isNaN()).sorted().toList();
        return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
    }

    static double max(List<Double> xs) {
        return xs.stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
