package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.LogClass;
import io.hcdjg.cockpit.model.LogSummary;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityState;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.hcdjg.cockpit.incidents.IncidentBook.event;

/**
 * What the stack does, turned into incident events: health transitions, alerts firing and resolved, log spikes; and the
 * incidents the rules open for them. Remembers what the last observation saw, so that only changes are recorded. Not
 * thread-safe: the {@link IncidentDesk} calls it under its lock.
 */
final class IncidentTriggers {
    /**
     * Log classes whose spikes are counted from the security events (the audit log included) once the watcher has
     * read them: failed authentications and destructive statements as runbook §8.1 counts them, not log lines.
     */
    private static final Map<LogClass, SecurityEvent.Category> SECURITY_COUNTED = Map.of(
            LogClass.AUTH_FAILURE, SecurityEvent.Category.AUTH_FAILURE,
            LogClass.DESTRUCTIVE, SecurityEvent.Category.DESTRUCTIVE);

    /**
     * One snapshot as the triggers read it.
     *
     * @param roundDone  a probe round ended since the last snapshot (health is judged only then)
     * @param undeployed services without a container in the project and with nothing answering
     * @param blocked    service → the upstream it waits for
     */
    record Round(StackSnapshot snapshot, boolean roundDone, Set<String> undeployed, Dependencies deps,
                 Map<String, String> blocked) {
    }

    private final IncidentRules rules;
    private final Map<String, List<String>> dependencies;
    private final Clock clock;

    // What the last observation saw, so that only changes are recorded. Seeded from the store on the first one.
    private final Map<String, HealthLevel> lastLevel = new HashMap<>();
    private final Map<String, String> firing = new HashMap<>(); // fingerprint → the alert's text
    private final Set<String> spiking = new HashSet<>();
    private boolean seeded;
    private Instant lastRound;

    IncidentTriggers(IncidentRules rules, Map<String, List<String>> dependencies, Clock clock) {
        this.rules = rules;
        this.dependencies = dependencies;
        this.clock = clock;
    }

    /** Reads a snapshot: whether a round ended, what is not deployed, what is blocked by what. */
    Round round(StackSnapshot s) {
        // Until podman has listed the project, a service without a container cannot be told from a failed one.
        PodmanState podman = s.podman();
        boolean podmanPending = !podman.target().isEmpty() && podman.listedAt() == null && podman.problem() == null;
        boolean roundDone = !podmanPending && s.lastRoundAt() != null && !s.lastRoundAt().equals(lastRound);
        if (!podmanPending) {
            lastRound = s.lastRoundAt();
        }
        // Not deployed needs both: no container in the project and nothing answering the probe. A service that
        // answers (a sealed Vault's 503) is deployed even when podman shows nothing, e.g. a stack on another host.
        Set<String> undeployed = new HashSet<>();
        if (podman.listedAt() != null && podman.problem() == null) {
            s.services().stream().filter(x -> podman.of(x.name()).isEmpty() && !x.health().reached())
                    .map(ServiceStatus::name).forEach(undeployed::add);
        }
        Dependencies deps = new Dependencies(s.services(), dependencies, undeployed);
        return new Round(s, roundDone, undeployed, deps, deps.blockedBy());
    }

    /** The events the round adds to the stored ones, the incidents the rules ask for opened among them. */
    List<IncidentEvent> record(Round r, List<IncidentEvent> stored, List<Incident> incidents) {
        seed(stored);
        IncidentBook book = new IncidentBook(stored, incidents);
        StackSnapshot s = r.snapshot();
        Instant now = clock.instant();
        // Health only at the end of a round: a dependent answers before its upstream's probe times out, and must
        // not open an incident of its own before the upstream is seen DOWN.
        if (r.roundDone()) {
            List<ServiceStatus> order = new ArrayList<>(s.services());
            order.sort(Comparator.comparing(x -> r.blocked().containsKey(x.name())));
            boolean maintenance = s.runbook().maintenance() != null;
            order.forEach(x -> health(book, x, r.blocked(), r.undeployed().contains(x.name()) || maintenance,
                    maintenance ? " (in maintenance)" : " (no container in the project)", now));
        }
        if (s.monitoring().at() != null && s.monitoring().alertmanagerProblem() == null) {
            alerts(book, s.monitoring().alerts(), r.deps(), now);
        }
        s.logs().forEach(l -> logs(book, l, s.security(), r.deps(), now));
        return book.added;
    }

