package io.hcdjg.cockpit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.testing.PodmanStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code logs} against the demo stack's containers. */
@ExtendWith(PodmanStack.class)
class LogsCliTest {
    @TempDir
    Path home;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return LogsCli.run(Options.parse(args), PodmanStack.env(home),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void linesMergedByTimeFilteredAndSummarised(PodmanStack.Handle stack) throws Exception {
        assertEquals(0, run("logs", "analytics-api", "graph-consumer", "--since", "24h", "--filter", "ERROR"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(" analytics-api | ") && text.contains(" graph-consumer | "), text);
        String previous = "";
        for (String line : text.split("\n")) {
            assertTrue(line.contains("ERROR"), line);
            String ts = line.substring(0, line.indexOf(' '));
            assertTrue(ts.compareTo(previous) >= 0, "merged by time: " + previous + " then " + ts);
            previous = ts;
        }
        out.reset();
        assertEquals(0, run("logs", "analytics-api", "--summary", "--format", "json"));
        JsonNode api = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("services").get("analytics-api");
        assertTrue(api.get("lines").asLong() > 0);
        assertTrue(api.get("error").asLong() > 0 && api.get("auth_failure").asLong() > 0, api.toString());
        out.reset();
        assertEquals(0, run("logs", "--all", "--summary", "--format", "json"));
        JsonNode services = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("services");
        assertTrue(services.has("hcd-server") && services.has("janusgraph-server") && services.has("prometheus"),
                services.toString());
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
