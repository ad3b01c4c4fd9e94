package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.time.Duration;

/**
 * An incident as its stored events make it.
 *
 * @param source     what opened it: health, alert, log-spike or manual
 * @param key        what it is about (e.g. {@code health:hcd-server}); a trigger with the key of an unresolved incident
 *                   joins that incident instead of opening another
 * @param level      the escalation level reached, 1 (L1, the on-call engineer) to 5
 * @param stepsDone  the §9.2 steps ticked (detect, assess, respond, resolve, document)
 * @param events     its own timeline, oldest first
 */
public record Incident(String id, String title, Priority priority, State state, String source, String key,
                       List<String> services, Instant openedAt, Instant acknowledgedAt, Instant resolvedAt, int level,
                       Set<String> stepsDone, List<IncidentEvent> events) {

    public enum State { OPEN, ACKNOWLEDGED, RESOLVED }

    /** Runbook §9.2, in order. */
    public static final List<String> STEPS = List.of("detect", "assess", "respond", "resolve", "document");

    public Incident {
        services = List.copyOf(services);
        stepsDone = Set.copyOf(stepsDone);
        events = List.copyOf(events);
    }

    /**
     * Its timeline: its own entries, and the stack's entries about its services (and actions on the whole stack) from
     * five minutes before it opened until it was resolved.
     */
    public List<IncidentEvent> timeline(List<IncidentEvent> stackTimeline, Instant now) {
        Instant from = openedAt.minus(Duration.ofMinutes(5));
        Instant to = resolvedAt != null ? resolvedAt : now;
        return stackTimeline.stream().filter(e -> id.equals(e.incident()) || e.incident() == null
                && !e.time().isBefore(from) && !e.time().isAfter(to)
                && (e.service() == null ? e.type().equals(IncidentEvent.ACTION) : services.contains(e.service())))
                .toList();
    }

    public boolean resolved() {
        return state == State.RESOLVED;
    }
}
