package io.hcdjg.cockpit.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.hcdjg.cockpit.model.ConfigProblem;
import io.hcdjg.cockpit.model.LogClass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one or more config documents, later ones overriding earlier ones (services are merged by name), into a
 * {@link CockpitConfig}. It never stops at the first error: every problem is collected with its file, line and field.
 */
final class ConfigReader {
    private static final Set<String> TOP = Set.of("stack", "round", "host", "podman", "monitoring", "logs", "services",
            "metrics", "incidents", "dependencies", "runbook", "redaction");
    static final List<String> LOG_CLASSES = LogClass.ALL.stream().map(LogClass::key).toList();
    private static final Set<String> MONITORING = Set.of("prometheus", "alertmanager", "poll", "timeout",
            "stackLabels");
    private static final Set<String> PODMAN = Set.of("connection", "composeFiles", "poll");
    private static final Set<String> STACK = Set.of("project", "host", "overlays");
    private static final Set<String> ROUND = Set.of("interval", "timeout", "maxBackoff", "history");
    private static final Set<String> HOST = Set.of("diskPath");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    /** A mapping node of one document, at a path. Lookups take the last layer that has the field. */
    record Layer(LocatedYaml doc, String path, JsonNode node) {
        String child(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }
    }

    record Value(LocatedYaml doc, String path, JsonNode node) {
    }

    private final List<LocatedYaml> docs;
    final List<ConfigProblem> problems = new ArrayList<>();

    ConfigReader(List<LocatedYaml> docs) {
        this.docs = docs;
    }

    List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    CockpitConfig read() {
        List<Layer> roots = new ArrayList<>();
        for (LocatedYaml doc : docs) {
            if (!doc.root().isObject()) {
                problems.add(doc.problem("",
                        "the file must be a mapping with stack, round, host, podman and services"));
                continue;
            }
            roots.add(new Layer(doc, "", doc.root()));
        }
        roots.forEach(l -> checkFields(l, TOP));
        List<Layer> stackL = section(roots, "stack", STACK);
        List<Layer> roundL = section(roots, "round", ROUND);
        List<Layer> hostL = section(roots, "host", HOST);
        List<Layer> podmanL = section(roots, "podman", PODMAN);
        List<Layer> monitoringL = section(roots, "monitoring", MONITORING);
        List<Layer> logsL = section(roots, "logs", LogSection.FIELDS);

        String defaultHost = text(stackL, "host").orElse("127.0.0.1");
        String project = text(stackL, "project").orElse("janusgraph-demo");
        if (!CockpitConfig.Stack.isProjectName(project)) {
            // an empty name would reach podman as label=io.podman.compose.project=, which matches every project
            problems.add(locate(stackL, "project", "must be a compose project name ([a-z0-9][a-z0-9_.-]*), not '"
                    + project + "'"));
            project = "janusgraph-demo";
        }
        var stack = new CockpitConfig.Stack(project, defaultHost, strings(stackL, "overlays"));
        var round = new CockpitConfig.Round(
                duration(roundL, "interval").orElse(Duration.ofSeconds(5)),
                duration(roundL, "timeout").orElse(Duration.ofSeconds(3)),
                duration(roundL, "maxBackoff").orElse(Duration.ofSeconds(30)),
                integer(roundL, "history", 2, 500).orElse(30));
        if (round.timeout().compareTo(round.interval()) >= 0) {
            // Point at what the operator changed last: the later file's interval or timeout.
            Layer last = roundL.stream().filter(l -> l.node().has("interval") || l.node().has("timeout"))
                    .reduce((a, b) -> b).orElseThrow();
            problems.add(locate(List.of(last), last.node().has("interval") ? "interval" : "timeout",
                    "round.timeout (" + Durations.text(round.timeout()) + ") must be shorter than round.interval ("
                            + Durations.text(round.interval()) + "), or every round would overlap the next"));
        }
        var host = new CockpitConfig.Host(text(hostL, "diskPath").orElse("auto"));
        var podman = new CockpitConfig.Podman(text(podmanL, "connection").orElse(""), strings(podmanL, "composeFiles"),
                duration(podmanL, "poll").orElse(Duration.ofSeconds(5)));
        var monitoring = new CockpitConfig.Monitoring(
                url(monitoringL, "prometheus").orElse("http://" + defaultHost + ":9090"),
                url(monitoringL, "alertmanager").orElse("http://" + defaultHost + ":9093"),
                duration(monitoringL, "poll").orElse(Duration.ofSeconds(15)),
                duration(monitoringL, "timeout").orElse(Duration.ofSeconds(3)),
                labels(monitoringL, "stackLabels").orElse(CockpitConfig.Monitoring.STACK_LABELS));
        List<ServiceConfig> services = new ServiceSection(this).read(roots, defaultHost, round);
        List<CockpitConfig.MetricConfig> metrics = new MetricSection(this).read(roots);
        var logs = new LogSection(this).read(logsL);
        var runbook = new RunbookSection(this).read(roots);
        IncidentSection incidents = new IncidentSection(this);
        return new CockpitConfig(stack, round, host, podman, monitoring, logs, services, metrics, incidents.read(roots),
                incidents.dependencies(roots, services.stream().map(ServiceConfig::name).toList()), runbook,
                new RedactionSection(this).read(roots));
    }

    List<Layer> section(List<Layer> roots, String name, Set<String> allowed) {
        List<Layer> out = new ArrayList<>();
        for (Layer root : roots) {
            JsonNode node = root.node().get(name);
            if (node == null || node.isNull()) {
                continue;
            }
            if (!node.isObject()) {
                problems.add(root.doc().problem(name, "must be a mapping"));
                continue;
            }
            Layer layer = new Layer(root.doc(), name, node);
            checkFields(layer, allowed);
            out.add(layer);
        }
        return out;
    }

