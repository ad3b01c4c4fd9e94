package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Incidents are what their events make them: replaying the stored events, in order, gives every incident's state. */
final class IncidentFold {
    private IncidentFold() {
    }

    private static final class Draft {
        String id;
        String title;
        Priority priority;
        Incident.State state = Incident.State.OPEN;
        String source;
        String key;
        final List<String> services = new ArrayList<>();
        Instant openedAt;
        Instant ackedAt;
        Instant resolvedAt;
        int level = 1;
        final Set<String> steps = new HashSet<>();
        final List<IncidentEvent> events = new ArrayList<>();

        Incident freeze() {
            return new Incident(id, title, priority, state, source, key, services, openedAt, ackedAt, resolvedAt, level,
                    steps, events);
        }
    }

    /** Every incident the events open, in the order they were opened. */
    static List<Incident> incidents(List<IncidentEvent> events) {
        Map<String, Draft> byId = new LinkedHashMap<>();
        for (IncidentEvent e : events) {
            if (e.incident() == null) {
                continue;
            }
            Draft d = byId.get(e.incident());
            if (d == null) {
                if (!e.type().equals(IncidentEvent.OPENED)) {
                    continue; // an entry for an incident whose opening is not stored: nothing to attach it to
                }
                d = new Draft();
                d.id = e.incident();
                d.title = e.text();
                d.priority = Priority.valueOf(e.get("priority"));
                d.source = e.get("source");
                d.key = e.get("key");
                d.openedAt = e.time();
                d.steps.add("detect");
                byId.put(d.id, d);
            }
            d.events.add(e);
            if (e.service() != null && !d.services.contains(e.service())
                    && (e.type().equals(IncidentEvent.OPENED) || e.type().equals(IncidentEvent.AFFECTED))) {
                d.services.add(e.service());
            }
            switch (e.type()) {
                case IncidentEvent.PRIORITY -> d.priority = Priority.valueOf(e.get("priority"));
                case IncidentEvent.ACKNOWLEDGED -> {
                    if (d.state == Incident.State.OPEN) {
                        d.state = Incident.State.ACKNOWLEDGED;
                        d.ackedAt = e.time();
                    }
                }
                case IncidentEvent.ESCALATING, IncidentEvent.ESCALATED ->
                        d.level = Math.max(d.level, Integer.parseInt(e.get("level")));
                case IncidentEvent.STEP -> {
                    if ("true".equals(e.get("done"))) {
                        d.steps.add(e.get("step"));
                    } else {
                        d.steps.remove(e.get("step"));
                    }
                }
                case IncidentEvent.RESOLVED -> {
                    d.state = Incident.State.RESOLVED;
                    d.resolvedAt = e.time();
                    d.steps.add("resolve");
                }
                case IncidentEvent.REOPENED -> {
                    d.state = d.ackedAt != null ? Incident.State.ACKNOWLEDGED : Incident.State.OPEN;
                    d.resolvedAt = null;
                    d.steps.remove("resolve");
                }
                default -> {
                }
            }
        }
        return byId.values().stream().map(Draft::freeze).toList();
    }
}
