package io.hcdjg.cockpit.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The protocols the cockpit speaks to tell whether a service is healthy, with the default path of the HTTP ones
 * (stack-reference §2).
 */
public enum ProbeKind {
    GREMLIN(null),
    CQL(null),
    VAULT("/v1/sys/health"),
    HTTP("/"),
    OPENSEARCH("/_cluster/health"),
    OPENSEARCH_DASHBOARDS("/api/status"),
    PULSAR("/admin/v2/clusters"),
    PROMETHEUS("/-/healthy"),
    ALERTMANAGER("/-/healthy"),
    GRAFANA("/api/health"),
    LOKI("/ready"),
    JUPYTER("/api"),
    ANALYTICS_API("/health"),
    METRICS("/metrics");

    private final String defaultPath;

    ProbeKind(String defaultPath) {
        this.defaultPath = defaultPath;
    }

    /** Null for the probes that do not speak HTTP. */
    public String defaultPath() {
        return defaultPath;
    }

    public boolean isHttp() {
        return defaultPath != null;
    }

    /** The name used in config files: lower case with dashes, e.g. {@code analytics-api}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ProbeKind> fromConfigName(String name) {
        return Arrays.stream(values()).filter(k -> k.configName().equals(name)).findFirst();
    }
}
