package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.HealthLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the wall shows, already formatted: the FX side only copies these values into nodes.
 *
 * @param notice           the demo banner's line
 * @param problemsHead     the config banner's first line, over {@code problems}
 * @param alertsTitle      the Alerts tab's title, with how many fire
 * @param connectionPrompt the podman connection switcher's prompt: the connection watched
 */
public record WallModel(String title, String notice, boolean demo, String problemsHead, List<String> problems,
                        List<Card> cards, Gauge disk, Gauge memory, String status, String podman,
                        String connectionPrompt, String podmanProblem, List<Metric> metrics, List<AlertRow> alerts,
                        List<SilenceRow> silences, String monitoringProblem, String alertsTitle, List<LogReview> logs,
                        IncidentsModel incidents, RunbookModel runbook, Security security, List<SelfLine> self) {

    public WallModel {
        problems = List.copyOf(problems);
        cards = List.copyOf(cards);
        metrics = List.copyOf(metrics);
        alerts = List.copyOf(alerts);
        silences = List.copyOf(silences);
        logs = List.copyOf(logs);
        self = List.copyOf(self);
    }

    /** A service's log counters: per class over the last hour and day, and its buffers' state. */
    public record LogReview(String service, List<Integer> hour, List<Integer> day, String lines, String status) {
        public LogReview {
            hour = List.copyOf(hour);
            day = List.copyOf(day);
        }
    }

    /**
     * @param value  NaN without a value
     * @param text   the value with its unit, or "—"
     * @param source where the figure comes from and what it measures
     */
    public record Metric(String name, String title, String text, double value, String unit, String reason,
                         HealthLevel level, String styleClass, List<Double> history, String source) {
        public Metric {
            history = List.copyOf(history);
        }
    }

    /** @param labels the alert's labels, for a silence that matches exactly this alert */
    public record AlertRow(String name, String severity, String service, String state, String since, String summary,
                           boolean firing, Map<String, String> labels) {
    }

    public record SilenceRow(String id, String matchers, String createdBy, String comment, String until, String state) {
    }

    /**
     * @param latencyMs  the latest latency, NaN before the first probe
     * @param sampleAt   when the latest sample was taken; a new value adds a point to the sparkline
     * @param probed     false for a service that only has containers (no health endpoint): no latency tile
     * @param containers its containers, replicas in order
     * @param replicas   how many containers it has (for the scale dialog)
     */
    public record Card(String name, String endpoint, HealthLevel level, String state, String reason, String latency,
                       double latencyMs, Instant sampleAt, String retry, String styleClass, boolean probed,
                       List<Container> containers, int replicas, List<String> alerts, LogReview logs) {
        public Card {
            containers = List.copyOf(containers);
            alerts = List.copyOf(alerts);
        }

        public Card withRetry(String line) {
            return new Card(name, endpoint, level, state, reason, latency, latencyMs, sampleAt, line, styleClass,
                    probed, containers, replicas, alerts, logs);
        }
    }

    /** @param cpu recent CPU %, oldest first */
    public record Container(String name, String line, String styleClass, List<Double> cpu) {
        public Container {
            cpu = List.copyOf(cpu);
        }
    }

    /** The Security tab (runbook §8.1): counts per service and per user or address, the newest events, the sources. */
    public record Security(String summary, List<SecurityCount> byService, List<SecurityCount> byWho,
                           List<SecurityRow> events, List<String> sources) {
        public Security {
            byService = List.copyOf(byService);
            byWho = List.copyOf(byWho);
            events = List.copyOf(events);
            sources = List.copyOf(sources);
        }
    }

    /** @param name the service, or the user or address */
    public record SecurityCount(String category, String service, String name, String hour, String day,
                                String styleClass) {
    }

    /** @param raw the line as the service wrote it */
    public record SecurityRow(String time, String service, String category, String what, String who, String source,
                              String raw) {
    }

    /** @param percent 0..100, NaN when the value could not be read */
    public record Gauge(String title, double percent, String text, HealthLevel level) {
    }

    /** One figure of the cockpit's own health; {@code warn} when it is worse than a window should be. */
    public record SelfLine(String name, String value, boolean warn) {
    }
}
