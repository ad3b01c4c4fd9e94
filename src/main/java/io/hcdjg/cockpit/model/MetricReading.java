package io.hcdjg.cockpit.model;

import java.util.List;

/**
 * One configured metric's latest value.
 *
 * @param value   NaN when there is no value (no data, bad query, Prometheus unreachable)
 * @param level   against the metric's warn/critical thresholds; UNKNOWN without a value
 * @param reason  in words: "no data: no series match", "bad query: …", "3 series, the highest shown"
 * @param history recent values, oldest first
 */
public record MetricReading(String name, String title, String unit, double value, HealthLevel level, String reason,
                            List<Double> history) {

    public MetricReading {
        history = List.copyOf(history);
    }
}
