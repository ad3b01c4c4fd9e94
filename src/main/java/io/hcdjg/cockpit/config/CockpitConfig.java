package io.hcdjg.cockpit.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The validated configuration: which stack, which services, how often to probe them.
 *
 * @param dependencies service → the services it needs; a dependent of a DOWN service is shown blocked by it
 * @param redaction    what is never written or shown, beyond the built-in rules ({@link Redaction#of})
 */
public record CockpitConfig(Stack stack, Round round, Host host, Podman podman, Monitoring monitoring, Logs logs,
                            List<ServiceConfig> services, List<MetricConfig> metrics, IncidentConfig incidents,
                            Map<String, List<String>> dependencies, RunbookConfig runbook,
                            RedactionConfig redaction) {

    /**
     * @param maxLines per followed container; older lines are dropped (and counted)
     * @param history  how far back a follow starts, so the 1 h / 24 h counters are right at once (podman's --since)
     * @param keywords class (error, slow-query, auth-failure, destructive) → case-insensitive words, matched as whole
     *                 words (see LogClassifier); a class listed here replaces its defaults
     * @param regex    class → regular expressions, in addition (slower than keywords)
     */
    public record Logs(int maxLines, String history, Map<String, List<String>> keywords,
                       Map<String, List<String>> regex) {
        public Logs {
            keywords = Map.copyOf(keywords);
            regex = Map.copyOf(regex);
        }
    }

    public CockpitConfig {
        services = List.copyOf(services);
        metrics = List.copyOf(metrics);
        dependencies = Map.copyOf(dependencies);
    }

    /** Where Prometheus and Alertmanager answer, how often to ask them, and each call's timeout. */
    /**
     * @param stackLabels the labels Prometheus puts on this stack's alerts (its {@code external_labels}): maintenance
     *                    mode silences only alerts that carry them, never a shared Alertmanager's every alert
     */
    public record Monitoring(String prometheus, String alertmanager, Duration poll, Duration timeout,
                             Map<String, String> stackLabels) {
        /** The real stack's {@code config/monitoring/prometheus.yml} (stack-reference §3.1). */
        public static final Map<String, String> STACK_LABELS = Map.of("cluster", "hcd-janusgraph");

        public Monitoring {
            stackLabels = Map.copyOf(stackLabels);
        }

        public Monitoring(String prometheus, String alertmanager, Duration poll, Duration timeout) {
            this(prometheus, alertmanager, poll, timeout, STACK_LABELS);
        }
    }

    /**
     * A metric tile: a PromQL expression with thresholds (higher is worse).
     *
     * @param warn     null for none
     * @param critical null for none
     * @param source   where the figure comes from and what it measures, shown on its tile
     */
    public record MetricConfig(String name, String title, String query, String unit, Double warn, Double critical,
                               String source) {
        public MetricConfig(String name, String title, String query, String unit, Double warn, Double critical) {
            this(name, title, query, unit, warn, critical, "Prometheus: " + query);
        }
    }

    /**
     * @param overlays compose overlays that are deployed, e.g. {@code logging}; services of other overlays are hidden
     */
    public record Stack(String project, String host, List<String> overlays) {
        /** What podman-compose accepts as a project name; never empty (an empty label filter matches everything). */
        public static final String PROJECT_NAME = "[a-z0-9][a-z0-9_.-]*";

        public static boolean isProjectName(String name) {
            return name != null && name.matches(PROJECT_NAME);
        }

        public Stack {
            overlays = List.copyOf(overlays);
        }
    }

    /** @param history how many latencies each tile keeps */
    public record Round(Duration interval, Duration timeout, Duration maxBackoff, int history) {
    }

    /** @param diskPath the filesystem the disk gauge shows; "auto" picks podman's storage or the home directory */
    public record Host(String diskPath) {
    }

    /**
     * @param connection   a name from {@code podman system connection list}; empty: PODMAN_CONNECTION, else the local
     *                     engine
     * @param composeFiles the project's compose files for up, down and scale; empty: the files the running
     *                     containers' labels name
     * @param poll         how often containers and stats are listed (events arrive between polls)
     */
    public record Podman(String connection, List<String> composeFiles, Duration poll) {
        public Podman {
            composeFiles = List.copyOf(composeFiles);
        }
    }

    /** The services that are shown: enabled and, when they belong to an overlay, with that overlay deployed. */
    public List<ServiceConfig> shownServices() {
        return services.stream()
                .filter(ServiceConfig::enabled)
                .filter(s -> s.overlay() == null || stack.overlays().contains(s.overlay()))
                .toList();
    }

    /** A copy pointing the services that the map names at other endpoints (used by the demo stack). */
    public CockpitConfig withServices(List<ServiceConfig> replaced) {
        return new CockpitConfig(stack, round, host, podman, monitoring, logs, replaced, metrics, incidents,
                dependencies, runbook, redaction);
    }
}
