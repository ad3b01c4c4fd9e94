package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the timeline, as stored (one JSON line each): a health transition, an alert, a log spike, an action
 * from the audit log, or something that happened to an incident (opened, acknowledged, escalated, a note, resolved).
 *
 * @param incident the incident it belongs to, or null for a stack-wide entry
 * @param service  the service it concerns, or null
 * @param data     the type's own fields (priority, level, result ...)
 */
public record IncidentEvent(Instant time, String type, String incident, String service, String text,
                            Map<String, String> data) {

    public static final String HEALTH = "health";
    public static final String ALERT = "alert";
    public static final String LOG_SPIKE = "log-spike";
    public static final String ACTION = "action";
    public static final String OPENED = "opened";
    public static final String AFFECTED = "affected";
    public static final String PRIORITY = "priority";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String STEP = "step";
    public static final String NOTE = "note";
    public static final String ESCALATION_DUE = "escalation-due";
    /** A level taken, before its contacts are paged; {@link #ESCALATED} follows with what the paging did. */
    public static final String ESCALATING = "escalating";
    public static final String ESCALATED = "escalated";
    public static final String REMINDER = "reminder";
    public static final String RESOLVED = "resolved";
    public static final String REOPENED = "reopened";
    /** The store started a new file; the earlier entries are in the archive its data names. */
    public static final String ROTATED = "rotated";

    public IncidentEvent {
        data = Map.copyOf(data);
    }

    public String get(String key) {
        return data.get(key);
    }

    /** The timeline's filter groups: health, alert, log, action, escalation, note, incident. */
    public String group() {
        return switch (type) {
            case HEALTH -> "health";
            case ALERT -> "alert";
            case LOG_SPIKE -> "log";
            case ACTION -> "action";
            case ESCALATION_DUE, ESCALATING, ESCALATED, REMINDER -> "escalation";
            case NOTE -> "note";
            default -> "incident";
        };
    }
}
