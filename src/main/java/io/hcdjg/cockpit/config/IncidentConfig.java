package io.hcdjg.cockpit.config;

import io.hcdjg.cockpit.model.Priority;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How incidents are opened, timed and escalated (runbook §9 and §10).
 *
 * @param responseTimes per priority, how soon the incident must be answered
 * @param ackReminder   an unacknowledged incident reminds the operator this often
 * @param spikeWindow   log-spike rules count a class's lines over this window
 * @param rules         first match gives a trigger its priority; a trigger no rule matches opens nothing
 * @param ladder        L1..L5, in order
 */
public record IncidentConfig(Map<Priority, ResponseTime> responseTimes, Duration ackReminder, Duration spikeWindow,
                             List<Rule> rules, List<Level> ladder) {

    public IncidentConfig {
        responseTimes = Map.copyOf(responseTimes);
        rules = List.copyOf(rules);
        ladder = List.copyOf(ladder);
    }

    /** A duration, or a number of business days (Monday to Friday; "1 business day" for P3). */
    public record ResponseTime(Duration duration, int businessDays) {

        public Instant deadline(Instant from, ZoneId zone) {
            if (businessDays == 0) {
                return from.plus(duration);
            }
            ZonedDateTime t = from.atZone(zone);
            // Opened on a weekend: the clock starts on Monday at midnight.
            while (weekend(t)) {
                t = t.plusDays(1).toLocalDate().atStartOfDay(zone);
            }
            for (int left = businessDays; left > 0; ) {
                t = t.plusDays(1);
                if (!weekend(t)) {
                    left--;
                }
            }
            return t.toInstant();
        }

        private static boolean weekend(ZonedDateTime t) {
            return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
        }

        @Override
        public String toString() {
            return businessDays > 0 ? businessDays + " business day" + (businessDays == 1 ? "" : "s")
                    : Durations.words(duration);
        }
    }

    /**
     * @param on        down, degraded, alert or log-spike
     * @param services  empty: any service
     * @param severity  alerts only; null: any
     * @param alert     alerts only: the alert name; null: any
     * @param logClass  log spikes only: error, slow-query, auth-failure or destructive
     * @param threshold log spikes only: lines of the class within the spike window
     */
    public record Rule(String on, List<String> services, String severity, String alert, String logClass, int threshold,
                       Priority priority) {
        public static final List<String> TRIGGERS = List.of("down", "degraded", "alert", "log-spike");

        public Rule {
            services = List.copyOf(services);
        }
    }

    /**
     * One rung of the escalation matrix.
     *
     * @param after      due when the incident is still unresolved this long after it opened
     * @param priorities the priorities it applies to
     * @param command    run on escalation (argv; {id}, {level}, {priority}, {summary}, {contact}, {link} are filled
     *                   in), or empty
     * @param webhook    POSTed a JSON body on escalation, or null
     */
    public record Level(int level, String role, String contact, Duration after, Set<Priority> priorities,
                        List<String> command, String webhook) {
        public Level {
            priorities = Set.copyOf(priorities);
            command = List.copyOf(command);
        }

        public String name() {
            return "L" + level;
        }
    }
}
