package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code incidents} and {@code incident ...} on the store in the XDG data dir, as cron and scripts use them. */
class IncidentsCliTest {
    @TempDir
    Path home;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return CockpitCli.run(args, Map.of("HOME", home.toString(), "USER", "cron"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void openListEscalateResolve() throws Exception {
        assertEquals(0, run("incidents"));
        assertEquals("no open incidents\n", out());

        assertEquals(0, run("incident", "open", "--title", "Nightly backup missing", "--priority", "p2", "hcd-server",
                "--comment", "no snapshot since Tuesday"));
        assertEquals("INC-0001 opened: P2 Nightly backup missing\n", out());

        assertEquals(1, run("incidents"), "exit 1: something is open");
        assertTrue(out().contains("INC-0001   P2   open          L1 "), out());
        assertTrue(out().contains("due in 3 h 59 min") || out().contains("due in 4 h"), out());

        assertEquals(0, run("incident", "ack", "INC-0001"));
        assertTrue(out().startsWith("INC-0001 acknowledged · P2 · L1 · acknowledged by cron (cli)"), out());
        assertEquals(0, run("incident", "escalate", "INC-0001"));
        assertTrue(out().contains("L2 · escalated to L2 — no action configured for L2: contact Senior Engineer "
                + "<ops-senior@example.com> by hand"), out());
        Path report = home.resolve(".local/share/hcd-janusgraph-cockpit/reports/INC-0001.md");
        assertTrue(Files.readString(report).contains("(not collected: this report was written from the command line"));

        assertEquals(1, run("incidents", "--format", "json"));
        JsonNode i = new ObjectMapper().readTree(out()).get("incidents").get(0);
        assertEquals("INC-0001", i.get("id").asText());
        assertEquals("acknowledged", i.get("state").asText());
        assertEquals("L2", i.get("level").asText());
        assertEquals("hcd-server", i.get("services").get(0).asText());
        assertTrue(i.hasNonNull("responseDue"));

        assertEquals(0, run("incident", "resolve", "INC-0001", "--comment", "backup job re-enabled"));
        assertTrue(out().startsWith("INC-0001 resolved"), out());
        assertEquals(3, run("incident", "resolve", "INC-0001"));
        assertEquals("cockpit: INC-0001 is already resolved\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("incidents"));
        assertEquals(0, run("incidents", "--all"));
        assertTrue(out().contains("INC-0001   P2   resolved"), out());

        String audit = Files.readString(home.resolve(".local/state/hcd-janusgraph-cockpit/audit.jsonl"));
        assertTrue(audit.contains("\"action\":\"escalate INC-0001 to L2\""), audit);
    }

    @Test
    void badRequestsAreRefusedClearly() throws Exception {
        assertEquals(3, run("incident", "escalate", "INC-0042"));
        assertEquals("cockpit: no incident INC-0042\n", err.toString(StandardCharsets.UTF_8));
        // a malformed value is a usage error (2), refused before the store is read; a wrong incident is refused (3)
        assertEquals(2, run("incident", "open", "--title", "x", "--priority", "P9"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cockpit: Invalid value for option '--priority': "
                + "expected one of [P0, P1, P2, P3] (case-insensitive) but was 'P9'\nUsage: cockpit incident open "),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("incident", "open", "--title", "", "--priority", "P1"));
        assertEquals(2, run("incident", "escalate", "INC-0001", "--level", "L9"));
        assertEquals(2, run("incident", "resolve"));
        assertEquals(2, run("incident", "frobnicate", "INC-0001"));
        assertEquals(0, run("incidents"), "none of these opened anything");
        assertEquals("no open incidents\n", out());
    }
}
