package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.PlaybookResult;
import io.hcdjg.cockpit.ui.RunbookPort;
import io.hcdjg.cockpit.testing.PodmanStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.testfx.util.WaitForAsyncUtils;

/** The troubleshooting playbooks' live symptoms and diagnosis on the demo project. */
@ExtendWith(PodmanStack.class)
class PlaybooksTest {
    @TempDir
    Path home;

    private static CheckResult named(List<CheckResult> list, String prefix) {
        return list.stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError(prefix + " not in " + list));
    }

    /** Runs one query through the API with every query counted slow; its pattern as the profiler names it. */
    private static String slowQuery() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        BiFunction<String, String, Integer> send = (path, body) -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8001" + path))
                        .header("Content-Type", "application/json").method(path.endsWith("config") ? "PUT" : "POST",
                                HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(200, send.apply("/api/v1/performance/profiler/config", "{\"slow_query_threshold_ms\":0}"));
        try {
            assertEquals(200, send.apply("/api/v1/graph/query", "{\"query\":\"g.V().hasLabel('account').count()\","
                    + "\"user\":\"playbook\"}"));
        } finally {
            assertEquals(200, send.apply("/api/v1/performance/profiler/config", "{\"slow_query_threshold_ms\":1000}"));
        }
        return "g.V().hasLabel(";
    }

    @Test
    void everyPlaybookRunsItsDiagnosis(PodmanStack.Handle stack) throws Exception {
        try (Cockpit c = new Cockpit(new CockpitOptions(Optional.empty(), false, null, null), PodmanStack.env(home),
                false, s -> { })) {
            RunbookPort commands = WindowPorts.of(() -> c, n -> { }, PodmanStack.PROJECT).runbook();
            c.containers().list(false);
            c.logs().sync(c.podman().podman().containers(PodmanStack.PROJECT));

            PlaybookResult cpu = commands.playbook("high-cpu");
            assertEquals("High CPU usage (§4.1)", cpu.title());
            String table = named(cpu.diagnosis(), "CPU by container").value();
            assertTrue(table.contains(PodmanStack.container("hcd-server")) && table.contains("% CPU"), table);
            assertEquals(5, cpu.resolution().size());

            // Clients reconnect after a restart of the stack (another test may just have done one): wait for one.
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !named(commands
                    .playbook("connection-pool").diagnosis(), "established connections").value().startsWith("0 "));
            PlaybookResult pool = commands.playbook("connection-pool");
            CheckResult conns = named(pool.diagnosis(), "established connections");
            assertEquals(HealthLevel.UP, conns.level(), conns.value());
            assertTrue(conns.value().matches("\\d+ established"), conns.value());
            assertTrue(Integer.parseInt(conns.value().split(" ")[0]) >= 1,
                    "the exporter and analytics-api hold connections to the Gremlin port: " + conns.value());

            PlaybookResult disk = commands.playbook("disk-space");
            assertTrue(named(disk.diagnosis(), "images, containers and volumes").value().contains("Local Volumes"),
                    named(disk.diagnosis(), "images").value());
            assertTrue(named(disk.diagnosis(), "container log files").value().contains(" MB in "),
                    named(disk.diagnosis(), "container log files").value());

            PlaybookResult memory = commands.playbook("high-memory");
            assertTrue(named(memory.diagnosis(), "memory by container").value().contains(PodmanStack.PROJECT + "_"));
            // A query made slow on purpose (the profiler's threshold set to 0 ms for one query, then put back)
            String pattern = slowQuery();
            c.monitoring().refresh();
            PlaybookResult slow = commands.playbook("slow-queries");
            CheckResult api = named(slow.symptoms(), "slow API queries (analytics-api profiler)");
            assertEquals(HealthLevel.DOWN, api.level(), api.value());
            assertTrue(api.value().matches("[1-9][0-9]* slow of [1-9][0-9]*; slowest p95 .* ms: .*"), api.value());
            assertEquals(List.of("slow API queries (analytics-api profiler)",
                    "p95 of the exporter's probe traversals over 1 s", "slow queries in the logs"),
                    slow.symptoms().stream().map(CheckResult::name).toList());
            String patterns = named(slow.diagnosis(), "query patterns by p95").value();
            assertTrue(patterns.contains(pattern) && patterns.matches("(?s)p95 .* ms  avg .* ms  [0-9]+ runs, [0-9]+ "
                    + "slow  .*"), patterns);

            String audit = Files.readString(home.resolve(".local/state/hcd-janusgraph-cockpit/audit.jsonl"));
            assertTrue(audit.contains("\"action\":\"playbook connection-pool\""), audit);
        }
    }
}
