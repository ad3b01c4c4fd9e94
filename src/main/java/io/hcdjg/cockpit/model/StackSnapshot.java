package io.hcdjg.cockpit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

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
 * @param self          the cockpit's own health
 */
public record StackSnapshot(Instant takenAt, String configSource, String stackLabel, boolean demo,
                            List<ServiceStatus> services, HostStats host, List<ConfigProblem> problems,
                            Instant lastRoundAt, Duration lastRoundTook, PodmanState podman,
                            MonitoringState monitoring, List<LogSummary> logs, IncidentState incidents,
                            RunbookState runbook, SecurityState security, CockpitHealth self) {

    public StackSnapshot {
        services = List.copyOf(services);
        problems = List.copyOf(problems);
        logs = List.copyOf(logs);
    }

    /** Before anything was probed or listed. */
    public static StackSnapshot initial(Instant at, String configSource, String stackLabel, boolean demo,
                                        List<ConfigProblem> problems) {
        return new StackSnapshot(at, configSource, stackLabel, demo, List.of(), HostStats.unread(), problems, null,
                null, PodmanState.notWatched(), MonitoringState.none(), List.of(), IncidentState.none(),
                RunbookState.none(), SecurityState.none(), CockpitHealth.unread());
    }

    public long upCount() {
        return services.stream().filter(s -> s.health().level().isUp()).count();
    }

    public StackSnapshot withServices(List<ServiceStatus> updated, Instant at) {
        return change(at, c -> c.services = updated);
    }

    public StackSnapshot withHost(HostStats stats, Instant at) {
        return change(at, c -> c.host = stats);
    }

    public StackSnapshot withPodman(PodmanState state, Instant at) {
        return change(at, c -> c.podman = state);
    }

    public StackSnapshot withMonitoring(MonitoringState state, Instant at) {
        return change(at, c -> c.monitoring = state);
    }

    public StackSnapshot withLogs(List<LogSummary> summaries, Instant at) {
        return change(at, c -> c.logs = summaries);
    }

    public StackSnapshot withIncidents(IncidentState state, Instant at) {
        return change(at, c -> c.incidents = state);
    }

    public StackSnapshot withRunbook(RunbookState state, Instant at) {
        return change(at, c -> c.runbook = state);
    }

    public StackSnapshot withSecurity(SecurityState state, Instant at) {
        return change(at, c -> c.security = state);
    }

    public StackSnapshot withSelf(CockpitHealth health, Instant at) {
        return change(at, c -> c.self = health);
    }

    public StackSnapshot withRoundFinished(Instant at, Duration took) {
        return change(at, c -> {
            c.lastRoundAt = at;
            c.lastRoundTook = took;
        });
    }

    /** The same content as {@code other}, whenever each was taken: nothing for a view to show anew. */
    public boolean sameContent(StackSnapshot other) {
        return other != null && equals(other.change(takenAt, p -> { }));
    }

    /** A copy taken at {@code at} with one part replaced: the components are spelled once, here. */
    private StackSnapshot change(Instant at, Consumer<Parts> edit) {
        Parts p = new Parts(this);
        edit.accept(p);
        return new StackSnapshot(at, configSource, stackLabel, demo, p.services, p.host, problems, p.lastRoundAt,
                p.lastRoundTook, p.podman, p.monitoring, p.logs, p.incidents, p.runbook, p.security, p.self);
    }

    /** The parts the pollers replace, mutable only while a copy is made. */
    private static final class Parts {
        List<ServiceStatus> services;
        HostStats host;
        Instant lastRoundAt;
        Duration lastRoundTook;
        PodmanState podman;
        MonitoringState monitoring;
        List<LogSummary> logs;
        IncidentState incidents;
        RunbookState runbook;
        SecurityState security;
        CockpitHealth self;

        Parts(StackSnapshot s) {
            services = s.services;
            host = s.host;
            lastRoundAt = s.lastRoundAt;
            lastRoundTook = s.lastRoundTook;
            podman = s.podman;
            monitoring = s.monitoring;
            logs = s.logs;
            incidents = s.incidents;
            runbook = s.runbook;
            security = s.security;
            self = s.self;
        }
    }
}
