package io.hcdjg.cockpit.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code runbook} section: paths, thresholds and the maintenance schedule (replaced as a whole by a later file).
 */
final class RunbookSection {
    private static final Set<String> RUNBOOK = Set.of("repo", "proofMaxAge", "backupDir", "retentionDays",
            "gpgRecipient", "gpgHome",
            "nodetool", "hcdDataDir", "keyspace", "backupWarnAge", "certificates", "tlsEndpoints", "certWarnDays",
            "certCriticalDays", "maintenance");
    private static final Set<String> TASK = Set.of("task", "every", "day", "at", "duration");
    static final List<String> EVERY = List.of("daily", "weekly", "monthly", "quarterly");

    private final ConfigReader r;

    RunbookSection(ConfigReader reader) {
        this.r = reader;
    }

    RunbookConfig read(List<ConfigReader.Layer> roots) {
        List<ConfigReader.Layer> l = r.section(roots, "runbook", RUNBOOK);
        return new RunbookConfig(r.text(l, "repo").orElse(""),
                r.duration(l, "proofMaxAge").orElse(Duration.ofHours(24)), r.text(l, "backupDir").orElse(""),
                r.integer(l, "retentionDays", 1, 3650).orElse(7), r.text(l, "gpgRecipient").orElse(""),
                r.text(l, "gpgHome").orElse(""),
                ConfigReader.value(l, "nodetool").isPresent() ? r.strings(l, "nodetool") : List.of("nodetool"),
                r.text(l, "hcdDataDir").orElse("/var/lib/hcd/data"), r.text(l, "keyspace").orElse("janusgraph"),
                r.duration(l, "backupWarnAge").orElse(Duration.ofHours(26)), r.strings(l, "certificates"),
                r.strings(l, "tlsEndpoints"), r.integer(l, "certWarnDays", 1, 3650).orElse(30),
                r.integer(l, "certCriticalDays", 0, 3650).orElse(7), tasks(l));
    }

    private List<RunbookConfig.Task> tasks(List<ConfigReader.Layer> layers) {
        List<RunbookConfig.Task> out = new ArrayList<>();
        Optional<ConfigReader.Value> list = ConfigReader.value(layers, "maintenance");
        if (list.isEmpty()) {
            return out;
        }
        if (!list.get().node().isArray()) {
            r.problems.add(list.get().doc().problem(list.get().path(),
                    "must be a list of {task, every, day, at, duration}"));
            return out;
        }
        for (int i = 0; i < list.get().node().size(); i++) {
            ConfigReader.Layer e = new ConfigReader.Layer(list.get().doc(), list.get().path() + "[" + i + "]",
                    list.get().node().get(i));
            if (!e.node().isObject()) {
                r.problems.add(e.doc().problem(e.path(), "must be a mapping with task and every"));
                continue;
            }
            r.checkFields(e, TASK);
            List<ConfigReader.Layer> one = List.of(e);
            int before = r.problems.size();
            String task = r.text(one, "task").orElse("");
            if (task.isBlank()) {
                r.problems.add(e.doc().problem(e.path(), "missing required field 'task'"));
            }
            String every = r.text(one, "every").orElse("");
            if (!EVERY.contains(every)) {
                r.problems.add(e.doc().problem(e.child("every"), "must be one of " + String.join(", ", EVERY)
                        + ", not '" + every + "'"));
            }
            String day = r.text(one, "day").orElse("").strip().toLowerCase(Locale.ROOT);
            if (!day.isEmpty() && !validDay(every, day)) {
                r.problems.add(e.doc().problem(e.child("day"), every.equals("weekly") ? "must be a weekday like sunday"
                        : "must be a day of the month (1 to 28) or like '1st monday'"));
            }
            LocalTime at = null;
            Optional<String> atText = r.text(one, "at");
            if (atText.isPresent()) {
                try {
                    at = LocalTime.parse(atText.get().strip());
                } catch (DateTimeParseException ex) {
                    r.problems.add(e.doc().problem(e.child("at"),
                            "must be a time like 02:00, not '" + atText.get() + "'"));
                }
            }
            Duration duration = r.duration(one, "duration").orElse(Duration.ofHours(1));
            if (r.problems.size() == before) {
                out.add(new RunbookConfig.Task(task, every, day, at, duration));
            }
        }
        return out;
    }

    static boolean validDay(String every, String day) {
        if (every.equals("weekly")) {
            return weekday(day) != null;
        }
        if (day.matches("\\d{1,2}")) {
            int d = Integer.parseInt(day);
            return d >= 1 && d <= 28;
        }
        String[] w = day.split("\\s+");
        return w.length == 2 && w[0].matches("[1-4](st|nd|rd|th)") && weekday(w[1]) != null;
    }

    static DayOfWeek weekday(String name) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
