package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.config.CockpitConfig.MetricConfig;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.MetricReading;

import java.util.ArrayList;
import java.util.List;

/** A configured metric's query result as a reading: value, level against its thresholds, and why. Pure. */
public final class MetricDiagnosis {
    private MetricDiagnosis() {
    }

    public static MetricReading read(MetricConfig m, List<PromJson.Series> result, List<Double> history, int keep) {
        if (result.isEmpty()) {
            return new MetricReading(m.name(), m.title(), m.unit(), Double.NaN, HealthLevel.UNKNOWN,
                    "no data: no series match the query", history);
        }
        double value = result.stream().mapToDouble(PromJson.Series::last).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
        if (Double.isNaN(value)) {
            return new MetricReading(m.name(), m.title(), m.unit(), Double.NaN, HealthLevel.UNKNOWN,
                    "NaN: no samples in the query's window", history);
        }
        HealthLevel level = m.critical() != null && value >= m.critical() ? HealthLevel.DOWN
                : m.warn() != null && value >= m.warn() ? HealthLevel.DEGRADED : HealthLevel.UP;
        String reason = level == HealthLevel.DOWN ? "at or above critical " + MetricReading.format(m.critical())
                : level == HealthLevel.DEGRADED ? "at or above warning " + MetricReading.format(m.warn()) : "within thresholds";
        if (result.size() > 1) {
            reason += "; " + result.size() + " series, the highest shown";
        }
        List<Double> h = new ArrayList<>(history);
        if (Double.isFinite(value)) {
            h.add(value);
        }
        if (h.size() > keep) {
            h = h.subList(h.size() - keep, h.size());
        }
        return new MetricReading(m.name(), m.title(), m.unit(), value, level, reason, h);
    }

    public static MetricReading failed(MetricConfig m, String reason, List<Double> history) {
        return new MetricReading(m.name(), m.title(), m.unit(), Double.NaN, HealthLevel.UNKNOWN, reason, history);
    }
}
