package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.PrivateFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.config.AppDirs;
import io.hcdjg.cockpit.config.RunbookConfig;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.LogSummary;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.SlowQuery;
import io.hcdjg.cockpit.probes.MetricDiagnosis;
import io.hcdjg.cockpit.model.RunbookState;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.ops.Checklist;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the morning checklist on a cockpit and saves the result with its time. The window takes what its pollers already
 * know (containers, host, the log counters of the last hour); the CLI asks for all of it once.
 */
public final class ChecklistRun {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The results and the file they were saved to. */
    public record Saved(List<CheckResult> results, Instant at, Path file) {
    }

    private ChecklistRun() {
    }

    /** @param running true in the window: its pollers already run; false in the CLI: one of everything is asked now */
    public static Saved run(Cockpit c, Map<String, String> env, boolean running) throws Exception {
        RunbookConfig rc = c.loaded().config().runbook();
        Instant now = Instant.now();
        StackSnapshot s;
        List<ContainerInfo> containers = null;
        String podmanProblem = c.podman().problem();
        Map<String, Integer> errors = new LinkedHashMap<>();
        MetricReading p95;
        MonitoringState monitoring;
        if (running) {
            s = c.store().get();
            Map<String, Integer> counted = errors;
            if (podmanProblem == null) {
                containers = s.podman().containers().stream().map(ContainerStatus::info).toList();
            }
            for (LogSummary l : s.logs()) {
                counted.put(l.service(), l.lastHour().get(0));
            }
            monitoring = s.monitoring();
        } else {
            c.poller().runRound().get(60, TimeUnit.SECONDS);
            s = c.store().get();
            if (podmanProblem == null) {
                try {
                    containers = c.podman().podman().containers(c.actions().project());
                    Map<String, Integer> found = new LinkedHashMap<>();
                    LogTails.classify(c, "1h", 0).counts().forEach((svc, n) -> found.put(svc, (int) n[0]));
                    errors = found;
                } catch (Exception e) {
                    podmanProblem = e.getMessage();
                    errors = null;
                }
            } else {
                errors = null;
            }
            monitoring = c.monitoring().refresh();
        }
        p95 = reading(monitoring, "p95-latency");
        List<SlowQuery> profiled = MetricDiagnosis.profiled(monitoring);
        RunbookState files = c.runbookState(running);
        var gremlin = s.services().stream().filter(x -> x.name().equals("janusgraph-server")).findFirst().orElse(null);
        List<CheckResult> results = Checklist.run(new Checklist.Inputs(containers, podmanProblem, s.host(), errors,
                files.backups(), files.certificates(), profiled, p95, gremlin), rc, now);
        return new Saved(results, now, save(results, now, env));
    }

    private static MetricReading reading(MonitoringState m, String name) {
        return m.metrics().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    }

    private static Path save(List<CheckResult> results, Instant at, Map<String, String> env) throws IOException {
        Path dir = AppDirs.data(env).resolve("checklists");
        PrivateFiles.dirs(dir);
        ObjectNode root = JSON.createObjectNode().put("at", at.toString());
        ArrayNode a = root.putArray("checks");
        results.forEach(r -> a.addObject().put("check", r.name()).put("result", r.word()).put("value", r.value()));
        Path file = dir.resolve("checklist-" + STAMP.format(at) + ".json");
        PrivateFiles.write(file, JSON.writeValueAsString(root));
        return file;
    }

    public static String json(Saved s) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("at", s.at().toString()).put("saved", s.file().toString());
        ArrayNode a = root.putArray("checks");
        s.results().forEach(r -> a.addObject().put("check", r.name()).put("result", r.word()).put("value", r.value()));
        return JSON.writeValueAsString(root);
    }
}
