package io.hcdjg.cockpit.bench;

import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.LogClassifier;
import io.hcdjg.cockpit.logs.LogIngest;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.runtime.LogFollower;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import io.hcdjg.cockpit.logs.LogFiles;
import io.hcdjg.cockpit.model.LogClass;

/**
 * The log figures of the README, each against a baseline run in the same command:
 * <ol>
 * <li>classify a 1M-line log file vs GNU {@code grep -ciE} with the same patterns on the same file;</li>
 * <li>tail a container that wrote 1M lines until all are ingested and classified vs {@code podman logs C > /dev/null}
 * (the cockpit reads the local engine's log file; over a remote connection it reads {@code podman logs -t});</li>
 * <li>retained heap for those 1M lines vs their raw bytes;</li>
 * <li>a search over the 1M retained lines (the 100 ms budget as the baseline).</li>
 * </ol>
 * Run (demo images built, e.g. after {@code demo up}):
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.hcdjg.cockpit.bench.LogBench}
 */
public final class LogBench {
    static final int LINES = 1_000_000;
    static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        LogClassifier classifier = LogClassifier.defaults();
        Path file = Files.createDirectories(Path.of("target/bench")).resolve("logs-1m.txt");
        writeFile(file);
        classifyVsGrep(classifier, file);
        tailVsPodmanLogs(classifier);
        System.exit(0);
    }

    /** 1M lines in the stack's formats, about 1 in 6 of them in some class. */
    static void writeFile(Path file) throws Exception {
        String[] lines = {
                "2026-11-28 06:00:00,000 [INFO] banking.api - GET /api/v1/persons?limit=20 200 12ms",
                "INFO  [CompactionExecutor:1] 2026-11-28 06:00:00,001 CompactionTask.java:253 - Compacted 4 sstables "
                        + "to [nb-12-big]",
                "2026-11-28 06:00:00,002 [WARNING] banking.api.profiler - Slow query: "
                        + "g.V().has('person','name','Alice') took 1532 ms",
                "ts=2026-11-28T06:00:00.003Z caller=manager.go:978 level=info component=\"rule manager\" "
                        + "msg=\"evaluating group\"",
                "2026-11-28 06:00:00,004 [ERROR] banking.api - Unhandled exception on GET /api/v1/graph/stats: "
                        + "ConnectionRefusedError",
                "[gremlin-server-exec-1] INFO org.apache.tinkerpop.gremlin.server.op.AbstractEvalOpProcessor - eval in "
                        + "3 ms",
                "2026-11-28 06:00:00,006 [INFO] uvicorn.access - 10.89.0.1:51240 - \"POST /api/v1/auth/login "
                        + "HTTP/1.1\" 401",
                "2026-11-28 06:00:00,007 [INFO] banking.api - GET /api/v1/accounts/GB33BUKB20201555555555 200 9ms",
                "2026-11-28 06:00:00,008 [WARNING] banking.compliance.audit - query_executed: DROP TABLE IF EXISTS "
                        + "janusgraph.tmp",
                "2026-11-28 06:00:00,009 [INFO] banking.streaming.graph_consumer - consumed 25 events from "
                        + "transactions-events",
                "INFO  [ScheduledTasks:1] 2026-11-28 06:00:00,010 StatusLogger.java:65 - Pool Name Active Pending "
                        + "Completed",
                "2026-11-28 06:00:00,011 [INFO] banking.api - POST /api/v1/screening 200 48ms",
        };
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                w.write(lines[i % lines.length]);
                w.write(" #");
                w.write(Integer.toString(i));
                w.newLine();
            }
        }
    }

    static void classifyVsGrep(LogClassifier classifier, Path file) throws Exception {
        long size = Files.size(file);
        String ere = classifier.keywords().values().stream().flatMap(List::stream)
                .map(k -> k.replaceAll("([.\\[\\]()*+?{}|^$\\\\])", "\\\\$1")).collect(Collectors.joining("|"));
        List<Double> grep = new ArrayList<>();
        String grepCount = "";
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("grep", "-ciE", ere, file.toString()).redirectErrorStream(true).start();
            grepCount = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            grep.add((System.nanoTime() - t0) / 1e6);
        }
        List<Double> ours = new ArrayList<>();
        long matched = 0;
        for (int r = 0; r < RUNS + 2; r++) { // two warm-up runs for the JIT
            long t0 = System.nanoTime();
            matched = LogFiles.classify(file, classifier)[LogClass.ALL.size() + 1];
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r >= 2) {
                ours.add(ms);
            }
        }
        System.out.printf("classify a 1M-line file (%.0f MB): cockpit %.0f ms (%d lines in a class) vs grep -ciE "
                + "%.0f ms (%s lines): ratio %.2f×%n", size / 1e6, min(ours), matched, min(grep), grepCount,
                min(ours) / min(grep));
    }

    static void tailVsPodmanLogs(LogClassifier classifier) throws Exception {
        ProcessGateway processes = new ProcessGateway();
        Podman podman = new Podman(processes, Optional.empty());
        String name = "cockpit-bench-flood";
        podman.rm(name, null, Duration.ofSeconds(30), null);
        processes.run(List.of("podman", "run", "--name", name, "-e", "MODE=flood", "-e", "LINES=" + LINES,
                "localhost/cockpit-demo/analytics-api:1"), Duration.ofMinutes(5));
        try {
            List<Double> base = new ArrayList<>();
            List<Double> withTimes = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                base.add(podmanLogs(List.of("podman", "logs", name)));
                withTimes.add(podmanLogs(List.of("podman", "logs", "-t", name)));
            }
            List<Double> ours = new ArrayList<>();
            List<Double> remote = new ArrayList<>();
            LogBuffer last = null;
            long heapBefore = 0;
            long heapAfter = 0;
            for (int r = 0; r < 4; r++) { // the first run warms the JIT up
                double viaPodmanLogs = tail(classifier, podman, name, true).ms();
                last = null;
                System.gc();
                heapBefore = heapUsed();
                Tail t = tail(classifier, podman, name, false);
                last = t.buffer();
                System.gc();
                heapAfter = heapUsed();
                if (r > 0) {
                    ours.add(t.ms());
                    remote.add(viaPodmanLogs);
                }
            }
            System.out.printf("tail a container's 1M lines until ingested and classified: cockpit %.0f ms vs "
                    + "podman logs > /dev/null %.0f ms: ratio %.2f×%n", min(ours), min(base), min(ours) / min(base));
            System.out.printf("  over a remote connection (podman logs -t through a pipe): %.0f ms, %.2f× "
                    + "(podman logs -t > /dev/null: %.0f ms)%n", min(remote), min(remote) / min(base), min(withTimes));
            long raw = last.retainedBytes();
            System.out.printf("retained for 1M lines: %.1f MB in the buffer (%.1f MB measured on the heap) for "
                            + "%.1f MB of raw line bytes: ratio %.2f× (heap %.2f×)%n", last.footprint() / 1e6,
                    (heapAfter - heapBefore) / 1e6, raw / 1e6, last.footprint() / (double) raw,
                    (heapAfter - heapBefore) / (double) raw);
            List<Double> search = new ArrayList<>();
            long found = 0;
            for (int r = 0; r < RUNS + 2; r++) {
                long t0 = System.nanoTime();
                found = last.find("GB33BUKB20201555555555").length;
                if (r >= 2) {
                    search.add((System.nanoTime() - t0) / 1e6);
                }
            }
            System.out.printf("search 1M retained lines for a literal: %.0f ms (%d hits) vs the 100 ms budget: "
                    + "ratio %.2f×%n", median(search), found, median(search) / 100);
        } finally {
            podman.rm(name, null, Duration.ofSeconds(30), null);
        }
    }

    record Tail(LogBuffer buffer, double ms) {
    }

    static Tail tail(LogClassifier classifier, Podman podman, String name, boolean viaPodmanLogs) {
        long t0 = System.nanoTime();
        LogBuffer buffer = new LogBuffer(LINES);
        LogIngest ingest = new LogIngest(classifier, buffer, null, System::currentTimeMillis);
        LogFollower f = new LogFollower(podman, name, ingest, "--since=24h", false, s -> { });
        try (LogFollower running = (viaPodmanLogs ? f.viaPodmanLogs() : f).start()) {
            running.done().join();
        }
        if (buffer.size() != LINES) {
            throw new IllegalStateException("ingested " + buffer.size() + " lines, not " + LINES);
        }
        return new Tail(buffer, (System.nanoTime() - t0) / 1e6);
    }

    static double podmanLogs(List<String> argv) throws Exception {
        long t0 = System.nanoTime();
        new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }
}
