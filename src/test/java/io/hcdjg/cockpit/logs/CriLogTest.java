package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Podman's k8s-file records (as conmon writes them) become the lines podman logs -t would print. */
class CriLogTest {
    static final String FILE = """
            2026-11-28T07:00:00.000000001+00:00 stdout F old line, before since
            2026-11-28T07:26:22.318666461+00:00 stdout F 2026-11-28 07:26:22,318 [ERROR] banking.api - first
            2026-11-28T07:26:22.400000000+00:00 stderr P a line written in
            2026-11-28T07:26:22.400000100+00:00 stderr P  three
            2026-11-28T07:26:22.400000200+00:00 stderr F  pieces
            2026-11-28T07:26:23.000000000+00:00 stdout F\s
            not a record
            2026-11-28T07:26:24.000000000+00:00 stdout P an unfinished last line""";

    @Test
    void recordsBecomeLinesWithPiecesJoinedAtAnySplit() {
        byte[] all = FILE.getBytes(StandardCharsets.UTF_8);
        long since = LogTime.parse("2026-11-28T07:10:00Z".getBytes(StandardCharsets.UTF_8), 0, 20);
        for (int step : new int[]{all.length, 1, 7, 64}) {
            LogBuffer buffer = new LogBuffer(100);
            LogIngest ingest = new LogIngest(LogClassifier.defaults(), buffer, null, () -> 0L);
            CriLog cri = new CriLog(ingest, since);
            for (int i = 0; i < all.length; i += step) {
                cri.accept(all, i, Math.min(all.length, i + step));
            }
            cri.finish();
            assertEquals(5, buffer.size(), "split every " + step);
            assertEquals("2026-11-28 07:26:22,318 [ERROR] banking.api - first", buffer.text(0, 200));
            assertEquals(LogClassifier.ERROR, buffer.classes(0) & LogClassifier.ERROR);
            assertEquals("a line written in three pieces", buffer.text(1, 200));
            assertEquals(LogTime.parse("2026-11-28T07:26:22.400Z".getBytes(StandardCharsets.UTF_8), 0, 24),
                    buffer.timestamp(1));
            assertEquals("", buffer.text(2, 200));
            assertEquals("not a record", buffer.text(3, 200));
            assertEquals("an unfinished last line", buffer.text(4, 200));
        }
    }
}
