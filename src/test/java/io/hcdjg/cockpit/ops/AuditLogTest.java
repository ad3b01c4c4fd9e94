package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.podman.ProcessResult;
import io.hcdjg.cockpit.probes.MonitoringClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.hcdjg.cockpit.incidents.ActionHistory;
import io.hcdjg.cockpit.model.IncidentEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What reaches the audit file: who and when on every line, a start before the rest, and never a secret. */
class AuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECRETS = List.of("s3cret-Pw", "Tok-3n-123", "literal-Secret-9", "role-Pass-7",
            "hvs.CAESIJabcdefghijklmnopqrstuvwxyz", "url-Pass-5");

    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private AuditLog log() {
        return new AuditLog(dir.resolve("audit.jsonl"), clock,
                new Redaction(List.of("literal-Secret-9"), List.of(), List.of()), new AuditLog.Who("ops", "cockpit-1"));
    }

    private List<JsonNode> lines(AuditLog log) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(log.file(), StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    /** The window's Cancel interrupts the action's thread: its outcome is written all the same, the flag kept. */
    @Test
    void aCancelledActionIsStillRecorded() throws Exception {
        AuditLog log = log();
        Thread.currentThread().interrupt();
        try {
            log.outcome("local", "restore x", "failed", "restore x was cancelled");
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals("restore x was cancelled", lines(log).getLast().get("detail").asText());
    }

    @Test
    void noSecretOfAnArgvAnActionAUrlOrADetailReachesTheFile() throws Exception {
        AuditLog log = log();
        String action = "exec hcd-server -- cqlsh -u cassandra -p s3cret-Pw "
                + "-e CREATE ROLE x WITH PASSWORD = 'role-Pass-7'";
        log.started("podman-wxd", action);
        log.process("podman-wxd", action, new ProcessResult(List.of("podman", "exec", "hcd-1", "cqlsh", "-u",
                "cassandra", "-p", "s3cret-Pw", "-e", "CREATE ROLE x WITH PASSWORD = 'role-Pass-7'"), 2, "", "bad",
                Duration.ofMillis(5)));
        log.process("local", "notify", new ProcessResult(List.of("curl", "--token", "Tok-3n-123", "-H",
                "X-Vault-Token: hvs.CAESIJabcdefghijklmnopqrstuvwxyz", "https://x/?a=literal-Secret-9"), 0, "", "",
                Duration.ofMillis(1)));
        log.http("http://am:url-Pass-5@alertmanager:9093", "silence x", "POST",
                "http://am:url-Pass-5@alertmanager:9093/api/v2/silences?token=Tok-3n-123", 200, 3);
        log.outcome("podman-wxd", action, "failed",
                "cqlsh -u cassandra -p s3cret-Pw exited 2: literal-Secret-9 rejected");

        String file = Files.readString(log.file());
        for (String secret : SECRETS) {
            assertFalse(file.contains(secret), secret + " in\n" + file);
        }
        List<JsonNode> lines = lines(log);
        assertEquals(List.of("started", "process", "process", "http", "outcome"),
                lines.stream().map(n -> n.path("kind").asText()).toList(), "the start comes first");
        for (JsonNode n : lines) {
            assertEquals("ops", n.path("user").asText(), n.toString());
            assertEquals("cockpit-1", n.path("host").asText(), n.toString());
            assertEquals("2026-03-02T10:00:00Z", n.path("time").asText());
        }
        assertEquals("[\"podman\",\"exec\",\"hcd-1\",\"cqlsh\",\"-u\",\"cassandra\",\"-p\",\"***\",\"-e\","
                + "\"CREATE ROLE x WITH PASSWORD = '***'\"]", lines.get(1).path("argv").toString());
        assertEquals("http://am:***@alertmanager:9093/api/v2/silences?token=***", lines.get(3).path("url").asText());
        assertEquals("cqlsh -u cassandra -p *** exited 2: *** rejected", lines.get(4).path("detail").asText());
    }

    @Test
    void theLocalWhoIsTheOsUserAndAHostName() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), clock);
        log.outcome("local", "x", "done", "ok");
        JsonNode n = lines(log).get(0);
        assertEquals(System.getProperty("user.name"), n.path("user").asText());
        assertFalse(n.path("host").asText().isBlank());
    }

    @Test
    void theTailIsRedactedEvenForALineWrittenBeforeTheSecretWasKnown() throws Exception {
        Files.writeString(dir.resolve("audit.jsonl"), "{\"kind\":\"outcome\",\"detail\":\"used literal-Secret-9\"}\n");
        assertEquals(List.of("{\"kind\":\"outcome\",\"detail\":\"used ***\"}"), log().tail(10));
    }

    @Test
    void aSilenceWritesItsStartBeforeItsOutcomeEvenWhenRefused() throws Exception {
        AuditLog log = log();
        MonitoringClient client = new MonitoringClient(HttpClient.newHttpClient(), "http://127.0.0.1:9",
                "http://127.0.0.1:9", Duration.ofSeconds(1));
        new Silences(client, log, clock, () -> { }).silence("ServiceDown", Map.of(), Duration.ofMinutes(5), "ops", "");
        assertEquals(List.of("started", "outcome"), lines(log).stream().map(n -> n.path("kind").asText()).toList());
        assertEquals("refused", lines(log).get(1).path("outcome").asText());
    }

    /** Past its size the log is renamed and begins again: nothing deleted, the timeline and the view follow it. */
    @Test
    void theLogRotatesAndEveryLineIsKeptReadOnceAndInOrder() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Redaction none = new Redaction(List.of(), List.of(), List.of());
        AuditLog window = new AuditLog(file, clock, none, new AuditLog.Who("ops", "ws-1"), 4_000);
        AuditLog cli = new AuditLog(file, clock, none, new AuditLog.Who("ops", "ws-1"), 4_000);
        ActionHistory timeline = new ActionHistory(file);
        int actions = 300;
        for (int n = 0; n < actions; n++) {
            (n % 2 == 0 ? window : cli).outcome("local", "restart svc-" + n, "done", "step " + n);
            if (n % 7 == 0) {
                timeline.events(); // read as the window does, between rotations
            }
        }
        List<Path> archives = window.archives();
        assertTrue(archives.size() >= 10, "rotated: " + archives);
        List<String> all = new ArrayList<>();
        for (Path f : archives.reversed()) {
            all.addAll(Files.readAllLines(f));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
        all.addAll(Files.readAllLines(file));
        assertEquals(actions, all.size(), "each line once, in the archives or the log");
        for (int n = 0; n < actions; n++) {
            assertEquals("restart svc-" + n, JSON.readTree(all.get(n)).path("action").asText(), "in order");
        }
        List<IncidentEvent> events = timeline.events();
        assertEquals(actions, events.size(), "the timeline read every rotated line once");
        assertEquals("restart svc-299: done — step 299", events.get(actions - 1).text());
        assertEquals(all.subList(actions - 120, actions), cli.tail(120), "the view's tail reaches into the archives");
        assertEquals(all, cli.tail(10_000));
        // A bundle of a later window reads none of them: they were all rotated before it.
        assertEquals(archives, window.archives(clock.instant()));
        assertEquals(List.of(), window.archives(clock.instant().plusMillis(1)));
    }
}
