package io.hcdjg.cockpit.config;

import io.hcdjg.cockpit.incidents.DeskFixture;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.ops.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the cockpit writes (the audit log, the incident store, an escalation's report) is the operator's only: every
 * file 0600 and every folder it created 0700, whatever the umask says (022 here: 0644 and 0755 otherwise).
 */
class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void theAuditLogTheIncidentStoreAndTheReportsAreTheOperatorsOnly() throws Exception {
        Path home = dir.resolve("home");
        DeskFixture f = new DeskFixture(home, null);
        var i = f.desk.open("disk filling", Priority.P2, List.of("hcd-server"), "seen at 09:58");
        f.desk.escalate(i.id(), null, List.of());
        new AuditLog(home.resolve("state/cockpit/audit.jsonl"), Clock.systemUTC()).outcome("local", "restart vault",
                "done", "restarted");
        PrivateFiles.write(home.resolve("data/reports/daily.md"), "# report");

        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.skip(1).toList()) {
                modes.put(home.relativize(p).toString(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        assertTrue(modes.keySet().containsAll(List.of("incidents.jsonl", "audit.jsonl", "reports",
                "state/cockpit/audit.jsonl", "data/reports/daily.md")), modes.toString());
        modes.forEach((path, mode) -> assertEquals(Files.isDirectory(home.resolve(path)) ? "rwx------" : "rw-------",
                mode, path));
    }
}
