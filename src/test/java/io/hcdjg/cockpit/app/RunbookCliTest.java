package io.hcdjg.cockpit.app;

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

/** {@code checklist} and {@code proof-status} as cron runs them, on the demo project. */
@ExtendWith(PodmanStack.class)
class RunbookCliTest {
    @TempDir
    Path tmp;
    ByteArrayOutputStream out;

    private int run(String... args) throws Exception {
        out = new ByteArrayOutputStream();
        Path config = tmp.resolve("cockpit.yaml");
        Files.writeString(config, PodmanStack.CONFIG + "runbook:\n  repo: " + tmp.resolve("repo") + "\n  backupDir: " + tmp.resolve("backups")
                + "\n");
        List<String> argv = new java.util.ArrayList<>(List.of(args));
        argv.addAll(List.of("--config", config.toString()));
        return RunbookCli.run(Options.parse(argv.toArray(String[]::new)), Map.of("HOME", tmp.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    @Test
    void theChecklistJudgesTheLiveProjectAndIsSaved(PodmanStack.Handle stack) throws Exception {
        int code = run("checklist", "--format", "json");
        JsonNode r = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        List<String> checks = new java.util.ArrayList<>();
        r.get("checks").forEach(c -> checks.add(c.get("check").asText() + " " + c.get("result").asText()));
        assertEquals(List.of("system status pass", "disk space", "memory", "errors in the last hour",
                        "last backup fail", "certificate expiry warn", "query performance"),
                checks.stream().map(c -> c.startsWith("system") || c.startsWith("last") || c.startsWith("cert") ? c
                        : c.substring(0, c.lastIndexOf(' '))).toList(), checks.toString());
        assertEquals(1, code, "a missing backup fails the checklist");
        assertEquals("7 of 7 containers running", r.get("checks").get(0).get("value").asText());
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
                Fixtures.read("proof/status-pass.json").replace("2026-11-28T06:12:40.123Z", java.time.Instant.now()
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
