package io.hcdjg.cockpit.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.hcdjg.cockpit.model.Priority;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.HashSet;

/**
 * The {@code incidents} and {@code dependencies} sections. Rules are replaced as a whole by a later file (their order
 * is their meaning); the escalation ladder is merged by level, so a user file can change one contact.
 */
final class IncidentSection {
    private static final Set<String> INCIDENTS = Set.of("responseTimes", "ackReminder", "spikeWindow", "rules",
            "escalation");
    private static final Set<String> RULE = Set.of("on", "services", "severity", "alert", "class", "threshold",
            "priority");
    private static final Set<String> LEVEL = Set.of("level", "role", "contact", "after", "priorities", "command",
            "webhook");
    private static final Pattern BUSINESS_DAYS = Pattern.compile("(\\d+)\\s*bd");
    private static final Pattern LEVEL_NAME = Pattern.compile("L([1-5])");

    private final ConfigReader r;

    IncidentSection(ConfigReader reader) {
        this.r = reader;
    }

    IncidentConfig read(List<ConfigReader.Layer> roots) {
        List<ConfigReader.Layer> layers = r.section(roots, "incidents", INCIDENTS);
        Map<Priority, IncidentConfig.ResponseTime> times = new EnumMap<>(Priority.class);
        times.put(Priority.P0, new IncidentConfig.ResponseTime(Duration.ofMinutes(15), 0));
        times.put(Priority.P1, new IncidentConfig.ResponseTime(Duration.ofHours(1), 0));
        times.put(Priority.P2, new IncidentConfig.ResponseTime(Duration.ofHours(4), 0));
        times.put(Priority.P3, new IncidentConfig.ResponseTime(Duration.ZERO, 1));
        for (ConfigReader.Layer l : layers) {
            JsonNode n = l.node().get("responseTimes");
            if (n == null || n.isNull()) {
                continue;
            }
            ConfigReader.Layer sub = new ConfigReader.Layer(l.doc(), l.child("responseTimes"), n);
            if (!n.isObject()) {
                r.problems.add(l.doc().problem(sub.path(), "must be a mapping like {P0: 15m, P3: 1bd}"));
                continue;
            }
            r.checkFields(sub, Set.of("P0", "P1", "P2", "P3"));
            for (Priority p : Priority.values()) {
                JsonNode v = n.get(p.name());
                if (v != null) {
                    responseTime(v.asText()).ifPresentOrElse(t -> times.put(p, t), () -> r.problems.add(
                            l.doc().problem(sub.child(p.name()), "must be a duration like 15m or 4h, or business days "
                                    + "like 1bd, not '" + v.asText() + "'")));
                }
            }
        }
        List<IncidentConfig.Rule> rules = new ArrayList<>();
        lastList(layers, "rules").ifPresent(list -> {
            for (int i = 0; i < list.node().size(); i++) {
                rule(new ConfigReader.Layer(list.doc(), list.path() + "[" + i + "]", list.node().get(i)))
                        .ifPresent(rules::add);
            }
        });
        return new IncidentConfig(times, r.duration(layers, "ackReminder").orElse(Duration.ofMinutes(5)),
                r.duration(layers, "spikeWindow").orElse(Duration.ofMinutes(5)), rules, ladder(layers));
    }

