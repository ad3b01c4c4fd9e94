package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret in a note, in a key log line and in an escalation's webhook and command: none reaches the store or report.
 */
class IncidentRedactionTest {
    /** Port 9 (discard) refuses: the webhook fails at once, with its URL in the error. */
    private static final String HOOK = "http://127.0.0.1:9/hooks/T0KEN-path-secret";
    private static final List<String> SECRETS = List.of("s3cret-Pw", "note-Secret-77", "T0KEN-path-secret", "B2/XYZ",
            "cmd-Secret-42", "abcdefgh12345", "old-Secret-55");

    @TempDir
    Path dir;

    @Test
    void theStoreAndTheReportHoldNoSecret() throws Exception {
        var all = EnumSet.allOf(Priority.class);
        Redaction r = new Redaction(List.of("note-Secret-77", "old-Secret-55"), List.of(HOOK), List.of());
        DeskFixture f = new DeskFixture(dir, List.of(
                new IncidentConfig.Level(1, "On-Call Engineer", "oncall@example.com", Duration.ZERO, all, List.of(),
                        null),
                new IncidentConfig.Level(2, "Senior Engineer", "senior@example.com", Duration.ofMinutes(30), all,
                        List.of("true", "--password", "cmd-Secret-42", "{id}"), HOOK)), r);
        f.round(Health.down("connection refused"), "hcd-server");
        f.desk.note("INC-0001", "tried cqlsh -u cassandra -p s3cret-Pw and note-Secret-77; "
                + "see https://hooks.slack.com/services/T1/B2/XYZ");
        Incident i = f.desk.escalate("INC-0001", 2, List.of("ERROR login failed password=s3cret-Pw2"));
        Path report = f.desk.report("INC-0001", List.of("WARN Authorization: Bearer abcdefgh12345"));

        IncidentEvent last = i.events().get(i.events().size() - 1);
        assertEquals(IncidentEvent.ESCALATED, last.type());
        assertTrue(last.text().contains("webhook http://127.0.0.1:9/***"), last.text());
        String md = Files.readString(report);
        assertTrue(md.contains("tried cqlsh -u cassandra -p *** and ***; see https://hooks.slack.com/services/***"),
                md);
        assertTrue(md.contains("Authorization: Bearer ***"), md);
        assertNoSecretUnder(dir);
    }

    @Test
    void anEventWrittenBeforeTheSecretWasConfiguredIsHiddenWhenRead() throws Exception {
        Path file = dir.resolve("incidents.jsonl");
        Files.writeString(file, "{\"time\":\"2026-11-27T10:00:00Z\",\"type\":\"note\",\"incident\":\"INC-0001\","
                + "\"text\":\"pw old-Secret-55\",\"data\":{\"by\":\"old-Secret-55\"}}\n");
        IncidentStore store = new IncidentStore(file, new Redaction(List.of("old-Secret-55"), List.of(), List.of()));
        store.refresh();
        assertEquals("pw ***", store.events().get(0).text());
        assertEquals("***", store.events().get(0).get("by"));
    }

    static void assertNoSecretUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p);
                for (String secret : SECRETS) {
                    assertFalse(text.contains(secret), secret + " in " + p + ":\n" + text);
                }
            }
        }
    }
}
