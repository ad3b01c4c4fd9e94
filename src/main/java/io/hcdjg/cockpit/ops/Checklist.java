package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.config.RunbookConfig;
import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.CertStatus;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.SlowQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The morning checklist of runbook §1.1 — system status, disk, memory, errors in the last hour, last backup,
 * certificate expiry, query performance — judged from what was gathered. Pure.
 */
public final class Checklist {
    static final double WARN_PERCENT = 85;
    static final double FAIL_PERCENT = 95;
    static final Duration SLOW = Duration.ofSeconds(1);

    /**
     * What the checks look at.
     *
     * @param containers     the project's containers; null when podman could not be asked ({@code podmanProblem} says
     *                       why)
     * @param errorsLastHour per service, error lines in the last hour; null when the logs could not be read
     * @param slowQueries    the analytics-api profiler's query patterns; null when it could not be asked
     * @param p95            the p95-latency metric (the exporter's probe traversals), or null when not configured
     * @param gremlin        janusgraph-server's latest probe, or null
     */
    public record Inputs(List<ContainerInfo> containers, String podmanProblem, HostStats host,
                         Map<String, Integer> errorsLastHour, List<BackupInfo> backups, List<CertStatus> certificates,
                         List<SlowQuery> slowQueries, MetricReading p95, ServiceStatus gremlin) {
    }

    private Checklist() {
    }

    public static List<CheckResult> run(Inputs in, RunbookConfig config, Instant now) {
        List<CheckResult> out = new ArrayList<>();
        out.add(system(in));
        out.add(gauge("disk space", in.host().disk()));
        out.add(gauge("memory", in.host().memory()));
        out.add(errors(in.errorsLastHour()));
        out.add(backup(in.backups(), config.backupWarnAge(), now));
        out.add(certificates(in.certificates()));
        out.add(queries(in.slowQueries(), in.p95(), in.gremlin()));
        return out;
    }

    static CheckResult system(Inputs in) {
        String name = "system status";
        if (in.containers() == null) {
            return new CheckResult(name, HealthLevel.DOWN, "podman: " + in.podmanProblem());
        }
        if (in.containers().isEmpty()) {
            return new CheckResult(name, HealthLevel.DOWN, "no container of the project");
        }
        List<String> down = in.containers().stream().filter(c -> !c.running()).map(c -> c.name() + " " + c.state())
                .toList();
        List<String> unhealthy = in.containers().stream().filter(c -> c.health().equals("unhealthy"))
                .map(ContainerInfo::name).toList();
        String counts = (in.containers().size() - down.size()) + " of " + in.containers().size()
                + " containers running";
        if (!down.isEmpty()) {
            return new CheckResult(name, HealthLevel.DOWN, counts + "; not running: " + String.join(", ", down));
        }
        if (!unhealthy.isEmpty()) {
            return new CheckResult(name, HealthLevel.DEGRADED, counts + "; unhealthy: " + String.join(", ", unhealthy));
        }
        return new CheckResult(name, HealthLevel.UP, counts);
    }

    static CheckResult gauge(String name, HostStats.Gauge g) {
        if (g.error() != null) {
            return new CheckResult(name, HealthLevel.DEGRADED, "not read: " + g.error());
        }
        double pct = g.fraction() * 100;
        HealthLevel level = pct >= FAIL_PERCENT ? HealthLevel.DOWN : pct >= WARN_PERCENT ? HealthLevel.DEGRADED
                : HealthLevel.UP;
        return new CheckResult(name, level, String.format(Locale.ROOT, "%.0f %% used of %.1f GB (%s)", pct,
                g.total() / 1e9, g.label()));
    }

    static CheckResult errors(Map<String, Integer> perService) {
        String name = "errors in the last hour";
        if (perService == null) {
            return new CheckResult(name, HealthLevel.DEGRADED, "the logs could not be read");
        }
        int total = perService.values().stream().mapToInt(Integer::intValue).sum();
        String worst = perService.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return new CheckResult(name,
                total == 0 ? HealthLevel.UP : total >= 50 ? HealthLevel.DOWN : HealthLevel.DEGRADED,
                total + " error line" + (total == 1 ? "" : "s") + (worst.isEmpty() ? "" : " (" + worst + ")"));
    }

