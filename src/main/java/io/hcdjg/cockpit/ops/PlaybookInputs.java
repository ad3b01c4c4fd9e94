package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.LogSummary;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.SlowQuery;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.probes.MetricDiagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a playbook's symptoms are judged from.
 *
 * @param p95         the exporter's probe traversals' p95 (Prometheus)
 * @param slowQueries the analytics-api profiler's query patterns; null when it could not be asked
 */
public record PlaybookInputs(HostStats host, MetricReading p95, List<SlowQuery> slowQueries,
                             List<String> classifiedLines) {

    /** The followed containers' classified lines of {@code services} in a time range, newest last. */
    public interface KeyLines {
        List<String> between(List<String> services, Instant from, Instant to, int max);
    }

    /** The snapshot's readings and the followed containers' classified lines of the last hour, at most 2,000. */
    public static PlaybookInputs of(StackSnapshot s, KeyLines lines, Instant now) {
        List<String> services = s.logs().stream().map(LogSummary::service).toList();
        MetricReading p95 = s.monitoring().metrics().stream().filter(m -> m.name().equals("p95-latency"))
                .findFirst().orElse(null);
        return new PlaybookInputs(s.host(), p95, MetricDiagnosis.profiled(s.monitoring()),
                lines.between(services, now.minus(Duration.ofHours(1)), now, 2000));
    }
}
