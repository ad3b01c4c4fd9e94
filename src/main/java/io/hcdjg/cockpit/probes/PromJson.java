package io.hcdjg.cockpit.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.ScrapeTarget;
import io.hcdjg.cockpit.model.Silence;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsers of the Prometheus HTTP API (v1) and the Alertmanager API (v2). Pure. */
public final class PromJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromJson() {
    }

    /** A series' labels and its value(s); an instant query has one point, a range query many. */
    public record Series(Map<String, String> labels, List<Point> points) {
        public Series {
            labels = Map.copyOf(labels);
            points = List.copyOf(points);
        }

        public double last() {
            return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).value();
        }
    }

    public record Point(Instant at, double value) {
    }

    /** The API said no (bad query, server error): {@code errorType} and its message. */
    public static final class ApiError extends IOException {
        public ApiError(String message) {
            super(message);
        }
    }

    /** An answer that parses as JSON but holds what the API never sends there (a value that is not a number). */
    public static final class BadAnswer extends IOException {
        BadAnswer(String message) {
            super(message);
        }
    }

    /** The result of /api/v1/query or /api/v1/query_range: vector, matrix or scalar as series. */
    public static List<Series> result(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (!"success".equals(root.path("status").asText())) {
            throw new ApiError(root.path("errorType").asText("error") + ": " + root.path("error").asText(body));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        List<Series> out = new ArrayList<>();
        switch (type) {
            case "scalar" -> out.add(new Series(Map.of(), List.of(point(data.path("result")))));
            case "vector", "matrix" -> {
                for (JsonNode s : data.path("result")) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    s.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                    List<Point> points = new ArrayList<>();
                    if (s.has("value")) {
                        points.add(point(s.path("value")));
                    }
                    for (JsonNode v : s.path("values")) {
                        points.add(point(v));
                    }
                    out.add(new Series(labels, points));
                }
            }
            default -> throw new ApiError("unexpected result type '" + type + "'");
        }
        return out;
    }

    /** [unix seconds, "value"]; the value may be "NaN", "+Inf" or "-Inf". */
    private static Point point(JsonNode pair) throws BadAnswer {
        double seconds = pair.path(0).asDouble();
        String v = pair.path(1).asText();
        double value = switch (v) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> number(v);
        };
        return new Point(Instant.ofEpochMilli(Math.round(seconds * 1000)), value);
    }

    private static double number(String v) throws BadAnswer {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadAnswer("Prometheus answered '" + Failures.firstLine(v) + "' where a number belongs");
        }
    }

    /** /api/v1/targets: the active targets. */
    public static List<ScrapeTarget> targets(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        List<ScrapeTarget> out = new ArrayList<>();
        for (JsonNode t : root.path("data").path("activeTargets")) {
            JsonNode labels = t.path("labels");
            String job = labels.path("job").asText();
            out.add(new ScrapeTarget(job, labels.path("instance").asText(), labels.path("service").asText(job),
                    t.path("health").asText("unknown"), t.path("lastError").asText("")));
        }
        return out;
    }

    /** Alertmanager /api/v2/alerts. */
    public static List<Alert> alerts(String body) throws IOException {
        List<Alert> out = new ArrayList<>();
        for (JsonNode a : JSON.readTree(body)) {
            Map<String, String> labels = new LinkedHashMap<>();
            a.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            List<String> silencedBy = new ArrayList<>();
            a.path("status").path("silencedBy").forEach(s -> silencedBy.add(s.asText()));
            JsonNode ann = a.path("annotations");
            out.add(new Alert(a.path("fingerprint").asText(), labels.getOrDefault("alertname", "?"),
                    labels.getOrDefault("severity", ""), labels.getOrDefault("service", labels.getOrDefault("job", "")),
                    a.path("status").path("state").asText("unprocessed"), instant(a.path("startsAt").asText()),
                    ann.path("summary").asText(ann.path("description").asText("")), labels, silencedBy));
        }
        return out;
    }

    /** Alertmanager /api/v2/silences. */
    public static List<Silence> silences(String body) throws IOException {
        List<Silence> out = new ArrayList<>();
        for (JsonNode s : JSON.readTree(body)) {
            List<String> matchers = new ArrayList<>();
            for (JsonNode m : s.path("matchers")) {
                boolean equal = m.path("isEqual").asBoolean(true);
                boolean regex = m.path("isRegex").asBoolean(false);
                matchers.add(m.path("name").asText() + (regex ? (equal ? "=~" : "!~") : (equal ? "=" : "!="))
                        + m.path("value").asText());
            }
            out.add(new Silence(s.path("id").asText(), s.path("status").path("state").asText(),
                    s.path("createdBy").asText(), s.path("comment").asText(), instant(s.path("startsAt").asText()),
                    instant(s.path("endsAt").asText()), matchers));
        }
        return out;
    }

    /** The id in Alertmanager's answer to a new silence. */
    public static String silenceId(String body) throws IOException {
        return JSON.readTree(body).path("silenceID").asText();
    }

    static String errorMessage(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.has("message") ? n.path("message").asText() : n.path("error").asText(Failures.firstLine(body));
        } catch (IOException e) {
            return Failures.firstLine(body);
        }
    }

    /** An RFC 3339 time; null when absent or not one (the alert is kept, its start unknown). */
    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
