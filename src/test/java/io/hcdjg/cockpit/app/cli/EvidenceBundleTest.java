package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.testing.PodmanStack;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code incident bundle ID} on the demo project, really running: the evidence of an incident's window (runbook §8.2)
 * — two containers' logs merged by time, podman inspect, Prometheus series, the timeline, the audit lines — in one
 * 0600 zip, with the secrets that reached the logs, the note and the containers' environment redacted.
 */
@ExtendWith(PodmanStack.class)
class EvidenceBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY_SECRET = "Bundle-Qs3cret-77";
    private static final String NOTE_SECRET = "Bundle-Tok-9911x";

    @TempDir
    Path home;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        out.reset();
        err.reset();
        return CockpitCli.run(args, PodmanStack.env(home),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theIncidentsWindowInOneRedactedPrivateZip(PodmanStack.Handle stack) throws Exception {
        String marker = "evidence" + Long.toString(System.nanoTime(), 36);
        assertEquals(0, run("incident", "open", "--title", "API errors " + marker, "--priority", "P2",
                "analytics-api", "--comment", "seen with token=" + NOTE_SECRET), err.toString());
        String id = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("INC-")).findFirst()
                .map(l -> l.replaceAll(".*(INC-\\d+).*", "$1")).orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8001/api/v1/" + marker
                + "?password=" + QUERY_SECRET)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        Cluster cluster = Cluster.build("127.0.0.1").port(18182).create();
        try { // a full scan: JanusGraph logs "Query requires iterating over all vertices"
            cluster.connect().submit("g.V().has('name', m).count()", Map.of("m", marker)).all()
                    .get(60, TimeUnit.SECONDS);
        } finally {
            cluster.close();
        }

        // podman writes a container's log file a moment after the line: bundle again until both lines are in it
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            assertEquals(0, run("incident", "bundle", id), err.toString());
            String merged = unzip(Path.of(out.toString(StandardCharsets.UTF_8).strip()))
                    .getOrDefault(id + "/logs/merged.log", "");
            return merged.contains(marker + "?")
                    && index(merged.lines().toList(), "Query requires iterating", marker) >= 0;
        });
        Path file = Path.of(out.toString(StandardCharsets.UTF_8).strip());
        Map<String, String> zip = unzip(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        List<String> errors = zip.keySet().stream().filter(k -> k.endsWith(".error.txt")).toList();
        assertEquals(List.of(), errors, "every part was had: " + errors.stream().map(zip::get).toList());
        for (String part : List.of("README.txt", "incident.md", "timeline.jsonl", "probes.json",
                "containers/inspect.json", "logs/merged.log", "metrics.json", "compose/compose.yml", "audit.jsonl")) {
            assertTrue(zip.containsKey(id + "/" + part), part + " in " + zip.keySet());
        }
        // Logs of two containers, merged by time: the API's request before the traversal it came first to.
        List<String> merged = zip.get(id + "/logs/merged.log").lines().toList();
        int api = index(merged, marker + "?", "analytics-api");
        int graph = index(merged, "Query requires iterating", "janusgraph-server", marker);
        assertTrue(api >= 0 && graph > api, "API line " + api + " before the traversal's " + graph);
        for (int i = 1; i < merged.size(); i++) { // podman's stamps: RFC 3339, nine digits, UTC
            assertTrue(merged.get(i - 1).split(" ")[0].compareTo(merged.get(i).split(" ")[0]) <= 0,
                    "by time: " + merged.get(i - 1) + " / " + merged.get(i));
        }
        JsonNode inspect = JSON.readTree(zip.get(id + "/containers/inspect.json"));
        assertEquals(stack.containers().size(), inspect.size(), "every container of the project inspected");
        JsonNode metrics = JSON.readTree(zip.get(id + "/metrics.json"));
        assertTrue(metrics.size() > 0 && metrics.findValues("points").stream().anyMatch(p -> p.size() > 0),
                "Prometheus series of the window: " + metrics);
        assertTrue(zip.get(id + "/timeline.jsonl").contains("\"type\":\"opened\""));
        assertTrue(zip.get(id + "/incident.md").contains(marker));

        for (var e : zip.entrySet()) {
            assertFalse(e.getValue().contains(QUERY_SECRET), e.getKey() + " holds the query's password");
            assertFalse(e.getValue().contains(NOTE_SECRET), e.getKey() + " holds the note's token");
        }
        assertTrue(zip.get(id + "/logs/merged.log").contains("password=***"), "the masked value is shown as such");
    }

    private static int index(List<String> lines, String... parts) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (Arrays.stream(parts).allMatch(line::contains)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> unzip(Path zip) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
