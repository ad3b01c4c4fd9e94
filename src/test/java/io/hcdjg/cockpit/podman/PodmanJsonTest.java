package io.hcdjg.cockpit.podman;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStats;
import io.hcdjg.cockpit.model.PodmanConnection;
import io.hcdjg.cockpit.model.PodmanEvent;
import io.hcdjg.cockpit.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsers on JSON recorded from this machine's podman 4.3.1 (src/test/resources/fixtures/podman). */
class PodmanJsonTest {

    /** {@code podman stats --format json --interval 5} as podman 4.3 streams it: an indented array per sample. */
    @Test
    void theStatsStreamIsCutIntoOneListPerSample() {
        List<List<ContainerStats>> samples = new ArrayList<>();
        var lines = PodmanJson.samples(samples::add);
        String one = """
                [
                 {
                  "id": "36194af1b670",
                  "name": "cockpit-test_hcd-server_1",
                  "cpu_percent": "6.50%",
                  "mem_usage": "456.9MB / 25.28GB"
                 }
                ]""";
        for (String sample : List.of(one, one.replace("6.50%", "0.25%"), "[]")) {
            sample.lines().forEach(lines);
        }
        assertEquals(3, samples.size());
        assertEquals("cockpit-test_hcd-server_1", samples.get(0).get(0).name());
        assertEquals(0.25, samples.get(1).get(0).cpuPercent(), 1e-9);
        assertTrue(samples.get(2).isEmpty(), "no container running");
    }

    @Test
    void psMatchesContainersToServicesByTheirComposeLabels() throws IOException {
        List<ContainerInfo> all = PodmanJson.ps(Fixtures.read("podman/ps.json"));
        assertEquals(6, all.size());
        ContainerInfo hcd = all.stream().filter(c -> c.service().equals("hcd-server")).findFirst().orElseThrow();
        assertEquals("janusgraph-demo_hcd-server_1", hcd.name());
        assertEquals("janusgraph-demo", hcd.project());
        assertEquals(1, hcd.number());
        assertEquals("running", hcd.state());
        assertTrue(hcd.running());
        assertEquals(List.of("127.0.0.1:19042->9042/tcp"), hcd.ports());
        assertEquals(Instant.ofEpochSecond(1795841280), hcd.startedAt());
        assertEquals("3f9be84990f7", hcd.shortId());
        assertEquals("localhost/cockpit-demo/hcd-server:1", hcd.image());
        assertEquals(List.of("alertmanager", "analytics-api", "graph-consumer", "hcd-server", "janusgraph-server",
                "prometheus"), all.stream().map(ContainerInfo::service).sorted().toList());
    }

    @Test
    void healthComesFromTheStatusText() throws IOException {
        String json = "[{\"Id\":\"a\",\"Names\":[\"p_s_1\"],\"State\":\"running\","
                + "\"Status\":\"Up 2 minutes (unhealthy)\","
                + "\"Labels\":{\"io.podman.compose.project\":\"p\",\"io.podman.compose.service\":\"s\"}}]";
        ContainerInfo c = PodmanJson.ps(json).get(0);
        assertEquals("unhealthy", c.health());
        assertEquals("s", c.service(), "older podman-compose labels");
        assertEquals(null, c.startedAt());
    }

    @Test
    void restartCountsFromInspect() throws IOException {
        Map<String, Integer> counts = PodmanJson.restartCounts(Fixtures.read("podman/inspect-hcd-server.json"));
        assertEquals(Map.of("3f9be84990f784c79f5c71e74bfeb63f900c6594b21dafc27b21f3bfd40be9d3", 0), counts);
    }

    @Test
    void statsReadUnitsAsPodmanPrintsThem() throws IOException {
        List<ContainerStats> stats = PodmanJson.stats(Fixtures.read("podman/stats.json"));
        ContainerStats am = stats.stream().filter(s -> s.name().equals("janusgraph-demo_alertmanager_1")).findFirst()
                .orElseThrow();
        assertEquals(2.80, am.cpuPercent(), 1e-9);
        assertEquals(13_720_000L, am.memUsed());
        assertEquals(25_280_000_000L, am.memLimit());
        assertEquals(1536L, PodmanJson.bytes("1.5KiB"));
        assertEquals(0L, PodmanJson.bytes("--"));
        assertEquals(0.0, PodmanJson.percent("--"), 0);
    }

    @Test
    void eventsCarryServiceAndExitCode() throws IOException {
        List<PodmanEvent> events = Fixtures.read("podman/events.jsonl").lines().map(l -> {
            try {
                return PodmanJson.event(l);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(List.of("restart", "died", "cleanup", "init", "start", "kill", "died", "cleanup"),
                events.stream().map(PodmanEvent::status).toList());
        PodmanEvent died = events.get(6);
        assertEquals("analytics-api", died.service());
        assertEquals("janusgraph-demo", died.project());
        assertEquals(137, died.exitCode());
        assertEquals(Instant.parse("2026-11-28T04:48:58.161846462Z"), died.time());
    }

    @Test
    void connections() throws IOException {
        assertEquals(List.of(new PodmanConnection("cockpit-local", "unix:///run/podman/podman.sock", true),
                        new PodmanConnection("other-host", "ssh://core@127.0.0.1:2222/run/podman/podman.sock", false)),
                PodmanJson.connections(Fixtures.read("podman/connections.json")));
        assertEquals(List.of(), PodmanJson.connections(Fixtures.read("podman/connections-empty.json")));
    }

    @Test
    void somethingElseThanAnArrayIsAnError() {
        assertThrows(IOException.class, () -> PodmanJson.ps("{\"error\":\"x\"}"));
    }
}