    public static CheckResult backup(List<BackupInfo> backups, Duration warnAge, Instant now) {
        String name = "last backup";
        if (backups.isEmpty()) {
            return new CheckResult(name, HealthLevel.DOWN, "no backup in the backup directory");
        }
        BackupInfo newest = backups.get(0);
        Duration age = Duration.between(newest.createdAt(), now);
        HealthLevel level = age.compareTo(warnAge.multipliedBy(2)) > 0 ? HealthLevel.DOWN
                : age.compareTo(warnAge) > 0 ? HealthLevel.DEGRADED : HealthLevel.UP;
        return new CheckResult(name, level, Durations.words(age.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1))
                + " old: " + newest.file().getFileName() + " (" + newest.size()
                + (newest.encrypted() ? ", encrypted" : "") + ")");
    }

    static CheckResult certificates(List<CertStatus> certs) {
        String name = "certificate expiry";
        List<CertStatus> read = certs.stream().filter(c -> c.notAfter() != null || c.level() == HealthLevel.DOWN)
                .toList();
        if (read.isEmpty()) {
            return new CheckResult(name, HealthLevel.DEGRADED, certs.isEmpty() ? "no certificate configured"
                    : "none of the " + certs.size() + " configured certificates was found (the deployed stack serves "
                    + "no TLS)");
        }
        CertStatus worst = read.stream().min(Comparator.comparing((CertStatus c) -> -c.level().ordinal())
                .thenComparing(CertStatus::daysLeft)).orElseThrow();
        long missing = certs.size() - read.size();
        return new CheckResult(name, worst.level(), Path.of(worst.source()).getFileName() + " "
                + worst.text() + (missing == 0 ? "" : "; " + missing + " not found"));
    }

    /**
     * Runbook §1.1 step 7 asks for the query time the stack does not serve (18182/health); the real timings are the
     * analytics-api profiler's (its slow queries, over 1 s). When it has profiled nothing, the exporter's own probe
     * traversals (Prometheus) and then a Gremlin round trip say what they can, named as such.
     */
    static CheckResult queries(List<SlowQuery> profiled, MetricReading p95, ServiceStatus gremlin) {
        String name = "query performance";
        long runs = profiled == null ? 0 : profiled.stream().mapToLong(SlowQuery::executions).sum();
        if (runs > 0) {
            long slow = profiled.stream().mapToLong(SlowQuery::slow).sum();
            SlowQuery worst = profiled.stream().max(Comparator.comparingDouble(SlowQuery::p95Ms)).orElseThrow();
            return new CheckResult(name, slow > 0 ? HealthLevel.DEGRADED : HealthLevel.UP, slow + " slow of " + runs
                    + " API queries (analytics-api profiler); slowest p95 " + MetricReading.format(worst.p95Ms())
                    + " ms: " + worst.pattern());
        }
        String profiler = profiled == null ? "the analytics-api profiler could not be asked"
                : "the analytics-api profiler has timed no query";
        if (p95 != null && !Double.isNaN(p95.value())) {
            return new CheckResult(name, p95.level() == HealthLevel.UNKNOWN ? HealthLevel.DEGRADED : p95.level(),
                    profiler + "; the exporter's probe traversals: p95 " + MetricReading.format(p95.value() * 1000)
                            + " ms (Prometheus, 5 min)");
        }
        if (gremlin != null && gremlin.health().latency() != null) {
            Duration l = gremlin.health().latency();
            HealthLevel level = !gremlin.health().level().isUp() ? HealthLevel.DOWN
                    : l.compareTo(SLOW.multipliedBy(2)) > 0 ? HealthLevel.DOWN
                    : l.compareTo(SLOW) > 0 ? HealthLevel.DEGRADED : HealthLevel.UP;
            return new CheckResult(name, level, profiler + "; g.V().limit(1).count() answered in " + l.toMillis()
                    + " ms" + (p95 == null ? "" : " (no p95 from Prometheus: " + p95.reason() + ")"));
        }
        return new CheckResult(name, HealthLevel.DEGRADED, profiler + ", no p95 from Prometheus and no Gremlin answer");
    }
}
