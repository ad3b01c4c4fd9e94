package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStats;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.PlaybookResult;
import io.hcdjg.cockpit.model.SlowQuery;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The troubleshooting playbooks of runbook §4.1–§4.5, done with what really works on the stack: symptoms from live
 * data, diagnosis by {@code podman stats}, the JDK tools and {@code /proc} inside the containers (no netstat needed),
 * volume and log sizes; each diagnosis process is recorded in the audit log.
 */
public final class Playbooks {
    static final Duration STEP = Duration.ofSeconds(30);

    private final Podman podman;
    private final String project;
    private final AuditLog audit;
    private final String connectionLabel;
    private final Supplier<List<Path>> logFiles;

    /** @param logFiles the containers' log files on this machine (empty on a remote connection) */
    public Playbooks(Podman podman, String project, AuditLog audit, String connectionLabel,
                     Supplier<List<Path>> logFiles) {
        this.podman = podman;
        this.project = project;
        this.audit = audit;
        this.connectionLabel = connectionLabel;
        this.logFiles = logFiles;
    }

    public PlaybookResult run(String id, PlaybookInputs live) throws IOException {
        List<ContainerInfo> containers;
        List<ContainerStats> stats;
        try {
            containers = podman.containers(project);
            stats = podman.stats();
        } catch (ProcessException e) {
            return new PlaybookResult(id, title(id), List.of(new CheckResult("podman", HealthLevel.DOWN,
                    e.getMessage())), List.of(), resolution(id));
        }
        List<ContainerStats> mine = stats.stream().filter(s -> containers.stream().anyMatch(c -> c.name()
                .equals(s.name()))).sorted(Comparator.comparingDouble(ContainerStats::cpuPercent).reversed()).toList();
        List<CheckResult> symptoms = new ArrayList<>();
        List<CheckResult> diagnosis = new ArrayList<>();
        String jg = containers.stream().filter(c -> c.service().equals("janusgraph-server") && c.running())
                .map(ContainerInfo::name).findFirst().orElse(null);
        switch (id) {
            case "high-cpu" -> {
                ContainerStats top = mine.isEmpty() ? null : mine.get(0);
                symptoms.add(new CheckResult("CPU over 80 %", top != null && top.cpuPercent() > 80 ? HealthLevel.DOWN
                        : HealthLevel.UP, top == null ? "no stats"
                        : "highest: " + top.name() + " " + pct(top.cpuPercent())));
                symptoms.add(p95(live.p95()));
                diagnosis.add(new CheckResult("CPU by container (podman stats)", HealthLevel.UP, table(mine)));
                diagnosis.add(exec(id, jg, "runnable threads of janusgraph-server (jstack)", "jstack", "1"));
                diagnosis.add(found(lines("slowest queries in the logs", live.classifiedLines(),
                        "slow query", "took")));
            }
            case "high-memory" -> {
                ContainerStats top = mine.stream().max(Comparator.comparingDouble(Playbooks::memPct)).orElse(null);
                symptoms.add(new CheckResult("memory over 90 % of a limit", top != null && memPct(top) > 90
                        ? HealthLevel.DOWN : HealthLevel.UP, top == null ? "no stats" : "highest: " + top.name() + " "
                        + pct(memPct(top))));
                symptoms.add(lines("OutOfMemoryError in the logs", live.classifiedLines(), "outofmemory"));
                diagnosis.add(new CheckResult("memory by container (podman stats)", HealthLevel.UP, table(mine)));
                diagnosis.add(exec(id, jg, "heap and GC of janusgraph-server (jstat -gc)",
                        "jstat", "-gc", "1", "1000", "3"));
            }
            case "slow-queries" -> {
                symptoms.add(slowApiQueries(live.slowQueries()));
                symptoms.add(p95(live.p95()));
                symptoms.add(lines("slow queries in the logs", live.classifiedLines(), "slow query", "took"));
                diagnosis.add(patterns(live.slowQueries()));
                diagnosis.add(found(lines("slow query lines", live.classifiedLines(), "slow", "took")));
                diagnosis.add(found(lines("timeouts", live.classifiedLines(), "timeout", "timed out")));
            }
            case "connection-pool" -> {
                symptoms.add(lines("\"no available connections\" or connection timeouts", live.classifiedLines(),
                        "no available connection", "connection timeout", "timed out"));
                diagnosis.add(connections(id, jg));
            }
            case "disk-space" -> {
                HostStats.Gauge d = live.host().disk();
                double used = d.error() == null ? d.fraction() * 100 : Double.NaN;
                symptoms.add(new CheckResult("disk over 85 %", used >= 85 ? HealthLevel.DOWN : HealthLevel.UP,
                        d.error() != null ? d.error() : pct(used) + " of " + d.label()));
                symptoms.add(lines("\"No space left on device\"", live.classifiedLines(), "no space left"));
                diagnosis.add(run(id, "images, containers and volumes (podman system df)",
                        () -> podman.systemDf(STEP)));
                diagnosis.add(logSizes());
            }
            default -> throw new IllegalArgumentException("no playbook " + id + "; one of "
                    + String.join(", ", PlaybookResult.IDS));
        }
        return new PlaybookResult(id, title(id), symptoms, diagnosis, resolution(id));
    }

