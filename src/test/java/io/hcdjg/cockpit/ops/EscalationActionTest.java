package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.incidents.DeskFixture;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The escalation actions for real, through the desk as the window and the CLI run them: a webhook on a local HTTP
 * server that records the request, and a command.
 */
class EscalationActionTest {
    private record Request(String method, String path, String query, String contentType, String body) {
    }

    @TempDir
    Path dir;
    private HttpServer server;
    private final BlockingQueue<Request> received = new ArrayBlockingQueue<>(10);
    private volatile int status = 202;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            received.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(),
                    ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DeskFixture desk() throws Exception {
        String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=s3cret";
        var all = EnumSet.allOf(Priority.class);
        return new DeskFixture(dir, List.of(
                new IncidentConfig.Level(1, "On-Call Engineer", "oncall@example.com", Duration.ZERO, all, List.of(),
                        null),
                new IncidentConfig.Level(2, "Senior Engineer", "senior@example.com", Duration.ofMinutes(30), all,
                        List.of("mkdir", "-p", dir.resolve("{id}-{level}-{priority}").toString()), hook),
                new IncidentConfig.Level(3, "Team Lead", "lead@example.com", Duration.ofHours(2), all,
                        List.of("false"), null)));
    }

    @Test
    void theWebhookGetsTheIncidentAndTheCommandRuns() throws Exception {
        DeskFixture f = desk();
        f.round(Health.down("connection refused"), "hcd-server");
        Incident i = f.desk.escalate("INC-0001", null, List.of("ERROR [main] boom"));

        Request r = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "the webhook was not called");
        assertEquals("POST", r.method());
        assertEquals("token=s3cret", r.query());
        assertEquals("application/json", r.contentType());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals("INC-0001", body.get("incident").asText());
        assertEquals("L2", body.get("level").asText());
        assertEquals("P0", body.get("priority").asText());
        assertEquals("senior@example.com", body.get("contact").asText());
        assertTrue(body.get("summary").asText().startsWith("P0 hcd-server DOWN: connection refused"), body.toString());
        Path evidence = Path.of(URI.create(body.get("link").asText()));
        String report = Files.readString(evidence);
        assertTrue(report.startsWith("# INC-0001 — hcd-server DOWN"), report);
        assertTrue(report.contains("ERROR [main] boom"));

        assertTrue(Files.isDirectory(dir.resolve("INC-0001-L2-P0")), "the command ran with its placeholders filled in");
        assertEquals(2, i.level());
        IncidentEvent last = i.events().get(i.events().size() - 1);
        assertEquals("true", last.get("ok"));
        assertTrue(last.text().contains("mkdir exit 0"), last.text());
        assertTrue(last.text().contains("webhook http://127.0.0.1:" + server.getAddress().getPort()
                + "/hook?… HTTP 202"),
                last.text());

        String audit = Files.readString(f.audit.file());
        assertFalse(audit.contains("s3cret"), "a webhook's query string is never recorded");
        assertTrue(audit.contains("\"action\":\"escalate INC-0001 to L2\""));
        assertTrue(audit.contains("\"status\":202"));
        assertTrue(f.desk.state().timeline().stream().anyMatch(e -> e.type().equals(IncidentEvent.ACTION)
                && e.text().startsWith("escalate INC-0001 to L2: done")), "the audit log's entry is on the timeline");
    }

    @Test
    void aFailingActionIsRecordedAsFailedAndTheLevelStillRises() throws Exception {
        DeskFixture f = desk();
        f.round(Health.down("connection refused"), "vault");
        Incident i = f.desk.escalate("INC-0001", 3, List.of());
        IncidentEvent last = i.events().get(i.events().size() - 1);
        assertEquals("false", last.get("ok"));
        assertTrue(last.text().contains("false exit 1"), last.text());
        assertEquals(3, i.level(),
                "the contact is escalated to even when the notification failed; the timeline says so");
        assertTrue(Files.readString(f.audit.file()).contains("\"outcome\":\"failed\""));
    }
}
