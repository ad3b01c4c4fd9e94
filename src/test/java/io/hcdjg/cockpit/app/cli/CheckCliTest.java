package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.testing.Fixtures;
import io.hcdjg.cockpit.testing.Ports;
import io.hcdjg.cockpit.testing.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check}: exit codes, table and JSON, against stand-in services on loopback. */
class CheckCliTest {
    @TempDir
    Path home;
    StandInServer grafana;
    StandInServer api;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        grafana = StandInServer.answering("/api/health", 200, Fixtures.read("http/grafana-health.json"));
        api = StandInServer.answering("/health", 200, Fixtures.read("http/analytics-api-healthy.json"));
    }

    @AfterEach
    void stop() {
        grafana.close();
        api.close();
    }

    /** A user file that keeps only grafana and analytics-api, pointed at the stand-ins. */
    private Path config(int apiPort) throws Exception {
        StringBuilder yaml = new StringBuilder("services:\n");
        for (ServiceConfig s : new ConfigLoader(Map.of("HOME", home.toString())).load(Optional.empty()).config()
                .services()) {
            yaml.append("  - name: ").append(s.name()).append('\n');
            switch (s.name()) {
                case "grafana" -> yaml.append("    port: ").append(grafana.port()).append('\n');
                case "analytics-api" -> yaml.append("    port: ").append(apiPort).append('\n');
                default -> yaml.append("    enabled: false\n");
            }
        }
        return Files.writeString(home.resolve("cockpit.yaml"), yaml);
    }

    private int run(String... args) throws Exception {
        return CockpitCli.run(args, Map.of("HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void allUpExitsZeroWithATable() throws Exception {
        assertEquals(0, run("check", "--config", config(api.port()).toString()));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.lines().findFirst().orElseThrow().matches("SERVICE +STATE +LATENCY +REASON"), table);
        assertTrue(table.lines()
                .anyMatch(l -> l.matches("grafana +UP +[0-9.]+ (µs|ms|s) +database ok \\(Grafana 10.2.3\\)")), table);
        assertTrue(table.contains("2 of 2 up"), table);
    }

    @Test
    void anyServiceNotUpExitsOneAndJsonSaysWhy() throws Exception {
        int closed = Ports.closed();
        assertEquals(1, run("check", "--config", config(closed).toString(), "--format", "json"));
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(1, json.get("up").asInt());
        assertEquals(2, json.get("total").asInt());
        assertEquals(false, json.get("demo").asBoolean());
        JsonNode apiNode = json.get("services").get(1);
        assertEquals("analytics-api", apiNode.get("service").asText());
        assertEquals("analytics-api", apiNode.get("probe").asText());
        assertEquals("DOWN", apiNode.get("state").asText());
        assertEquals("connection refused on 127.0.0.1:" + closed, apiNode.get("reason").asText());
        assertTrue(apiNode.get("latencyMs").isNumber());
        assertEquals("UP", json.get("services").get(0).get("state").asText());
        assertTrue(json.get("roundMs").asDouble() > 0);
        assertEquals(0, json.get("problems").size());
        // the cockpit's own health: what a CLI process can measure, null what it cannot (no FX thread, no log follow)
        JsonNode self = json.get("cockpit");
        assertTrue(self.get("roundMs").asDouble() > 0 && self.get("heapUsedMb").asDouble() > 0
                && self.get("threads").asInt() > 0, self.toString());
        assertTrue(self.get("fxDelayP99Ms").isNull() && self.get("logLagMs").isNull()
                && self.get("startupMs").isNull(), self.toString());
    }

    @Test
    void aBrokenConfigExitsTwoAndProbesNothing() throws Exception {
        Path bad = Files.writeString(home.resolve("bad.yaml"), "round:\n  interval: soon\nservices:\n  - name: x\n");
        assertEquals(2, run("check", "--config", bad.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains(bad + ":2:3: round.interval: must be a positive duration"), e);
        assertTrue(e.contains(bad + ":4:5: services[0]: service 'x' has no 'probe'"), e);
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        out.reset();
        assertEquals(2, run("check", "--config", bad.toString(), "--format", "json"));
        JsonNode problems = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("problems");
        assertEquals(3, problems.size());
        assertEquals(2, problems.get(0).get("line").asInt());
        assertEquals("round.interval", problems.get(0).get("field").asText());
        assertEquals(bad.toString(), problems.get(0).get("file").asText());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, run("check", "--format", "xml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cockpit: Invalid value for option '--format': "
                + "text or json, not 'xml'\nUsage: cockpit check "), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("check", "--bogus"));
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cockpit: unknown command 'frobnicate'"));
        assertEquals(0, run("--help"));
    }
}
