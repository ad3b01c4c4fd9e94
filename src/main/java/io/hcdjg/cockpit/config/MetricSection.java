package io.hcdjg.cockpit.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code metrics} section: the Prometheus queries shown with their thresholds, merged by name across the files. */
final class MetricSection {
    static final Set<String> FIELDS = Set.of("name", "title", "query", "unit", "warn", "critical", "source");

    private final ConfigReader r;

    MetricSection(ConfigReader reader) {
        this.r = reader;
    }

    /** The valid metrics; an invalid one is left out, its problems reported. */
    List<CockpitConfig.MetricConfig> read(List<ConfigReader.Layer> roots) {
        List<CockpitConfig.MetricConfig> metrics = new ArrayList<>();
        r.named(roots, "metrics", FIELDS, "query").forEach((name, layers) -> metric(name, layers)
                .ifPresent(metrics::add));
        return metrics;
    }

    private Optional<CockpitConfig.MetricConfig> metric(String name, List<ConfigReader.Layer> layers) {
        ConfigReader.Layer last = layers.get(layers.size() - 1);
        int before = r.problems.size();
        Optional<String> query = r.text(layers, "query").filter(q -> !q.isBlank());
        if (query.isEmpty()) {
            r.problems.add(last.doc().problem(last.path(), "metric '" + name + "' has no 'query'"));
        }
        Optional<Double> warn = number(layers, "warn");
        Optional<Double> critical = number(layers, "critical");
        if (warn.isPresent() && critical.isPresent() && warn.get() > critical.get()) {
            r.problems.add(r.locate(layers, "warn", "must not be above critical (" + critical.get() + ")"));
        }
        if (r.problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CockpitConfig.MetricConfig(name, r.text(layers, "title").orElse(name), query.get(),
                r.text(layers, "unit").orElse(""), warn.orElse(null), critical.orElse(null),
                r.text(layers, "source").orElse("Prometheus: " + query.get())));
    }

    private Optional<Double> number(List<ConfigReader.Layer> layers, String field) {
        return ConfigReader.value(layers, field).flatMap(v -> {
            if (v.node().isNumber()) {
                return Optional.of(v.node().asDouble());
            }
            r.problems.add(v.doc().problem(v.path(), "must be a number, not '" + v.node().asText() + "'"));
            return Optional.empty();
        });
    }
}
