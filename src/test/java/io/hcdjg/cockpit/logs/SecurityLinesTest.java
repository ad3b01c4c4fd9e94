package io.hcdjg.cockpit.logs;

import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityEvent.Category;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Security events out of lines in the formats the analytics-api and its audit logger really write. */
class SecurityLinesTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/security");
    static final Instant AT = Instant.parse("2026-12-02T07:00:00Z");
    final LogClassifier classifier = LogClassifier.defaults();

    private Optional<SecurityEvent> log(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return SecurityLines.fromLog("analytics-api", AT, classifier.classify(b, 0, b.length), line);
    }

    private static String summary(SecurityEvent e) {
        return e.category() + " | " + e.what() + " | " + e.who();
    }

    @Test
    void stdoutGivesOneEventPerSecurityLineAndNothingForTheRest() throws Exception {
        List<String> events = Files.readAllLines(FIXTURES.resolve("analytics-api-stdout.txt")).stream()
                .map(this::log).flatMap(Optional::stream).map(SecurityLinesTest::summary).toList();
        assertEquals(List.of(
                "AUTH_FAILURE | 401 POST /api/v1/auth/login | 10.89.0.1",
                "AUTH_FAILURE | 401 POST /api/v1/auth/login | 10.89.0.1",
                "AUTHZ_DENIED | 403 GET /api/v1/fraud/rings?id=1 | 10.89.0.9",
                "AUTH_FAILURE | TOTP failure | alice",
                "AUTH_FAILURE | MFA lock-out | alice",
                "AUTH_FAILURE | MFA attempt while locked out | alice",
                "AUTH_FAILURE | WAF block (sql_injection) /api/v1/fraud/rings | 10.89.0.66",
                "VALIDATION_FAILURE | query rejected by the sanitizer | carol",
                "AUTH_FAILURE | 401 POST /api/v1/auth/login | ::1"), events);
    }

    @Test
    void auditEventsByTypeAndOnlyDestructiveQueries() throws Exception {
        List<String> events = Files.readAllLines(FIXTURES.resolve("audit.jsonl")).stream()
                .map(l -> SecurityLines.fromAudit("analytics-api", SecurityLines.AUDIT_FILE, l, classifier))
                .flatMap(Optional::stream).map(SecurityLinesTest::summary).toList();
        assertEquals(List.of(
                "AUTH_FAILURE | audit auth_failed: login authentication_system | carol",
                "AUTHZ_DENIED | audit authz_denied: read /api/v1/aml/structuring | dave",
                "VALIDATION_FAILURE | audit validation_failure: gremlin_query | bob",
                "DESTRUCTIVE | TRUNCATE banking.staging | admin",
                "DESTRUCTIVE | g.V().hasLabel('tmp').drop() | admin",
                "VAULT_ACCESS | read janusgraph/admin success | analytics-api"), events);
        SecurityEvent first = SecurityLines.fromAudit("analytics-api", SecurityLines.AUDIT_FILE,
                Files.readAllLines(FIXTURES.resolve("audit.jsonl")).get(0), classifier).orElseThrow();
        assertEquals(Instant.parse("2026-12-02T07:00:05.000001Z"), first.at());
        assertEquals(SecurityLines.AUDIT_FILE, first.source());
    }

    @Test
    void destructiveStatementsInServerLogsAreNamed() {
        assertEquals("TRUNCATE sec_probe.t (Cassandra's record)", log("INFO  [MutationStage-2] 2026-12-02 "
                + "07:35:48,905 ColumnFamilyStore.java:2725 - Truncating sec_probe.t").orElseThrow().what());
        assertEquals("DROP of sec_probe.t (Cassandra's record: its flush)", log("INFO  [Native-Transport-Requests-2] "
                + "2026-12-02 07:35:49,182 ColumnFamilyStore.java:1052 - Enqueuing flush of sec_probe.t, Reason: DROP, "
                + "Usage: 313B (0%) on-heap, 0B (0%) off-heap").orElseThrow().what());
        SecurityEvent drop = log("cqlsh> DROP TABLE IF EXISTS banking.tmp_import;").orElseThrow();
        assertEquals("DROP TABLE IF EXISTS banking.tmp_import", drop.what());
        assertEquals(Category.DESTRUCTIVE, drop.category());
    }

    @Test
    void theLedgerReadsWholeAuditLinesOnlyAndGoesOnFromWhereItStopped() throws Exception {
        SecurityLedger ledger = new SecurityLedger(classifier, 100);
        String text = Files.readString(FIXTURES.resolve("audit.jsonl"));
        int cut = text.indexOf('\n', text.indexOf('\n') + 1) + 20; // two lines and part of the third
        long taken = ledger.readAudit("analytics-api", SecurityLines.AUDIT_FILE, text.substring(0, cut));
        assertEquals(text.indexOf('\n', text.indexOf('\n') + 1) + 1, taken);
        assertEquals(2, ledger.since(Instant.EPOCH).size());
        ledger.readAudit("analytics-api", SecurityLines.AUDIT_FILE, text.substring((int) taken));
        assertEquals(6, ledger.since(Instant.EPOCH).size());
    }

    @Test
    void aWafBlockAndTheAccessLineOfItsAnswerAreOneEvent() {
        LogBuffer buffer = new LogBuffer(100);
        long t = AT.toEpochMilli();
        for (String line : List.of(
                "2026-12-02 07:00:03,000 [WARNING] src.python.api.waf_middleware - WAF blocked request: "
                        + "category=command_injection path=/api/v1/fraud/rings ip=10.89.0.66 detail=Suspicious pattern",
                "INFO:     10.89.0.66:40000 - \"GET /api/v1/fraud/rings?id=1 HTTP/1.1\" 403 Forbidden",
                "INFO:     10.89.0.9:40100 - \"GET /api/v1/aml/report HTTP/1.1\" 403 Forbidden")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            buffer.append(t++, b, 0, b.length, classifier.classify(b, 0, b.length));
        }
        SecurityLedger ledger = new SecurityLedger(classifier, 100);
        assertEquals(3, ledger.readLog("analytics-api", buffer, 0));
        assertEquals(List.of("AUTH_FAILURE | WAF block (command_injection) /api/v1/fraud/rings | 10.89.0.66",
                        "AUTHZ_DENIED | 403 GET /api/v1/aml/report | 10.89.0.9"),
                ledger.since(Instant.EPOCH).stream().map(SecurityLinesTest::summary).toList());
        assertEquals(3, ledger.readLog("analytics-api", buffer, 3), "read on from where it stopped: nothing new");
        assertEquals(2, ledger.since(Instant.EPOCH).size());
    }

    @Test
    void aSanitizerRejectionIsOneEventThoughBothItsLogLineAndItsAuditEventAreRead() {
        LogBuffer buffer = new LogBuffer(10);
        byte[] b = ("2026-12-02 07:16:24,916 [WARNING] src.python.security.query_sanitizer - Query validation "
                + "failed for user carol: Dangerous pattern detected: system\\(").getBytes(StandardCharsets.UTF_8);
        buffer.append(Instant.parse("2026-12-02T07:16:24.917Z").toEpochMilli(), b, 0, b.length, 0);
        SecurityLedger ledger = new SecurityLedger(classifier, 100);
        ledger.readLog("analytics-api", buffer, 0);
        ledger.readAudit("analytics-api", SecurityLines.AUDIT_FILE,
                "{\"timestamp\": \"2026-12-02T07:16:24.916410+00:00\", "
                + "\"event_type\": \"validation_failure\", \"severity\": \"warning\", \"user\": \"carol\", "
                + "\"resource\": \"gremlin_query\", \"action\": \"validate\", \"result\": \"failure\", "
                + "\"ip_address\": null, \"session_id\": null, \"metadata\": {\"query\": \"system('ls')\"}}\n");
        List<SecurityEvent> events = ledger.since(Instant.EPOCH);
        assertEquals(1, events.size(), events.toString());
        assertEquals(SecurityLines.AUDIT_FILE, events.get(0).source());
    }
}
