package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.config.CockpitConfig.MetricConfig;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.SlowQuery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.hcdjg.cockpit.model.MonitoringState;

/** A metric's value as a reading: value, level against its thresholds, and why. Pure. */
public final class MetricDiagnosis {
    static final String PROFILER = "analytics-api profiler, GET /api/v1/performance/profiler/slow-queries: ";
    /** The profiler's slow executions: slow is over its threshold (1000 ms unless changed through /profiler/config). */
    public static final MetricConfig SLOW_QUERIES = new MetricConfig("slow-queries", "slow API queries", "", "",
            1.0, null, PROFILER + "executions of the API's own queries over its slow threshold");
    /** The slowest pattern's p95: the only latency of real user queries the stack keeps (the exporter's is its own). */
    public static final MetricConfig API_P95 = new MetricConfig("api-p95", "API query p95 (slowest)", "", "s",
            1.0, 2.0, PROFILER + "p95 of the slowest query pattern the API ran");

    private MetricDiagnosis() {
    }

    public static MetricReading read(MetricConfig m, List<PromJson.Series> result, List<Double> history, int keep) {
        if (result.isEmpty()) {
            return failed(m, "no data: no series match the query", history);
        }
        double value = result.stream().mapToDouble(PromJson.Series::last).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
        if (Double.isNaN(value)) {
            return failed(m, "NaN: no samples in the query's window", history);
        }
        return of(m, value, result.size() > 1 ? result.size() + " series, the highest shown" : "", history, keep);
    }

    /** A value against the metric's thresholds; {@code note} is added to the reason. */
    public static MetricReading of(MetricConfig m, double value, String note, List<Double> history, int keep) {
        HealthLevel level = m.critical() != null && value >= m.critical() ? HealthLevel.DOWN
                : m.warn() != null && value >= m.warn() ? HealthLevel.DEGRADED : HealthLevel.UP;
        String reason = level == HealthLevel.DOWN ? "at or above critical " + MetricReading.format(m.critical())
                : level == HealthLevel.DEGRADED ? "at or above warning " + MetricReading.format(m.warn())
                : "within thresholds";
        if (!note.isEmpty()) {
            reason += "; " + note;
        }
        List<Double> h = new ArrayList<>(history);
        if (Double.isFinite(value)) {
            h.add(value);
        }
        if (h.size() > keep) {
            h = h.subList(h.size() - keep, h.size());
        }
        return new MetricReading(m.name(), m.title(), m.unit(), value, level, reason, h, m.source());
    }

    public static MetricReading failed(MetricConfig m, String reason, List<Double> history) {
        return new MetricReading(m.name(), m.title(), m.unit(), Double.NaN, HealthLevel.UNKNOWN, reason, history,
                m.source());
    }

    /** The profiler's patterns as last read; null when it could not be asked (or was not asked yet). */
    public static List<SlowQuery> profiled(MonitoringState m) {
        boolean read = m.metrics().stream().anyMatch(r -> r.name().equals(SLOW_QUERIES.name())
                && !Double.isNaN(r.value()));
        return read ? m.slowQueries() : null;
    }

    /** The profiler's patterns as the two tiles: slow executions, and the slowest pattern's p95 in seconds. */
    public static List<MetricReading> profiler(List<SlowQuery> patterns, List<Double> slowHistory,
                                               List<Double> p95History, int keep) {
        long executions = patterns.stream().mapToLong(SlowQuery::executions).sum();
        long slow = patterns.stream().mapToLong(SlowQuery::slow).sum();
        if (executions == 0) {
            String none = "no query profiled since the API started (nothing has run its query paths)";
            return List.of(of(SLOW_QUERIES, 0, none, slowHistory, keep), failed(API_P95, none, p95History));
        }
        SlowQuery worst = patterns.stream().max(Comparator.comparingDouble(SlowQuery::p95Ms)).orElseThrow();
        String where = "slowest: " + worst.pattern() + " (p95 " + MetricReading.format(worst.p95Ms()) + " ms, "
                + worst.executions() + " runs)";
        return List.of(of(SLOW_QUERIES, slow, slow + " slow of " + executions + " executions in " + patterns.size()
                        + " patterns; " + where, slowHistory, keep),
                of(API_P95, worst.p95Ms() / 1000, where, p95History, keep));
    }
}
