package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.List;

/**
 * What Prometheus and Alertmanager say — the configured metrics, the scrape targets, the alerts and the silences —
 * and the analytics-api's query profiler.
 *
 * @param prometheusProblem   why Prometheus could not be asked, or null
 * @param alertmanagerProblem why Alertmanager could not be asked, or null
 * @param slowQueries         the profiler's query patterns, slowest p95 first (empty when it could not be asked)
 */
public record MonitoringState(List<MetricReading> metrics, List<ScrapeTarget> targets, List<Alert> alerts,
                              List<Silence> silences, String prometheusProblem, String alertmanagerProblem,
                              Instant at, List<SlowQuery> slowQueries) {

    public MonitoringState {
        metrics = List.copyOf(metrics);
        targets = List.copyOf(targets);
        alerts = List.copyOf(alerts);
        silences = List.copyOf(silences);
        slowQueries = List.copyOf(slowQueries);
    }

    /** Without the profiler's patterns. */
    public MonitoringState(List<MetricReading> metrics, List<ScrapeTarget> targets, List<Alert> alerts,
                           List<Silence> silences, String prometheusProblem, String alertmanagerProblem, Instant at) {
        this(metrics, targets, alerts, silences, prometheusProblem, alertmanagerProblem, at, List.of());
    }

    public static MonitoringState none() {
        return new MonitoringState(List.of(), List.of(), List.of(), List.of(), null, null, null);
    }

    /** What was last read, kept, with why it is not fresh on both panels (its time stays the last good read's). */
    public MonitoringState failed(String why) {
        return new MonitoringState(metrics, targets, alerts, silences, why, why, at, slowQueries);
    }

    public List<Alert> firing() {
        return alerts.stream().filter(Alert::firing).toList();
    }
}
