package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.Priority;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The incident panel, already sorted and worded: the list (open first), what is due now, each incident's detail, the
 * stack's timeline, and what deserves a desktop notification. Only the countdowns are worded on the FX side, once a
 * second, by {@link Row#text} and {@link Row#countdown} (pure, tested).
 *
 * @param open       unresolved incidents
 * @param choices    "INC-0001  title" for each open incident, for the playbooks' "add to incident"
 * @param notices    events of the last two minutes worth a notification (the view says each key once)
 */
public record IncidentsModel(String summary, String tabTitle, long open, List<Row> rows, List<Prompt> prompts,
                             List<TimelineLine> stackTimeline, List<Notice> notices, List<String> choices) {

    public IncidentsModel {
        rows = List.copyOf(rows);
        prompts = List.copyOf(prompts);
        stackTimeline = List.copyOf(stackTimeline);
        notices = List.copyOf(notices);
        choices = List.copyOf(choices);
    }

    public static IncidentsModel none() {
        return new IncidentsModel("0 open · 0 recorded", "Incidents", 0, List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /**
     * One incident in the list, with its detail.
     *
     * @param head  "INC-0001  title", the row's first line
     * @param state "open", "acknowledged", "resolved"
     * @param due   when the response time runs out; null when there is none
     * @param tail  " · L2 · hcd-server, janusgraph-server", after the timer
     */
    public record Row(String id, Priority priority, String badgeStyle, String head, String state, Instant due,
                      String tail, boolean resolved, int level, Detail detail) {

        /** The row's text: its head, then the timer, level and services. */
        public String text(Instant now) {
            return head + "\n" + (resolved ? "resolved" : state + " · " + IncidentFormat.countdown(due, now)) + tail;
        }

        /** "response due in 14:59", "response overdue 0:01", "resolved". */
        public String countdown(Instant now) {
            return resolved ? "resolved" : "response " + IncidentFormat.countdown(due, now);
        }

        public boolean overdue(Instant now) {
            return due != null && now.isAfter(due) && !resolved;
        }
    }

    /**
     * The chosen incident's panel.
     *
     * @param canAcknowledge only an open (not yet acknowledged) incident
     * @param escalate       the Escalate button: "Escalate to L2…", or "Escalate…" at the top of the ladder
     * @param resolve        "Resolve…" or, once resolved, "Reopen…"
     * @param timeline       its own entries and the stack's entries about its services while it was open
     */
    public record Detail(String title, String meta, boolean canAcknowledge, String escalate, String resolve,
                         Set<String> stepsDone, List<IncidentFormat.Rung> ladder, List<TimelineLine> timeline) {
        public Detail {
            stepsDone = Set.copyOf(stepsDone);
            ladder = List.copyOf(ladder);
            timeline = List.copyOf(timeline);
        }
    }

    /**
     * Something the operator is asked to do now: a button and its line.
     *
     * @param buttonId "prompt-escalate-INC-0001"
     * @param escalate true: escalate to {@code level}; false: acknowledge
     */
    public record Prompt(String buttonId, String incident, boolean escalate, int level, String button, String text,
                         String styleClass) {
    }

    /**
     * A timeline entry as shown, with what the filter looks at.
     *
     * @param group  its filter group ("incident", "health", …)
     * @param search its text, service and incident, lower case
     */
    public record TimelineLine(String group, String search, String line) {
    }

    /** @param key the same for the same event in every snapshot */
    public record Notice(String key, String text) {
    }
}