    static Optional<IncidentConfig.ResponseTime> responseTime(String text) {
        Matcher m = BUSINESS_DAYS.matcher(text.trim());
        if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
            return Optional.of(new IncidentConfig.ResponseTime(Duration.ZERO, Integer.parseInt(m.group(1))));
        }
        return Durations.read(text).filter(d -> !d.isZero())
                .map(d -> new IncidentConfig.ResponseTime(d, 0));
    }

    private Optional<ConfigReader.Value> lastList(List<ConfigReader.Layer> layers, String field) {
        Optional<ConfigReader.Value> v = ConfigReader.value(layers, field);
        if (v.isPresent() && !v.get().node().isArray()) {
            r.problems.add(v.get().doc().problem(v.get().path(), "must be a list"));
            return Optional.empty();
        }
        return v;
    }

    private Optional<IncidentConfig.Rule> rule(ConfigReader.Layer entry) {
        if (!entry.node().isObject()) {
            r.problems.add(entry.doc().problem(entry.path(), "must be a mapping with on and priority"));
            return Optional.empty();
        }
        r.checkFields(entry, RULE);
        int before = r.problems.size();
        List<ConfigReader.Layer> one = List.of(entry);
        Optional<String> on = r.text(one, "on");
        if (on.isEmpty()) {
            r.problems.add(entry.doc().problem(entry.path(), "missing required field 'on' (one of "
                    + String.join(", ", IncidentConfig.Rule.TRIGGERS) + ")"));
        } else if (!IncidentConfig.Rule.TRIGGERS.contains(on.get())) {
            r.problems.add(entry.doc().problem(entry.child("on"), "unknown trigger '" + on.get() + "'; one of "
                    + String.join(", ", IncidentConfig.Rule.TRIGGERS)));
        }
        Optional<Priority> priority = priority(one, "priority");
        if (ConfigReader.value(one, "priority").isEmpty()) {
            r.problems.add(entry.doc().problem(entry.path(), "missing required field 'priority' (P0 to P3)"));
        }
        Optional<String> cls = r.text(one, "class");
        cls.filter(c -> !ConfigReader.LOG_CLASSES.contains(c)).ifPresent(c -> r.problems.add(entry.doc().problem(
                entry.child("class"),
                "unknown log class '" + c + "'; one of " + String.join(", ", ConfigReader.LOG_CLASSES))));
        if (on.filter("log-spike"::equals).isPresent() && cls.isEmpty()) {
            r.problems.add(entry.doc().problem(entry.path(), "a log-spike rule needs 'class'"));
        }
        int threshold = r.integer(one, "threshold", 1, 10_000_000).orElse(1);
        if (r.problems.size() > before || on.isEmpty() || priority.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IncidentConfig.Rule(on.get(), r.strings(one, "services"),
                r.text(one, "severity").orElse(null), r.text(one, "alert").orElse(null), cls.orElse(null), threshold,
                priority.get()));
    }

    private Optional<Priority> priority(List<ConfigReader.Layer> layers, String field) {
        return r.text(layers, field).flatMap(p -> {
            try {
                return Optional.of(Priority.valueOf(p));
            } catch (IllegalArgumentException e) {
                r.problems.add(r.locate(layers, field, "must be P0, P1, P2 or P3, not '" + p + "'"));
                return Optional.empty();
            }
        });
    }

    private List<IncidentConfig.Level> ladder(List<ConfigReader.Layer> layers) {
        Map<Integer, List<ConfigReader.Layer>> byLevel = new TreeMap<>();
        for (ConfigReader.Layer l : layers) {
            lastList(List.of(l), "escalation").ifPresent(list -> {
                for (int i = 0; i < list.node().size(); i++) {
                    ConfigReader.Layer e = new ConfigReader.Layer(list.doc(), list.path() + "[" + i + "]",
                            list.node().get(i));
                    if (!e.node().isObject()) {
                        r.problems.add(e.doc().problem(e.path(), "must be a mapping with level, role and contact"));
                        continue;
                    }
                    r.checkFields(e, LEVEL);
                    Matcher m = LEVEL_NAME.matcher(e.node().path("level").asText());
                    if (!m.matches()) {
                        r.problems.add(e.doc().problem(e.child("level"), "must be L1 to L5, not '"
                                + e.node().path("level").asText() + "'"));
                        continue;
                    }
                    byLevel.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(e);
                }
            });
        }
        List<IncidentConfig.Level> out = new ArrayList<>();
        byLevel.forEach((level, ls) -> {
            Set<Priority> priorities = EnumSet.allOf(Priority.class);
            Optional<ConfigReader.Value> given = ConfigReader.value(ls, "priorities");
            if (given.isPresent()) {
                priorities = EnumSet.noneOf(Priority.class);
                for (String p : r.strings(ls, "priorities")) {
                    try {
                        priorities.add(Priority.valueOf(p));
                    } catch (IllegalArgumentException e) {
                        r.problems.add(given.get().doc().problem(given.get().path(),
                                "'" + p + "' is not P0, P1, P2 or P3"));
                    }
                }
            }
            Optional<String> webhook = r.text(ls, "webhook");
            webhook.filter(u -> !u.matches("https?://[^\\s/]+(/.*)?")).ifPresent(u -> r.problems.add(
                    r.locate(ls, "webhook", "must be an http:// or https:// URL, not '" + hostPart(u) + "'")));
            Duration after = ConfigReader.value(ls, "after").map(v -> Durations.read(v.node().asText())
                    .orElseGet(() -> {
                        r.problems.add(v.doc().problem(v.path(), "must be a duration like 0m, 30m or 2h, not '"
                                + v.node().asText() + "'"));
                        return Duration.ZERO;
                    })).orElse(Duration.ZERO);
            out.add(new IncidentConfig.Level(level, r.text(ls, "role").orElse("L" + level),
                    r.text(ls, "contact").orElse(""), after, priorities,
                    r.strings(ls, "command"), webhook.filter(u -> u.matches("https?://[^\\s/]+(/.*)?")).orElse(null)));
        });
        return out;
    }

    /** A webhook's path (and query) is often its token: an error shows what comes before it. */
    static String hostPart(String url) {
        String head = url.replaceFirst("^([^/?]*//)?([^/?]*).*$", "$1$2");
        return head.length() < url.length() ? head + "/…" : url;
    }

    /** {@code dependencies: {service: [upstream, ...]}}, merged by service; every name must be a configured service. */
    Map<String, List<String>> dependencies(List<ConfigReader.Layer> roots, List<String> valid) {
        // Names are checked against every service a file lists, so that a service with its own errors does not also
        // make the dependencies wrong; only the valid ones are kept.
        Set<String> services = new HashSet<>();
        for (ConfigReader.Layer root : roots) {
            root.node().path("services").forEach(n -> services.add(n.path("name").asText()));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ConfigReader.Layer root : roots) {
            JsonNode n = root.node().get("dependencies");
            if (n == null || n.isNull()) {
                continue;
            }
            if (!n.isObject()) {
                r.problems.add(root.doc().problem("dependencies",
                        "must be a mapping from service to a list of services"));
                continue;
            }
            ConfigReader.Layer sub = new ConfigReader.Layer(root.doc(), "dependencies", n);
            n.fieldNames().forEachRemaining(service -> {
                if (!services.contains(service)) {
                    r.problems.add(root.doc().problem(sub.child(service),
                            "'" + service + "' is not a configured service"));
                    return;
                }
                List<String> ups = r.strings(List.of(sub), service);
                for (String up : ups) {
                    if (!services.contains(up)) {
                        r.problems.add(root.doc().problem(sub.child(service),
                                "'" + up + "' is not a configured service"));
                    }
                }
                if (valid.contains(service)) {
                    out.put(service, ups.stream().filter(valid::contains).toList());
                }
            });
        }
        checkCycles(out, roots);
        return out;
    }

    private void checkCycles(Map<String, List<String>> deps, List<ConfigReader.Layer> roots) {
        for (String start : deps.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycle(start, start, deps, path, new HashSet<>())) {
                // Point at the newest file that declares a link of the circle: that is what closed it.
                for (int i = roots.size() - 1; i >= 0; i--) {
                    JsonNode n = roots.get(i).node().path("dependencies");
                    String member = path.stream().filter(n::has).findFirst().orElse(null);
                    if (member != null) {
                        r.problems.add(roots.get(i).doc().problem("dependencies." + member,
                                "dependencies go round in a circle: " + start + " → " + String.join(" → ", path)));
                        break;
                    }
                }
                deps.remove(start);
                return;
            }
        }
    }

    private static boolean cycle(String start, String at, Map<String, List<String>> deps, List<String> path,
                                 Set<String> seen) {
        for (String up : deps.getOrDefault(at, List.of())) {
            path.add(up);
            if (up.equals(start) || seen.add(up) && cycle(start, up, deps, path, seen)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }
}
