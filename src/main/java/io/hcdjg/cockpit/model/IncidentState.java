package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The incident desk's view of the stack, for the panel.
 *
 * @param incidents every incident, newest first
 * @param timeline  the whole stack's recent timeline, oldest first (incident events, transitions, alerts, log spikes,
 *                  audited actions)
 * @param prompts   what is due now: escalations whose timer passed, reminders for unacknowledged incidents
 * @param deadlines per unresolved incident id, when its response time runs out
 * @param blockedBy per service that is not UP because something it depends on is DOWN: that upstream service
 * @param problem   why the incident store could not be read or written, or null
 */
public record IncidentState(List<Incident> incidents, List<IncidentEvent> timeline, List<Prompt> prompts,
                            Map<String, Instant> deadlines, Map<String, String> blockedBy, String problem) {

    /** Something the operator is asked to do now. */
    public record Prompt(String incident, String kind, int level, String text) {
        public static final String ESCALATE = "escalate";
        public static final String REMIND = "remind";
    }

    public IncidentState {
        incidents = List.copyOf(incidents);
        timeline = List.copyOf(timeline);
        prompts = List.copyOf(prompts);
        deadlines = Map.copyOf(deadlines);
        blockedBy = Map.copyOf(blockedBy);
    }

    public static IncidentState none() {
        return new IncidentState(List.of(), List.of(), List.of(), Map.of(), Map.of(), null);
    }

    public long unresolved() {
        return incidents.stream().filter(i -> !i.resolved()).count();
    }
}
