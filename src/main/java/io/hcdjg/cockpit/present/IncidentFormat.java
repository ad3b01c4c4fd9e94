package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;

/** How incidents, their timers, ladders and timelines read. Pure. */
public final class IncidentFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private IncidentFormat() {
    }

    /** "due in 14:59", "due in 3 h 59 min", "overdue 0:01", "—" when there is no deadline. */
    public static String countdown(Instant due, Instant now) {
        if (due == null) {
            return "—";
        }
        Duration left = Duration.between(now, due);
        boolean over = left.isNegative();
        Duration d = left.abs();
        String t = d.toHours() >= 1 ? Durations.words(d.withSeconds(d.toMinutes() * 60).withNanos(0))
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
        return over ? "overdue " + t : "due in " + t;
    }

    /** The style of a priority badge. */
    public static String priorityStyle(Incident i) {
        return "ck-prio-" + i.priority().name().toLowerCase(Locale.ROOT);
    }

    public static String state(Incident i) {
        return i.state().name().toLowerCase(Locale.ROOT);
    }

    /** One line of the incident list after its priority badge. */
    public static String row(Incident i, Instant due, Instant now) {
        String timer = i.resolved() ? "resolved" : state(i) + " · " + countdown(due, now);
        return i.id() + "  " + i.title() + "\n" + timer + " · L" + i.level() + " · " + String.join(", ", i.services());
    }

    /** A rung of the ladder as the panel shows it: level, role, contact, when, and where the incident stands. */
    public record Rung(String level, String role, String contact, String when, String status, String styleClass) {
    }

    public static List<Rung> ladder(Incident i, List<IncidentConfig.Level> ladder, Instant now, ZoneId zone) {
        return ladder.stream().map(l -> {
            String when = l.after().isZero() ? "at once" : "unresolved " + Durations.words(l.after());
            Instant at = i.openedAt().plus(l.after());
            String status;
            String style;
            if (l.level() <= i.level()) {
                status = l.level() == i.level() ? "current" : "reached";
                style = "ck-rung-reached";
            } else if (!l.priorities().contains(i.priority())) {
                status = "not for " + i.priority();
                style = "ck-rung-na";
            } else if (!now.isBefore(at) && !i.resolved()) {
                status = "due now";
                style = "ck-rung-due";
            } else {
                status = i.resolved() ? "—" : "at " + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
                style = "ck-rung-later";
            }
            return new Rung(l.name(), l.role(), l.contact(), when, status, style);
        }).toList();
    }

    public static String event(IncidentEvent e, ZoneId zone) {
        return TIME.format(e.time().atZone(zone)) + "  " + String.format(Locale.ROOT, "%-10s", e.group())
                + (e.service() == null ? "" : e.service() + "  ")
                + (e.incident() == null ? "" : "[" + e.incident() + "] ") + e.text();
    }

    /** The lines in the chosen groups whose entry contains {@code text} (case-insensitive). */
    public static List<String> filter(List<IncidentsModel.TimelineLine> lines, Set<String> groups, String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return lines.stream().filter(l -> groups.contains(l.group()))
                .filter(l -> needle.isEmpty() || l.search().contains(needle))
                .map(IncidentsModel.TimelineLine::line).toList();
    }

    static IncidentsModel.TimelineLine line(IncidentEvent e, ZoneId zone) {
        return new IncidentsModel.TimelineLine(e.group(), (e.text() + " " + e.service() + " " + e.incident())
                .toLowerCase(Locale.ROOT), event(e, zone));
    }

    /** "MM-dd HH:mm:ss" */
    static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    public static final List<String> GROUPS = List.of("incident", "health", "alert", "log", "action", "escalation",
            "note");

    /** The Escalate dialog: to which level, and what that runs. */
    public record Escalation(int level, String header, String body) {
    }

    /**
     * What escalating incident {@code id} (at {@code current}, of priority {@code p}) to {@code wanted} (null: the next
     * level of its ladder) would do; empty at the top of its ladder ({@link #topOfLadder} says so).
     */
    public static Optional<Escalation> escalation(String id, int current, Priority p,
                                                            List<IncidentConfig.Level> ladder, Integer wanted) {
        return ladder.stream().filter(l -> wanted != null ? l.level() == wanted
                        : l.level() > current && l.priorities().contains(p)).findFirst()
                .map(l -> new Escalation(l.level(), "Escalate " + id + " to " + l.name() + " — " + l.role()
                        + (l.contact().isBlank() ? "" : " <" + l.contact() + ">") + "?", runs(l)));
    }

    public static String topOfLadder(String id, int current, Priority p) {
        return id + " is at L" + current + ", the top of its ladder for " + p;
    }

    private static String runs(IncidentConfig.Level l) {
        if (l.command().isEmpty() && l.webhook() == null) {
            return "No action is configured for " + l.name() + ": the escalation is recorded and you contact them "
                    + "yourself.";
        }
        return "This runs " + (l.command().isEmpty() ? "" : "the command " + l.command().get(0) + " ")
                + (l.webhook() == null ? "" : (l.command().isEmpty() ? "" : "and ") + "the webhook "
                + l.webhook().replaceFirst("\\?.*", "?…")) + ".";
    }

    /** A notification's text: the first four, and how many more. */
    public static String notification(List<String> fresh) {
        return String.join("\n", fresh.subList(0, Math.min(4, fresh.size())))
                + (fresh.size() > 4 ? "\n… and " + (fresh.size() - 4) + " more" : "");
    }
}
