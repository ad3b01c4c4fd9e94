package io.hcdjg.cockpit.config;

import io.hcdjg.cockpit.model.ProbeKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code services} section: the probed services, merged by name across the files. */
final class ServiceSection {
    static final Set<String> FIELDS = Set.of("name", "probe", "host", "port", "path", "timeout", "enabled",
            "overlay", "datacenter");

    private final ConfigReader r;

    ServiceSection(ConfigReader reader) {
        this.r = reader;
    }

    /** The valid services; an invalid one is left out, its problems reported. */
    List<ServiceConfig> read(List<ConfigReader.Layer> roots, String defaultHost, CockpitConfig.Round round) {
        List<ServiceConfig> services = new ArrayList<>();
        r.named(roots, "services", FIELDS, "probe").forEach((name, layers) ->
                service(name, layers, defaultHost, round).ifPresent(services::add));
        return services;
    }

    private Optional<ServiceConfig> service(String name, List<ConfigReader.Layer> layers, String defaultHost,
                                            CockpitConfig.Round round) {
        ConfigReader.Layer last = layers.get(layers.size() - 1);
        int before = r.problems.size();
        Optional<ProbeKind> probe = ConfigReader.value(layers, "probe").flatMap(v -> {
            Optional<ProbeKind> kind = v.node().isTextual() ? ProbeKind.fromConfigName(v.node().asText())
                    : Optional.empty();
            if (kind.isEmpty()) {
                r.problems.add(v.doc().problem(v.path(), "unknown probe '" + v.node().asText() + "'; one of "
                        + Arrays.stream(ProbeKind.values()).map(ProbeKind::configName)
                        .collect(Collectors.joining(", "))));
            }
            return kind;
        });
        if (ConfigReader.value(layers, "probe").isEmpty()) {
            r.problems.add(last.doc().problem(last.path(), "service '" + name + "' has no 'probe'"));
        }
        Optional<Integer> port = r.integer(layers, "port", 1, 65535);
        if (ConfigReader.value(layers, "port").isEmpty()) {
            r.problems.add(last.doc().problem(last.path(), "service '" + name + "' has no 'port'"));
        }
        Optional<String> path = r.text(layers, "path");
        path.filter(p -> !p.startsWith("/"))
                .ifPresent(p -> r.problems.add(r.locate(layers, "path", "must start with '/'")));
        Duration timeout = r.duration(layers, "timeout").orElse(round.timeout());
        if (ConfigReader.value(layers, "timeout").isPresent() && timeout.compareTo(round.interval()) >= 0) {
            r.problems.add(r.locate(layers, "timeout", "must be shorter than round.interval ("
                    + Durations.text(round.interval()) + ")"));
        }
        boolean enabled = bool(layers, "enabled").orElse(true);
        if (r.problems.size() > before || probe.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        String effectivePath = probe.get().isHttp() ? path.orElse(probe.get().defaultPath()) : null;
        return Optional.of(new ServiceConfig(name, probe.get(), r.text(layers, "host").orElse(defaultHost), port.get(),
                effectivePath, timeout, enabled, r.text(layers, "overlay").orElse(null),
                r.text(layers, "datacenter").orElse("datacenter1")));
    }

    private Optional<Boolean> bool(List<ConfigReader.Layer> layers, String field) {
        return ConfigReader.value(layers, field).flatMap(v -> {
            if (v.node().isBoolean()) {
                return Optional.of(v.node().asBoolean());
            }
            r.problems.add(v.doc().problem(v.path(), "must be true or false, not '" + v.node().asText() + "'"));
            return Optional.empty();
        });
    }
}
