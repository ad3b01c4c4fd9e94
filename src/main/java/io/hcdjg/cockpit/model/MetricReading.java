package io.hcdjg.cockpit.model;

import java.util.List;
import java.util.Locale;

/**
 * One configured metric's latest value.
 *
 * @param value   NaN when there is no value (no data, bad query, Prometheus unreachable)
 * @param level   against the metric's warn/critical thresholds; UNKNOWN without a value
 * @param reason  in words: "no data: no series match", "bad query: …", "3 series, the highest shown"
 * @param history recent values, oldest first
 * @param source  where the figure comes from and what it measures, for the operator
 */
public record MetricReading(String name, String title, String unit, double value, HealthLevel level, String reason,
                            List<Double> history, String source) {

    public MetricReading {
        history = List.copyOf(history);
    }

    /** "1", "0.25", "+Inf". */
    public static String format(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf((long) v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.3g", v);
    }
}
