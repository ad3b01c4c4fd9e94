package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.podman.ProcessResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Assertions;

/** The lines the real audit log writes, as the audit view shows them. */
class AuditFormatTest {
    @Test
    void processHttpAndOutcomeLines(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"),
                Clock.fixed(Instant.parse("2026-12-02T08:15:30.123Z"), ZoneOffset.UTC));
        log.process("local", "restart hcd-server", new ProcessResult(List.of("podman", "restart",
                "janusgraph-demo_hcd-server_1"), 0, "janusgraph-demo_hcd-server_1\n", "", Duration.ofMillis(1840)));
        log.http("http://127.0.0.1:9093", "silence HCDDown", "POST", "http://127.0.0.1:9093/api/v2/silences", 200, 12);
        log.outcome("local", "restart hcd-server", "not_verified", "hcd-server did not answer within 60 s");
        log.started("local", "restart hcd-server");
        List<String> shown = log.tail(10).stream().map(AuditFormat::line).toList();
        String who = System.getProperty("user.name") + "@";
        shown.forEach(l -> Assertions.assertTrue(l.startsWith("2026-12-02 08:15:30Z  " + who), l));
        List<String> lines = shown.stream().map(l -> l.replaceFirst("Z  \\S+@\\S+  ", "Z  ")).toList();
        assertEquals(List.of(
                "2026-12-02 08:15:30Z  restart hcd-server  $ podman restart janusgraph-demo_hcd-server_1  "
                        + "→ exit 0 in 1840 ms",
                "2026-12-02 08:15:30Z  silence HCDDown  POST http://127.0.0.1:9093/api/v2/silences  "
                        + "→ HTTP 200 in 12 ms",
                "2026-12-02 08:15:30Z  restart hcd-server  "
                        + "→ NOT VERIFIED: hcd-server did not answer within 60 s  (local)",
                "2026-12-02 08:15:30Z  restart hcd-server  started  (local)"),
                lines);
    }

    @Test
    void aSecretArgumentStaysRedactedAndABrokenLineIsSaidSo(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"), Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"),
                ZoneOffset.UTC));
        log.process("local", "exec", new ProcessResult(List.of("cqlsh", "--password", "s3cret"), 2, "", "denied",
                Duration.ofMillis(5)));
        assertEquals("2026-12-02 08:00:00Z  exec  $ cqlsh --password ***  → exit 2 in 5 ms",
                AuditFormat.line(log.tail(1).get(0)).replaceFirst("Z  \\S+@\\S+  ", "Z  "));
        assertEquals("unreadable audit line: {not json", AuditFormat.line("{not json"));
    }
}
