package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import io.hcdjg.cockpit.model.HealthLevel;

/**
 * The janusgraph-exporter judged as stack-reference §3.3 advises: by whether its traversals keep completing (its
 * histogram's count grows every 15 s) and by its error counter — not by {@code janusgraph_connection_status}, which it
 * sets to 1 once and resets only when a connect fails, so a failing query loop still shows 1. Keeps what it saw last,
 * one per probe.
 */
final class ExporterWatch {
    /** Four of the exporter's 15 s rounds without a finished traversal. */
    static final Duration STALE = Duration.ofSeconds(60);
    private static final String COUNT = "janusgraph_query_duration_seconds_count";
    private static final String ERRORS = "janusgraph_errors_total";

    private double lastCount = -1;
    private Instant lastProgress;
    private Map<String, Double> lastErrors = Map.of();

    /**
     * The answer of {@code /metrics} at {@code now}; an exporter without the JanusGraph series is judged generically.
     */
    synchronized Health judge(String body, Instant now) {
        double count = 0;
        boolean janusgraph = false;
        Map<String, Double> errors = new TreeMap<>();
        for (String line : body.split("\n")) {
            if (line.startsWith(COUNT)) {
                janusgraph = true;
                count += value(line);
            } else if (line.startsWith(ERRORS + "{") || line.startsWith(ERRORS + " ")) {
                int t = line.indexOf("error_type=\"");
                String type = t < 0 ? "unlabelled" : line.substring(t + 12, line.indexOf('"', t + 12));
                errors.merge(type, value(line), Double::sum);
            }
        }
        Health generic = HttpDiagnosis.metrics(body);
        if (!janusgraph || generic.level() != HealthLevel.UP) {
            return generic;
        }
        StringBuilder newErrors = new StringBuilder();
        long added = 0;
        for (var e : errors.entrySet()) {
            long n = Math.round(e.getValue() - lastErrors.getOrDefault(e.getKey(), 0.0));
            if (n > 0 && lastCount >= 0) {
                added += n;
                newErrors.append(newErrors.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(n);
            }
        }
        lastErrors = errors;
        if (count > lastCount || lastProgress == null) {
            boolean first = lastCount < 0;
            long finished = Math.round(count - Math.max(lastCount, 0));
            lastCount = count;
            lastProgress = now;
            if (added > 0) {
                return Health.degraded("traversals completing, but " + added + " new errors (" + newErrors + ")");
            }
            return Health.up(first ? "its traversals answered " + Math.round(count) + " times so far"
                    : "traversals completing (" + finished + " since the last probe)");
        }
        Duration idle = Duration.between(lastProgress, now);
        if (idle.compareTo(STALE) <= 0) {
            return added > 0 ? Health.degraded(added + " new errors (" + newErrors + ")")
                    : Health.up("last traversal finished " + idle.toSeconds() + " s ago");
        }
        String stale = "no traversal finished in " + idle.toSeconds() + " s";
        return added > 0 ? Health.down(stale + "; " + added + " new errors (" + newErrors + ")")
                : Health.degraded(stale + " and no error counted: its loop is stuck or slow");
    }

    private static double value(String line) {
        String[] parts = line.strip().split("\\s+");
        try {
            return parts.length < 2 ? 0 : Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
