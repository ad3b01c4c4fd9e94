package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Priorities, deadlines, escalations and reminders from the config. Pure: time is always given. */
public final class IncidentRules {
    private final IncidentConfig config;
    private final ZoneId zone;

    public IncidentRules(IncidentConfig config, ZoneId zone) {
        this.config = config;
        this.zone = zone;
    }

    public IncidentConfig config() {
        return config;
    }

    /**
     * A health transition to DOWN or DEGRADED ({@code on} "down" or "degraded"): the first matching rule's priority.
     */
    public Optional<Priority> forHealth(String on, String service) {
        return config.rules().stream().filter(r -> r.on().equals(on) && applies(r, service)).findFirst()
                .map(IncidentConfig.Rule::priority);
    }

    public Optional<Priority> forAlert(String name, String severity, String service) {
        return config.rules().stream().filter(r -> r.on().equals("alert") && applies(r, service)
                        && (r.severity() == null || r.severity().equalsIgnoreCase(severity))
                        && (r.alert() == null || r.alert().equals(name)))
                .findFirst().map(IncidentConfig.Rule::priority);
    }

    /** The rule a class's count over the spike window crosses, if any. */
    public Optional<IncidentConfig.Rule> forLogs(String service, String logClass, int count) {
        return config.rules().stream().filter(r -> r.on().equals("log-spike") && applies(r, service)
                && logClass.equals(r.logClass())).findFirst().filter(r -> count >= r.threshold());
    }

    private static boolean applies(IncidentConfig.Rule r, String service) {
        return r.services().isEmpty() || service != null && r.services().contains(service);
    }

    /** When the incident's response time runs out. */
    public Instant deadline(Incident i) {
        return config.responseTimes().get(i.priority()).deadline(i.openedAt(), zone);
    }

    /** The highest level above the incident's own whose time has come; empty when none (or it is resolved). */
    public Optional<IncidentConfig.Level> dueLevel(Incident i, Instant now) {
        if (i.resolved()) {
            return Optional.empty();
        }
        IncidentConfig.Level due = null;
        for (IncidentConfig.Level l : config.ladder()) {
            if (l.level() > i.level() && l.priorities().contains(i.priority())
                    && !now.isBefore(i.openedAt().plus(l.after()))) {
                due = l;
            }
        }
        return Optional.ofNullable(due);
    }

    /** The level after the incident's own that applies to its priority, for the Escalate button. */
    public Optional<IncidentConfig.Level> nextLevel(Incident i) {
        return config.ladder().stream().filter(l -> l.level() > i.level() && l.priorities().contains(i.priority()))
                .findFirst();
    }

    public Optional<IncidentConfig.Level> level(int n) {
        return config.ladder().stream().filter(l -> l.level() == n).findFirst();
    }

    /** True when an unacknowledged incident has gone a reminder interval since it opened or was last reminded of. */
    public boolean reminderDue(Incident i, Instant now) {
        if (i.state() != Incident.State.OPEN) {
            return false;
        }
        Instant last = i.openedAt();
        for (IncidentEvent e : i.events()) {
            if (e.type().equals(IncidentEvent.REMINDER) || e.type().equals(IncidentEvent.REOPENED)) {
                last = e.time();
            }
        }
        return !now.isBefore(last.plus(config.ackReminder()));
    }
}