    /** After a restart, what is already recorded is not recorded again. */
    private void seed(List<IncidentEvent> stored) {
        if (seeded) {
            return;
        }
        seeded = true;
        Instant recent = clock.instant().minus(rules.config().spikeWindow());
        for (IncidentEvent e : stored) {
            switch (e.type()) {
                case IncidentEvent.HEALTH -> lastLevel.put(e.service(), HealthLevel.valueOf(e.get("to")));
                case IncidentEvent.ALERT -> {
                    if ("firing".equals(e.get("state"))) {
                        firing.put(e.get("fingerprint"), e.text());
                    } else {
                        firing.remove(e.get("fingerprint"));
                    }
                }
                case IncidentEvent.LOG_SPIKE -> {
                    if (e.time().isAfter(recent)) {
                        spiking.add(e.service() + "|" + e.get("class"));
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * @param quiet a transition is recorded, no incident opens: the project has no container of it, or the stack is in
     *              maintenance; {@code why} says which
     */
    private void health(IncidentBook book, ServiceStatus x, Map<String, String> blocked, boolean quiet, String why,
                        Instant now) {
        if (x.checkedAt() == null) {
            return;
        }
        HealthLevel level = x.health().level();
        HealthLevel prev = lastLevel.put(x.name(), level);
        if (prev == level || prev == null && level == HealthLevel.UP) {
            return;
        }
        String upstream = blocked.get(x.name());
        String text = x.name() + " " + (prev == null ? "" : prev + " → ") + level + ": " + x.health().reason();
        String incident;
        if (quiet) {
            text += why;
            incident = book.open.get("health:" + x.name());
        } else if (upstream != null) {
            text += " (blocked by " + upstream + ")";
            incident = book.open.get("health:" + upstream);
            book.affects(incident, x.name(), now);
        } else {
            incident = book.open.get("health:" + x.name());
            if (incident == null && level != HealthLevel.DOWN && level != HealthLevel.DEGRADED) {
                incident = book.incidentOf(x.name()); // recovered: on the timeline of the incident it was part of
            }
            if (incident == null && (level == HealthLevel.DOWN || level == HealthLevel.DEGRADED)) {
                String title = x.name() + " " + level + ": " + x.health().reason();
                incident = rules.forHealth(level == HealthLevel.DOWN ? "down" : "degraded", x.name())
                        .map(p -> book.open(now, "health", "health:" + x.name(), x.name(), title, p)).orElse(null);
            }
        }
        book.added.add(event(now, IncidentEvent.HEALTH, incident, x.name(), text,
                Map.of("from", prev == null ? "" : prev.name(), "to", level.name())));
    }

    private void alerts(IncidentBook book, List<Alert> alerts, Dependencies deps, Instant now) {
        Map<String, Alert> active = new LinkedHashMap<>();
        alerts.stream().filter(Alert::firing).forEach(a -> active.put(a.fingerprint(), a));
        for (Alert a : active.values()) {
            String service = a.service() == null || a.service().isBlank() ? null : a.service();
            String upstream = service == null ? null : deps.downUpstream(service);
            if (firing.containsKey(a.fingerprint())
                    || upstream != null && !book.open.containsKey("health:" + upstream)) {
                continue; // recorded already, or wait for the upstream's incident (it opens at the end of the round)
            }
            String text = a.name() + " firing" + (service == null ? "" : " on " + service)
                    + (a.summary().isBlank() ? "" : ": " + a.summary());
            firing.put(a.fingerprint(), text);
            String home = upstream != null ? upstream : service;
            String incident = home == null ? null : book.open.get("health:" + home);
            String key = "alert:" + a.name() + ":" + (service == null ? "" : service);
            if (incident == null) {
                incident = book.open.get(key);
            }
            if (incident == null) {
                incident = rules.forAlert(a.name(), a.severity(), service)
                        .map(p -> book.open(now, "alert", key, service, "Alert " + text, p)).orElse(null);
            } else {
                book.affects(incident, service, now);
            }
            book.added.add(event(now, IncidentEvent.ALERT, incident, service, text, Map.of("fingerprint",
                    a.fingerprint(), "state", "firing", "severity", a.severity() == null ? "" : a.severity())));
        }
        for (var it = firing.entrySet().iterator(); it.hasNext(); ) {
            var f = it.next();
            if (!active.containsKey(f.getKey())) {
                it.remove();
                String text = f.getValue().replaceFirst(" firing", " resolved");
                String incident = book.alertIncident.get(f.getKey());
                book.added.add(event(now, IncidentEvent.ALERT, incident, null, text,
                        Map.of("fingerprint", f.getKey(), "state", "resolved")));
            }
        }
    }

    private void logs(IncidentBook book, LogSummary l, SecurityState security, Dependencies deps, Instant now) {
        String upstream = deps.downUpstream(l.service());
        if (upstream != null && !book.open.containsKey("health:" + upstream)) {
            return; // errors because something it needs is down: they join that incident once it is open
        }
        for (int c = 0; c < l.recent().size() && c < LogClass.ALL.size(); c++) {
            LogClass lc = LogClass.ALL.get(c);
            String cls = lc.key();
            SecurityEvent.Category counted = security.at() == null ? null : SECURITY_COUNTED.get(lc);
            int count = counted == null ? l.recent().get(c)
                    : security.count(l.service(), counted, now.minus(rules.config().spikeWindow()));
            String latch = l.service() + "|" + cls;
            Optional<IncidentConfig.Rule> rule = rules.forLogs(l.service(), cls, count);
            if (rule.isEmpty()) {
                spiking.remove(latch);
                continue;
            }
            if (!spiking.add(latch)) {
                continue;
            }
            String what = counted != null ? counted.count(count)
                    : count + " " + lc.word() + " line" + (count == 1 ? "" : "s");
            String text = what + " in " + Durations.words(rules.config().spikeWindow()) + " on " + l.service();
            String key = "logs:" + l.service() + ":" + cls;
            String home = upstream != null ? upstream : l.service();
            String incident = book.open.getOrDefault("health:" + home, book.open.get(key));
            if (incident == null) {
                incident = book.open(now, "log-spike", key, l.service(), text, rule.get().priority());
            } else {
                book.affects(incident, l.service(), now);
            }
            book.added.add(event(now, IncidentEvent.LOG_SPIKE, incident, l.service(), text,
                    Map.of("class", cls, "count", String.valueOf(count))));
        }
    }
}
