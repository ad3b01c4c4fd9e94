package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.testing.PodmanStack;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.apache.tinkerpop.gremlin.driver.Cluster;

/** {@code logs} against the demo stack's containers. */
@ExtendWith(PodmanStack.class)
class LogsCliTest {
    @TempDir
    Path home;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return CockpitCli.run(args, PodmanStack.env(home),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /**
     * Two services really merged: a request to the API, then a full-scan traversal on janusgraph-server (JanusGraph
     * logs "Query requires iterating over all vertices [(name = …)]"), then a second request — three lines of two
     * containers, causally ordered, that must come out in that order.
     */
    @Test
    void twoServicesMergedByTimeFilteredAndSummarised(PodmanStack.Handle stack) throws Exception {
        String marker = "merge" + Long.toString(System.nanoTime(), 36);
        HttpClient http = HttpClient.newHttpClient();
        var cluster = Cluster.build("127.0.0.1").port(18182).create();
        try {
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8001/api/v1/" + marker
                    + "-first")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            cluster.connect().submit("g.V().has('name', m).count()", Map.of("m", marker + "-middle")).all()
                    .get(60, TimeUnit.SECONDS);
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8001/api/v1/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + marker + "\",\"password\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8001/api/v1/" + marker
                    + "-last")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } finally {
            cluster.close();
        }
        List<String> lines = List.of();
        for (int i = 0; i < 20 && lines.size() < 3; i++) {
            out.reset();
            assertEquals(0, run("logs", "analytics-api", "janusgraph-server", "--since", "10m", "--filter", marker));
            lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            if (lines.size() < 3) {
                WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS); // podman writes the log file a moment later
            }
        }
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains(" analytics-api | ") && lines.get(0).contains(marker + "-first"),
                lines.get(0));
        assertTrue(lines.get(1).contains(" janusgraph-server | ") && lines.get(1).contains(marker + "-middle")
                && lines.get(1).contains("Query requires iterating over all vertices"), lines.get(1));
        assertTrue(lines.get(2).contains(" analytics-api | ") && lines.get(2).contains(marker + "-last"), lines.get(2));
        for (int i = 1; i < 3; i++) {
            String ts = lines.get(i).substring(0, lines.get(i).indexOf(' '));
            assertTrue(ts.compareTo(lines.get(i - 1).substring(0, lines.get(i - 1).indexOf(' '))) >= 0,
                    lines.toString());
        }

        out.reset();
        assertEquals(0, run("logs", "analytics-api", "--since", "10m", "--summary", "--format", "json"));
        JsonNode api = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("services")
                .get("analytics-api");
        assertTrue(api.get("lines").asLong() >= 3, api.toString());
        assertTrue(api.get("auth_failure").asLong() >= 1, "the 401 access line: " + api);
        out.reset();
        assertEquals(0, run("logs", "--all", "--summary", "--format", "json"));
        JsonNode services = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("services");
        assertTrue(services.has("hcd-server") && services.has("janusgraph-server") && services.has("prometheus"),
                services.toString());
        assertTrue(services.get("janusgraph-server").get("slow_query").asLong() >= 1, "the full scan: " + services);
    }

    @Test
    void badInputIsRefused(PodmanStack.Handle stack) throws Exception {
        assertEquals(3, run("logs", "no-such-service"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no container of 'no-such-service'"));
        assertEquals(2, run("logs", "analytics-api", "--filter", "["));
        assertEquals(2, run("logs"));
        assertEquals(2, run("logs", "analytics-api", "--all"));
    }
}