    /** The entries of a list of named mappings (services, metrics), merged by name across the files. */
    Map<String, List<Layer>> named(List<Layer> roots, String section, Set<String> allowed, String required) {
        Map<String, List<Layer>> byName = new LinkedHashMap<>();
        for (Layer root : roots) {
            JsonNode list = root.node().get(section);
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                problems.add(root.doc().problem(section, "must be a list"));
                continue;
            }
            Set<String> seenInFile = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Layer entry = new Layer(root.doc(), section + "[" + i + "]", list.get(i));
                if (!entry.node().isObject()) {
                    problems.add(entry.doc().problem(entry.path(),
                            "must be a mapping with at least name and " + required));
                    continue;
                }
                checkFields(entry, allowed);
                Optional<String> name = text(List.of(entry), "name");
                if (name.isEmpty()) {
                    problems.add(entry.doc().problem(entry.path(), "missing required field 'name'"));
                    continue;
                }
                if (!SERVICE_NAME.matcher(name.get()).matches()) {
                    problems.add(entry.doc().problem(entry.child("name"),
                            "'" + name.get() + "' is not a name (lower case letters, digits, '-', '_', '.')"));
                    continue;
                }
                if (!seenInFile.add(name.get())) {
                    problems.add(entry.doc().problem(entry.child("name"), "'" + name.get() + "' is listed twice"));
                    continue;
                }
                byName.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(entry);
            }
        }
        return byName;
    }

    private Optional<String> url(List<Layer> layers, String field) {
        return text(layers, field).flatMap(u -> {
            if (u.matches("https?://[^\\s/]+(/.*)?")) {
                return Optional.of(u);
            }
            problems.add(locate(layers, field, "must be an http:// or https:// URL, not '" + u + "'"));
            return Optional.empty();
        });
    }

    void checkFields(Layer layer, Set<String> allowed) {
        layer.node().fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                String hint = allowed.stream().sorted().min(Comparator.comparingInt(a -> distance(a, f)))
                        .filter(a -> distance(a, f) <= 2).map(a -> "; did you mean '" + a + "'?").orElse("");
                problems.add(layer.doc().problem(layer.child(f), "unknown field '" + f + "'" + hint
                        + " (allowed: " + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")"));
            }
        });
    }

    static Optional<Value> value(List<Layer> layers, String field) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            JsonNode n = l.node().get(field);
            if (n != null && !n.isNull()) {
                return Optional.of(new Value(l.doc(), l.child(field), n));
            }
        }
        return Optional.empty();
    }

    ConfigProblem locate(List<Layer> layers, String field, String message) {
        Value v = value(layers, field).orElseThrow();
        return v.doc().problem(v.path(), message);
    }

    Optional<String> text(List<Layer> layers, String field) {
        return value(layers, field).flatMap(v -> {
            if (v.node().isValueNode() && !v.node().isBoolean()) {
                return Optional.of(v.node().asText());
            }
            problems.add(v.doc().problem(v.path(), "must be a text value"));
            return Optional.empty();
        });
    }

    /** A mapping of label names to text values, e.g. {cluster: hcd-janusgraph}. */
    Optional<Map<String, String>> labels(List<Layer> layers, String field) {
        return value(layers, field).flatMap(v -> {
            Map<String, String> out = new LinkedHashMap<>();
            boolean texts = v.node().isObject();
            for (var fields = v.node().fields(); fields.hasNext(); ) {
                var e = fields.next();
                texts &= e.getValue().isValueNode();
                out.put(e.getKey(), e.getValue().asText());
            }
            if (texts) {
                return Optional.of(out);
            }
            problems.add(v.doc().problem(v.path(), "must be a mapping of label names to values, e.g. {cluster: "
                    + "hcd-janusgraph}"));
            return Optional.empty();
        });
    }

    List<String> strings(List<Layer> layers, String field) {
        return value(layers, field).map(v -> {
            if (!v.node().isArray()) {
                problems.add(v.doc().problem(v.path(), "must be a list, e.g. [logging]"));
                return List.<String>of();
            }
            List<String> out = new ArrayList<>();
            v.node().forEach(n -> out.add(n.asText()));
            return out;
        }).orElse(List.of());
    }

    Optional<Integer> integer(List<Layer> layers, String field, int min, int max) {
        return value(layers, field).flatMap(v -> {
            if (v.node().isIntegralNumber() && v.node().asLong() >= min && v.node().asLong() <= max) {
                return Optional.of(v.node().asInt());
            }
            problems.add(v.doc().problem(v.path(), "must be a whole number from " + min + " to " + max
                    + ", not '" + v.node().asText() + "'"));
            return Optional.empty();
        });
    }

    Optional<Duration> duration(List<Layer> layers, String field) {
        return value(layers, field).flatMap(v -> {
            Optional<Duration> d = Durations.read(v.node().asText());
            if (d.isEmpty() || d.get().isZero()) {
                problems.add(v.doc().problem(v.path(), "must be a positive duration like 500ms, 3s, 2m or 1h "
                        + "(at most 3650d), not '" + v.node().asText() + "'"));
                return Optional.empty();
            }
            return d;
        });
    }

    /** Edit distance counting a swap of two neighbours as one edit ("prot" is one edit from "port"). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                char x = Character.toLowerCase(a.charAt(i - 1));
                char y = Character.toLowerCase(b.charAt(j - 1));
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (x == y ? 0 : 1));
                if (i > 1 && j > 1 && x == Character.toLowerCase(b.charAt(j - 2))
                        && Character.toLowerCase(a.charAt(i - 2)) == y) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
