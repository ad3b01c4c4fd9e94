package io.hcdjg.cockpit.incidents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The timeline's actions come from the audit log as it grows: what was appended, whole lines only. */
class ActionHistoryTest {
    @TempDir
    Path dir;

    private static String outcome(String action, String outcome) {
        return "{\"time\":\"2026-12-02T10:00:00Z\",\"connection\":\"local\",\"action\":\"" + action
                + "\",\"kind\":\"outcome\",\"outcome\":\"" + outcome + "\",\"detail\":\"d\"}\n";
    }

    @Test
    void appendedLinesAreReadAsTheyComeAndAReplacedFileAnew() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        ActionHistory history = new ActionHistory(audit);
        assertEquals(0, history.events().size());
        Files.writeString(audit, outcome("restart vault", "done") + "{\"kind\":\"started\"}\n"
                + outcome("stop grafana", "refused"));
        assertEquals(2, history.events().size());
        String third = outcome("start grafana", "done");
        Files.writeString(audit, third.substring(0, 30), StandardOpenOption.APPEND);
        assertEquals(2, history.events().size(), "a line still being written waits");
        Files.writeString(audit, third.substring(30), StandardOpenOption.APPEND);
        assertEquals(3, history.events().size());
        assertEquals("start grafana: done — d", history.events().get(2).text());
        Files.writeString(audit, outcome("restart hcd-server", "failed"));
        assertEquals(1, history.events().size(), "a shorter file is a new one");
        assertEquals("hcd-server", history.events().get(0).service());
    }
}
