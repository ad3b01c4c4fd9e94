package io.hcdjg.cockpit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the views show, as one immutable value published by the background services.
 *
 * @param configSource  which config files are loaded, for the status bar
 * @param stackLabel    what the tiles point at, e.g. "janusgraph-demo on 127.0.0.1" or the demo stack's notice
 * @param demo          true when the tiles point at the built-in demo stack
 * @param problems      config errors; non-empty means the shipped defaults are in use
 * @param lastRoundAt   when the latest round finished; null before the first
 * @param lastRoundTook how long the latest round took, from its start to its last probe's answer or timeout
 * @param podman        the project's containers on the podman connection
 * @param monitoring    Prometheus metrics and targets, Alertmanager alerts and silences
 * @param logs          per service: log lines by class over the last hour and day
 * @param incidents     the incident desk: incidents, timeline, prompts, services blocked by others
 * @param runbook       the proof status, backups, certificates and the latest checklist
 * @param security      failed authentications, denials, validation failures, destructive statements, Vault access
 */
public record StackSnapshot(Instant takenAt, String configSource, String stackLabel, boolean demo,
                            List<ServiceStatus> services, HostStats host, List<ConfigProblem> problems,
                            Instant lastRoundAt, Duration lastRoundTook, PodmanState podman,
                            MonitoringState monitoring, List<LogSummary> logs, IncidentState incidents,
                            RunbookState runbook, SecurityState security) {

    public StackSnapshot {
        services = List.copyOf(services);
        problems = List.copyOf(problems);
        logs = List.copyOf(logs);
    }

    /** Before anything was probed or listed. */
    public static StackSnapshot initial(Instant at, String configSource, String stackLabel, boolean demo,
                                        List<ConfigProblem> problems) {
        return new StackSnapshot(at, configSource, stackLabel, demo, List.of(), HostStats.unread(), problems, null, null,
                PodmanState.notWatched(), MonitoringState.none(), List.of(), IncidentState.none(),
                RunbookState.none(), SecurityState.none());
    }

    public long upCount() {
        return services.stream().filter(s -> s.health().level().isUp()).count();
    }

    public StackSnapshot withServices(List<ServiceStatus> updated, Instant at) {
        return new StackSnapshot(at, configSource, stackLabel, demo, updated, host, problems, lastRoundAt, lastRoundTook, podman, monitoring, logs, incidents, runbook, security);
    }

    public StackSnapshot withHost(HostStats stats, Instant at) {
        return new StackSnapshot(at, configSource, stackLabel, demo, services, stats, problems, lastRoundAt, lastRoundTook, podman, monitoring, logs, incidents, runbook, security);
    }

    public StackSnapshot withPodman(PodmanState state, Instant at) {
        return new StackSnapshot(at, configSource, stackLabel, demo, services, host, problems, lastRoundAt,
                lastRoundTook, state, monitoring, logs, incidents, runbook, security);
    }

    public StackSnapshot withMonitoring(MonitoringState state, Instant at) {
        return new StackSnapshot(at, configSource, stackLabel, demo, services, host, problems, lastRoundAt,
                lastRoundTook, podman, state, logs, incidents, runbook, security);
    }

    public StackSnapshot withLogs(List<LogSummary> summaries, Instant at) {
        return new StackSnapshot(at, configSource, stackLabel, demo, services, host, problems, lastRoundAt,
                lastRoundTook, podman, monitoring, summaries, incidents, runbook, security);
    }

    public StackSnapshot withIncidents(IncidentState state, Instant at) {
        return new StackSnapshot(at, configSource, stackLabel, demo, services, host, problems, lastRoundAt,
                lastRoundTook, podman, monitoring, logs, state, runbook, security);
    }

    public StackSnapshot withRunbook(RunbookState state, Instant at) {
        return new StackSnapshot(at, configSource, stackLabel, demo, services, host, problems, lastRoundAt,
                lastRoundTook, podman, monitoring, logs, incidents, state, security);
    }

    public StackSnapshot withSecurity(SecurityState state, Instant at) {
        return new StackSnapshot(at, configSource, stackLabel, demo, services, host, problems, lastRoundAt,
                lastRoundTook, podman, monitoring, logs, incidents, runbook, state);
    }

    public StackSnapshot withRoundFinished(Instant at, Duration took) {
        return new StackSnapshot(at, configSource, stackLabel, demo, services, host, problems, at, took, podman, monitoring, logs, incidents, runbook, security);
    }
}
