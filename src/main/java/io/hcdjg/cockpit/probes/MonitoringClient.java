package io.hcdjg.cockpit.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.ScrapeTarget;
import io.hcdjg.cockpit.model.Silence;
import io.hcdjg.cockpit.model.SlowQuery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * Prometheus (HTTP API v1) and Alertmanager (API v2) over HTTP, each call under a timeout. Acknowledging an alert is a
 * silence created through {@code /api/v2/silences} — the runbook's POST to the v1 alerts endpoint acknowledges
 * nothing.
 */
public final class MonitoringClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A range query over a day of a busy series is well under this; more is a runaway query or not Prometheus. */
    static final int MAX_BODY = 32 << 20;
    private final HttpClient http;
    private final String prometheus;
    private final String alertmanager;
    private final Duration timeout;

    public MonitoringClient(HttpClient http, String prometheusUrl, String alertmanagerUrl, Duration timeout) {
        this.http = http;
        this.prometheus = strip(prometheusUrl);
        this.alertmanager = strip(alertmanagerUrl);
        this.timeout = timeout;
    }

    public String prometheusUrl() {
        return prometheus;
    }

    public String alertmanagerUrl() {
        return alertmanager;
    }

    public List<PromJson.Series> query(String expr) throws IOException, InterruptedException {
        return PromJson.result(get(prometheus + "/api/v1/query?query=" + enc(expr), true));
    }

    public List<PromJson.Series> queryRange(String expr, Instant start, Instant end, Duration step)
            throws IOException, InterruptedException {
        return PromJson.result(get(prometheus + "/api/v1/query_range?query=" + enc(expr) + "&start="
                + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + step.toSeconds(), true));
    }

    public List<ScrapeTarget> targets() throws IOException, InterruptedException {
        return PromJson.targets(get(prometheus + "/api/v1/targets?state=active", false));
    }

    public List<Alert> alerts() throws IOException, InterruptedException {
        return PromJson.alerts(get(alertmanager + "/api/v2/alerts", false));
    }

    /**
     * The analytics-api profiler's query patterns ({@code GET /api/v1/performance/profiler/slow-queries}: a bare JSON
     * list of {query_pattern, avg_time_ms, p95_time_ms, execution_count, slow_query_count}), slowest p95 first.
     */
    public List<SlowQuery> slowQueries(String apiUrl) throws IOException, InterruptedException {
        JsonNode list = JSON.readTree(get(strip(apiUrl) + "/api/v1/performance/profiler/slow-queries", false));
        if (list == null || !list.isArray()) {
            throw new PromJson.ApiError("the profiler did not answer a list");
        }
        List<SlowQuery> out = new ArrayList<>();
        for (JsonNode q : list) {
            out.add(new SlowQuery(q.path("query_pattern").asText(""), q.path("avg_time_ms").asDouble(Double.NaN),
                    q.path("p95_time_ms").asDouble(Double.NaN), q.path("execution_count").asLong(),
                    q.path("slow_query_count").asLong()));
        }
        out.sort(Comparator.comparingDouble(SlowQuery::p95Ms).reversed());
        return out;
    }

    public List<Silence> silences() throws IOException, InterruptedException {
        return PromJson.silences(get(alertmanager + "/api/v2/silences", false));
    }

    /**
     * Creates a silence on alertname=NAME (and the given extra labels) from now for {@code duration}; its id. A null
     * name silences every alert carrying the labels (alertname=~".+"), as maintenance mode does for its stack's.
     */
    public String silence(String alertName, Map<String, String> labels, Duration duration, String author,
                          String comment, Instant now) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode matchers = body.putArray("matchers");
        matcher(matchers, "alertname", alertName == null ? ".+" : alertName).put("isRegex", alertName == null);
        labels.forEach((k, v) -> matcher(matchers, k, v));
        body.put("startsAt", now.toString());
        body.put("endsAt", now.plus(duration).toString());
        body.put("createdBy", author);
        body.put("comment", comment);
        HttpRequest request = HttpRequest.newBuilder(URI.create(alertmanager + "/api/v2/silences")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return PromJson.silenceId(send(request, false));
    }

    public void expireSilence(String id) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(alertmanager + "/api/v2/silence/" + enc(id))).timeout(timeout)
                .DELETE().build(), false);
    }

    private static ObjectNode matcher(ArrayNode matchers, String name, String value) {
        ObjectNode m = matchers.addObject();
        m.put("name", name);
        m.put("value", value);
        m.put("isRegex", false);
        m.put("isEqual", true);
        return m;
    }

    private String get(String url, boolean apiErrorsInBody) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), apiErrorsInBody);
    }

    /** @param apiErrorsInBody Prometheus answers a bad query with 400 and a JSON error the parser reports */
    private String send(HttpRequest request, boolean apiErrorsInBody) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = BoundedHttp.send(http, request, MAX_BODY, timeout);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (r.statusCode() / 100 == 2 || apiErrorsInBody && (r.statusCode() == 400 || r.statusCode() == 422)) {
            return body;
        }
        throw new PromJson.ApiError("HTTP " + r.statusCode() + " from " + request.uri().getPath() + ": "
                + PromJson.errorMessage(body));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
