package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogTimeTest {
    static long parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return LogTime.parse(b, 0, b.length);
    }

    @Test
    void podmansTimestamps() {
        assertEquals(Instant.parse("2026-11-28T05:52:19.680Z").toEpochMilli(),
                parse("2026-11-28T05:52:19.680333039Z msg"));
        assertEquals(Instant.parse("2026-11-28T04:52:19Z").toEpochMilli(), parse("2026-11-28T05:52:19+01:00 msg"));
        assertEquals(Instant.parse("2024-02-29T23:59:59.5Z").toEpochMilli(), parse("2024-02-29T23:59:59.5Z x"));
        assertEquals(Instant.parse("1999-12-31T10:00:00Z").toEpochMilli(), parse("1999-12-31T12:00:00+02:00 x"));
    }

    @Test
    void linesWithoutATimestamp() {
        assertEquals(LogTime.NONE, parse("2026-11-28 05:52:19,680 [INFO] the app's own format"));
        assertEquals(LogTime.NONE, parse("short"));
        assertEquals(LogTime.NONE, parse("2026-13-28T05:52:19Z bad month"));
        assertEquals(LogTime.NONE, parse("2026-11-28T05:52:19 no zone"));
        byte[] b = "2026-11-28T05:52:19.680333039Z the message".getBytes(StandardCharsets.UTF_8);
        assertEquals("the message", new String(b, LogTime.messageStart(b, 0, b.length),
                b.length - LogTime.messageStart(b, 0, b.length)));
    }
}
