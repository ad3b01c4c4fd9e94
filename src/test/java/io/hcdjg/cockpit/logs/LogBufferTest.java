package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;

class LogBufferTest {

    private static void add(LogBuffer b, long ts, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        b.append(ts, bytes, 0, bytes.length, LogClassifierTest.DEFAULTS.classify(bytes, 0, bytes.length));
    }

    @Test
    void linesKeepTheirSequenceNumbersWhileOldOnesAreDroppedAndCounted() {
        LogBuffer b = new LogBuffer(1000);
        for (int i = 0; i < 2500; i++) {
            add(b, i, "line " + i + (i % 10 == 0 ? " error" : ""));
        }
        assertEquals(1000, b.size());
        assertEquals(1500, b.first());
        assertEquals(2500, b.end());
        assertEquals(1500, b.dropped());
        assertEquals("line 1500 error", b.text(1500, -1));
        assertEquals(2499, b.timestamp(2499));
        assertEquals(LogClassifier.ERROR, b.classes(2490));
        assertEquals(100, b.withClasses(LogClassifier.ERROR, 0, Long.MAX_VALUE).size());
        assertThrows(IndexOutOfBoundsException.class, () -> b.text(1499, -1));
    }

    @Test
    void chunksOfDroppedLinesAreFreed() {
        LogBuffer b = new LogBuffer(10_000);
        String line = "x".repeat(999);
        for (int i = 0; i < 100_000; i++) {
            add(b, i, line);
        }
        assertEquals(10_000 * 999L, b.retainedBytes());
        assertTrue(b.footprint() < 10_000 * 999L * 1.5, "footprint " + b.footprint());
    }

    @Test
    void findIsCaseInsensitiveOverTheRawBytes() {
        LogBuffer b = new LogBuffer(100);
        add(b, 1, "Connection REFUSED by 10.0.0.1");
        add(b, 2, "all fine");
        add(b, 3, "refused again");
        assertArrayEquals(new long[]{0, 2}, b.find(new LogClassifier(Map.of(1, List.of("refused")), Map.of())));
        assertArrayEquals(new long[]{0, 2}, b.find("Refused"));
        assertArrayEquals(new long[]{0}, b.find("10.0.0.1"));
        assertArrayEquals(new long[]{}, b.find("absent"));
        assertArrayEquals(new long[]{}, new LogBuffer(10).find("absent"), "nothing written yet");
    }

    @Test
    void awkwardBytesAreKeptAndShownSafely() {
        LogBuffer b = new LogBuffer(100);
        byte[] invalid = {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, '!'};
        b.append(1, invalid, 0, invalid.length, 0);
        assertEquals("ok \uFFFD(\uFFFD\u0000!", b.text(0, -1));
        byte[] huge = new byte[3 << 20];
        Arrays.fill(huge, (byte) 'y');
        b.append(2, huge, 0, huge.length, 0);
        assertEquals(LogBuffer.MAX_LINE, b.length(1), "a 3 MiB line is kept cut to 1 MiB");
        assertEquals(10, b.text(1, 10).length());
    }
}