    public static String title(String id) {
        return switch (id) {
            case "high-cpu" -> "High CPU usage (§4.1)";
            case "high-memory" -> "High memory usage (§4.2)";
            case "slow-queries" -> "Slow queries (§4.3)";
            case "connection-pool" -> "Connection pool exhaustion (§4.4)";
            default -> "Disk space (§4.5)";
        };
    }

    /** The runbook's resolution steps. */
    public static List<String> resolution(String id) {
        return switch (id) {
            case "high-cpu" -> List.of("Identify CPU-intensive queries", "Kill long-running queries if necessary",
                    "Optimize or cache problematic queries", "Scale if the load is sustained (vertical on Podman)",
                    "Review and optimize indexes");
            case "high-memory" -> List.of("Take and review a heap dump (jmap -dump:live in janusgraph-server)",
                    "Check for large transactions", "Review cache sizes", "Increase the heap if appropriate",
                    "Restart the service if a leak is confirmed");
            case "slow-queries" -> List.of("Identify slow query patterns", "Add appropriate indexes",
                    "Optimize query structure", "Implement caching", "Paginate query results");
            case "connection-pool" -> List.of("Increase the connection pool size", "Check for connection leaks",
                    "Set a connection timeout", "Review the application's connection handling",
                    "Scale if the connection count stays high");
            default -> List.of("Clean up old logs", "Remove old backups (runbook.retentionDays)",
                    "Compact Cassandra (nodetool compact)", "Add disk space", "Rotate container logs");
        };
    }

    private static CheckResult p95(MetricReading p95) {
        String name = "p95 of the exporter's probe traversals over 1 s";
        if (p95 == null || Double.isNaN(p95.value())) {
            return new CheckResult(name, HealthLevel.UNKNOWN, p95 == null ? "no p95-latency metric" : p95.reason());
        }
        return new CheckResult(name, p95.value() > 1 ? HealthLevel.DOWN : HealthLevel.UP,
                MetricReading.format(p95.value() * 1000) + " ms");
    }

    /** The API's own queries over the profiler's threshold: the slow queries users see (stack-reference §4.10). */
    private static CheckResult slowApiQueries(List<SlowQuery> patterns) {
        String name = "slow API queries (analytics-api profiler)";
        if (patterns == null) {
            return new CheckResult(name, HealthLevel.UNKNOWN, "the profiler could not be asked");
        }
        long runs = patterns.stream().mapToLong(SlowQuery::executions).sum();
        long slow = patterns.stream().mapToLong(SlowQuery::slow).sum();
        if (runs == 0) {
            return new CheckResult(name, HealthLevel.UP, "no query profiled since the API started");
        }
        SlowQuery worst = patterns.stream().max(Comparator.comparingDouble(SlowQuery::p95Ms)).orElseThrow();
        return new CheckResult(name, slow > 0 ? HealthLevel.DOWN : HealthLevel.UP, slow + " slow of " + runs
                + "; slowest p95 " + MetricReading.format(worst.p95Ms()) + " ms: " + worst.pattern());
    }

    /** The profiler's patterns, slowest p95 first: what to index or rewrite. */
    private static CheckResult patterns(List<SlowQuery> patterns) {
        String name = "query patterns by p95 (analytics-api profiler)";
        if (patterns == null || patterns.isEmpty()) {
            return new CheckResult(name, HealthLevel.UNKNOWN, patterns == null ? "the profiler could not be asked"
                    : "none profiled");
        }
        return new CheckResult(name, HealthLevel.UP, patterns.stream().limit(10).map(q -> String.format(Locale.ROOT,
                "p95 %s ms  avg %s ms  %d runs, %d slow  %s", MetricReading.format(q.p95Ms()),
                MetricReading.format(q.avgMs()), q.executions(), q.slow(), q.pattern()))
                .collect(Collectors.joining("\n")));
    }

