package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.Arrays;

class LogIngestTest {
    static final long NOW = Instant.parse("2026-11-28T06:00:00Z").toEpochMilli();

    @Test
    void theLagIsFromALiveLinesTimestampToItsIngestAndHistoryIsNotLag() {
        long[] now = {NOW};
        LogIngest in = new LogIngest(LogClassifier.defaults(), new LogBuffer(100), null, () -> now[0]);
        now[0] = NOW + 2000;
        byte[] lines = ("2026-11-28T05:00:00.000Z an hour-old line read as history\n"
                + "2026-11-28T06:00:01.250Z written 750 ms before it was read\n"
                + "2026-11-28T06:00:01.900Z written 100 ms before\n").getBytes(StandardCharsets.UTF_8);
        in.accept(lines, 0, lines.length);
        assertEquals(750, in.takeMaxLag());
        assertEquals(-1, in.takeMaxLag(), "nothing new since the last call");
    }

    @Test
    void linesSplitAcrossReadsAndCrlfAndMissingTimestampsAreHandled() {
        LogBuffer buffer = new LogBuffer(100);
        LogCounters counters = new LogCounters();
        LogIngest in = new LogIngest(LogClassifier.defaults(), buffer, counters, () -> NOW);
        byte[] all = ("2026-11-28T05:59:00.000Z first error\r\n"
                + "continuation without timestamp\n"
                + "2026-11-28T05:59:30.500Z slow query here\n"
                + "2026-11-28T05:59:40.000Z tail without newline").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < all.length; i += 7) { // the worst splits
            in.accept(all, i, Math.min(all.length, i + 7));
        }
        assertEquals(3, in.lines());
        in.finish();
        assertEquals(4, in.lines());
        assertEquals("first error", buffer.text(0, -1), "CR dropped, timestamp removed");
        assertEquals(Instant.parse("2026-11-28T05:59:00Z").toEpochMilli(), buffer.timestamp(1),
                "a line without a timestamp gets the previous line's");
        assertEquals(LogClassifier.SLOW_QUERY, buffer.classes(2));
        assertEquals(1, counters.count(LogClassifier.ERROR, Duration.ofHours(1), Instant.ofEpochMilli(NOW)));
        assertEquals(1, counters.count(LogClassifier.SLOW_QUERY, Duration.ofHours(1), Instant.ofEpochMilli(NOW)));
    }

    @Test
    void aLineThatPodmanStampedPieceByPieceIsJoined() {
        LogBuffer buffer = new LogBuffer(100);
        LogIngest in = new LogIngest(LogClassifier.defaults(), buffer, null, () -> NOW);
        byte[] all = ("2026-11-28T07:22:39.990000000Z [INFO] bytes: 2026-11-28T07:22:39.990653404Z (ok) and "
                + "2026-11-28T07:22:40.000000001Z done\n"
                + "2026-11-28T07:22:41.000000000Z ts=2026-11-28T06:00:00.003Z caller=manager.go level=info\n")
                .getBytes(StandardCharsets.UTF_8);
        in.accept(all, 0, all.length);
        assertEquals("[INFO] bytes: (ok) and done", buffer.text(0, 200));
        assertEquals("ts=2026-11-28T06:00:00.003Z caller=manager.go level=info", buffer.text(1, 200),
                "a stamp of another shape stays");
    }

    @Test
    void anOverlongLineIsStoredCutAndTheNextLineIsIntact() {
        LogBuffer buffer = new LogBuffer(100);
        LogIngest in = new LogIngest(LogClassifier.defaults(), buffer, null, () -> NOW);
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, (byte) 'z');
        for (int i = 0; i < 40; i++) { // 2.5 MiB without a newline
            in.accept(chunk, 0, chunk.length);
        }
        byte[] rest = "\n2026-11-28T05:59:00Z next error\n".getBytes(StandardCharsets.UTF_8);
        in.accept(rest, 0, rest.length);
        assertEquals(2, in.lines());
        assertEquals(LogBuffer.MAX_LINE, buffer.length(0));
        assertEquals("next error", buffer.text(1, -1));
    }
}
