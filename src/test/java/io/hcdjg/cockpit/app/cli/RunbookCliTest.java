package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.testing.Fixtures;
import io.hcdjg.cockpit.testing.PodmanStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.function.Function;

/** {@code checklist} and {@code proof-status} as cron runs them, on the demo project. */
@ExtendWith(PodmanStack.class)
class RunbookCliTest {
    @TempDir
    Path tmp;
    ByteArrayOutputStream out;

    private int run(String... args) throws Exception {
        out = new ByteArrayOutputStream();
        Path config = tmp.resolve("cockpit.yaml");
        Files.writeString(config, PodmanStack.CONFIG + "runbook:\n  repo: " + tmp.resolve("repo")
                + "\n  backupDir: " + tmp.resolve("backups") + "\n");
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--config", config.toString()));
        return CockpitCli.run(argv.toArray(String[]::new), Map.of("HOME", tmp.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    /** The checklist's verdict for a percentage, by its thresholds (85 % warn, 95 % fail). */
    private static String byPercent(String value) {
        double pct = Double.parseDouble(value.substring(0, value.indexOf(" %")));
        return pct >= 95 ? "fail" : pct >= 85 ? "warn" : "pass";
    }

    private static int put(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:8001" + path)).header("Content-Type", "application/json")
                .method(path.endsWith("config") ? "PUT" : "POST", HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theChecklistJudgesTheLiveProjectAndIsSaved(PodmanStack.Handle stack) throws Exception {
        // Every query slow for a moment, so the profiler has a slow one to report (the real threshold is 1000 ms).
        assertEquals(200, put("/api/v1/performance/profiler/config", "{\"slow_query_threshold_ms\":0}"));
        try {
            assertEquals(200, put("/api/v1/graph/query", "{\"query\":\"g.V().hasLabel('person').count()\","
                    + "\"user\":\"checklist\"}"));
        } finally {
            assertEquals(200, put("/api/v1/performance/profiler/config", "{\"slow_query_threshold_ms\":1000}"));
        }
        int code = run("checklist", "--format", "json");
        JsonNode r = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        Map<String, JsonNode> checks = new LinkedHashMap<>();
        r.get("checks").forEach(c -> checks.put(c.get("check").asText(), c));
        assertEquals(List.of("system status", "disk space", "memory", "errors in the last hour", "last backup",
                "certificate expiry", "query performance"), List.copyOf(checks.keySet()));
        Function<String, String> verdict = name -> checks.get(name).get("result").asText();
        Function<String, String> value = name -> checks.get(name).get("value").asText();

        assertEquals("7 of 7 containers running", value.apply("system status"));
        assertEquals("pass", verdict.apply("system status"));
        for (String gauge : List.of("disk space", "memory")) {
            assertEquals(byPercent(value.apply(gauge)), verdict.apply(gauge), gauge + ": " + value.apply(gauge));
        }
        // memory against /proc/meminfo read here: (total - available) / total, give or take a moving system
        Map<String, Long> mem = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            String[] p = line.split(":\\s+");
            mem.put(p[0], Long.parseLong(p[1].split(" ")[0]));
        }
        double used = 100.0 * (mem.get("MemTotal") - mem.get("MemAvailable")) / mem.get("MemTotal");
        double shown = Double.parseDouble(value.apply("memory").substring(0, value.apply("memory").indexOf(" %")));
        assertTrue(Math.abs(used - shown) < 5, "memory " + shown + " % shown, " + used + " % read here");

        String errors = value.apply("errors in the last hour");
        int n = Integer.parseInt(errors.substring(0, errors.indexOf(' ')));
        assertEquals(n == 0 ? "pass" : n >= 50 ? "fail" : "warn", verdict.apply("errors in the last hour"), errors);
        assertEquals("fail", verdict.apply("last backup"), "no backup in this test's folder");
        assertEquals("warn", verdict.apply("certificate expiry"), value.apply("certificate expiry"));
        String queries = value.apply("query performance");
        assertTrue(queries.matches("[1-9][0-9]* slow of [1-9][0-9]* API queries \\(analytics-api profiler\\); "
                + "slowest p95 .* ms: .*"), queries);
        assertEquals("warn", verdict.apply("query performance"), queries);
        assertEquals(1, code, "a missing backup fails the checklist");

        Path saved = Path.of(r.get("saved").asText());
        assertTrue(saved.startsWith(tmp.resolve(".local/share/hcd-janusgraph-cockpit/checklists")), saved.toString());
        assertEquals(r.get("checks"), new ObjectMapper().readTree(saved.toFile()).get("checks"));
    }

    @Test
    void proofStatusFromTheRepositorysExports() throws Exception {
        Path run = tmp.resolve("repo/exports/demo-20261128T060000Z");
        Files.createDirectories(run);
        Files.writeString(run.resolve("failed_gate.txt"), "none\n");
        Files.writeString(run.resolve("notebook_run_report.tsv"), Fixtures.read("proof/notebook_run_report-pass.tsv"));
        Files.writeString(tmp.resolve("repo/exports/deterministic-status.json"),
                Fixtures.read("proof/status-pass.json").replace("2026-11-28T06:12:40.123Z", Instant.now()
                        .toString()));
        assertEquals(0, run("proof-status"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("PASS: exit 0, gate none, 3 of 3 notebooks PASS"),
                out.toString(StandardCharsets.UTF_8));
        Files.writeString(run.resolve("failed_gate.txt"), "G7_SEED\n");
        assertEquals(1, run("proof-status", "--format", "json"));
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("fail", j.get("verdict").asText());
        assertEquals("G7_SEED", j.get("gate").get("token").asText());
        assertEquals(3, j.get("notebooks").size());
    }

    @Test
    void theDailyReportFromTheCommandLine(PodmanStack.Handle stack) throws Exception {
        assertEquals(0, run("report", "--out", tmp.resolve("out").toString()));
        List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, written.size(), written.toString());
        String md = Files.readString(Path.of(written.get(0)));
        assertTrue(md.contains("| analytics-api | "), md);
        assertTrue(md.contains("## Metrics over the day\n\n| metric | min | mean | max | samples |"), md);
        assertTrue(Files.readString(Path.of(written.get(1))).contains("<h2>Log review, last 24 hours</h2>"));
    }
}