    /** The classified lines that contain any of the words (case-insensitive), newest last. */
    static CheckResult lines(String name, List<String> lines, String... words) {
        List<String> hits = lines.stream().filter(l -> {
            String x = l.toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (x.contains(w)) {
                    return true;
                }
            }
            return false;
        }).toList();
        return new CheckResult(name, hits.isEmpty() ? HealthLevel.UP : HealthLevel.DEGRADED, hits.isEmpty()
                ? "none in the retained logs" : hits.size() + " lines; newest:\n" + String.join("\n",
                hits.subList(Math.max(0, hits.size() - 8), hits.size())));
    }

    /** A symptom's lines shown as a diagnosis finding: they ran, whatever they found. */
    private static CheckResult found(CheckResult lines) {
        return new CheckResult(lines.name(), HealthLevel.UP, lines.value());
    }

    private CheckResult exec(String id, String container, String name, String... command) throws IOException {
        if (container == null) {
            return new CheckResult(name, HealthLevel.UNKNOWN, "janusgraph-server is not running");
        }
        CheckResult r = run(id, name, () -> podman.exec(container, List.of(command), STEP, null));
        if (command[0].equals("jstack") && r.level() == HealthLevel.UP) {
            long runnable = r.value().lines().filter(l -> l.contains("java.lang.Thread.State: RUNNABLE")).count();
            return new CheckResult(name, HealthLevel.UP, runnable + " RUNNABLE threads\n" + r.value().lines()
                    .filter(l -> l.startsWith("\"")).limit(15).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
        return r;
    }

    /** One diagnosis process; podman failing to run it is a finding, not an error of the playbook. */
    private interface Step {
        ProcessResult run() throws ProcessException;
    }

    private CheckResult run(String id, String name, Step step) throws IOException {
        try {
            ProcessResult r = step.run();
            audit.process(connectionLabel, "playbook " + id, r);
            String out = (r.stdout().isBlank() ? r.stderr() : r.stdout()).strip();
            return new CheckResult(name, r.ok() ? HealthLevel.UP : HealthLevel.UNKNOWN, r.ok() ? out
                    : "exit " + r.exitCode() + ": " + out.lines().findFirst().orElse("")
                    + (out.contains("executable file") || out.contains("not found") ? " (not in the image)" : ""));
        } catch (ProcessException e) {
            return new CheckResult(name, HealthLevel.UNKNOWN, e.getMessage());
        }
    }

    /** Established connections on the Gremlin port, from /proc inside the container (port 8182 = 1FF6). */
    private CheckResult connections(String id, String container) throws IOException {
        String name = "established connections to janusgraph-server:8182";
        if (container == null) {
            return new CheckResult(name, HealthLevel.UNKNOWN, "janusgraph-server is not running");
        }
        CheckResult r = run(id, name, () -> podman.exec(container, List.of("cat", "/proc/net/tcp", "/proc/net/tcp6"),
                STEP, null));
        if (r.level() != HealthLevel.UP) {
            return r;
        }
        long established = r.value().lines().map(String::trim).filter(l -> !l.startsWith("sl"))
                .map(l -> l.split("\\s+"))
                .filter(f -> f.length > 3 && f[1].toUpperCase(Locale.ROOT).endsWith(":1FF6") && f[3].equals("01"))
                .count();
        return new CheckResult(name, HealthLevel.UP, established + " established");
    }

    private CheckResult logSizes() {
        List<String> rows = new ArrayList<>();
        long total = 0;
        for (Path p : logFiles.get()) {
            try {
                long size = Files.size(p);
                total += size;
                rows.add(String.format(Locale.ROOT, "%10.1f MB  %s", size / 1e6, p));
            } catch (IOException e) {
                rows.add("unreadable  " + p);
            }
        }
        return new CheckResult("container log files", HealthLevel.UP, rows.isEmpty()
                ? "not readable here (a remote connection)" : String.format(Locale.ROOT, "%.1f MB in %d files\n",
                total / 1e6, rows.size()) + String.join("\n", rows));
    }

    private static String table(List<ContainerStats> stats) {
        StringBuilder b = new StringBuilder();
        for (ContainerStats s : stats) {
            b.append(String.format(Locale.ROOT, "%-40s %7s CPU %10s%n", s.name(), pct(s.cpuPercent()),
                    s.memLimit() > 0 ? pct(memPct(s)) + " mem"
                            : String.format(Locale.ROOT, "%.0f MB", s.memUsed() / 1e6)));
        }
        return b.toString().strip();
    }

    private static double memPct(ContainerStats s) {
        return s.memLimit() > 0 ? 100.0 * s.memUsed() / s.memLimit() : 0;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v);
    }
}
