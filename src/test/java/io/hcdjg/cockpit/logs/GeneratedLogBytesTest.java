package io.hcdjg.cockpit.logs;

import io.hcdjg.cockpit.present.LogFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Generated log bytes — invalid UTF-8, NUL, ANSI and OSC sequences, CR, lines past the buffer's limit, reads split
 * anywhere — are taken without an exception and counted exactly; CRI records (k8s-file) with lines in P/F pieces come
 * back as exactly the lines that were written.
 */
class GeneratedLogBytesTest {
    private static final byte[] ALPHABET = {'a', 'Z', ' ', ':', '[', ']', ';', '\n', '\n', '\r', 0, 0x1b, 0x07, 0x7f,
            (byte) 0x9b, (byte) 0xc3, (byte) 0xa9, (byte) 0xff, (byte) 0xe2, (byte) 0x82, '\t', 'e', 'r', 'o'};

    @Property(tries = 400)
    void anyBytesAreCountedLineByLine(@ForAll("bytes") byte[] log, @ForAll @IntRange(min = 1, max = 9000) int read) {
        LogBuffer buffer = new LogBuffer(100_000);
        LogIngest ingest = new LogIngest(LogClassifier.defaults(), buffer, null, () -> 0L);
        for (int i = 0; i < log.length; i += read) {
            ingest.accept(log, i, Math.min(log.length, i + read));
        }
        ingest.finish();
        long expected = 0;
        int last = -1;
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                expected++;
                last = i;
            }
        }
        if (last < log.length - 1) {
            expected++;
        }
        assertEquals(expected, ingest.lines());
        assertEquals(expected, buffer.size());
        for (long s = buffer.first(); s < buffer.end(); s++) {
            String shown = LogFormat.clean(buffer.text(s, 400));
            assertFalse(shown.chars().anyMatch(c -> c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f), shown);
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> small = Arbitraries.of(toObjects()).list().ofMaxSize(4000).map(GeneratedLogBytesTest::array);
        // now and then one line far past the buffer's limit (1 MB)
        Arbitrary<byte[]> huge = Arbitraries.integers().between(LogBuffer.MAX_LINE - 10, LogBuffer.MAX_LINE + 5000)
                .map(n -> ("x".repeat(n) + "\nafter\n").getBytes(StandardCharsets.US_ASCII));
        return Arbitraries.frequencyOf(Tuple.of(40, small), Tuple.of(1, huge));
    }

    @Property(tries = 300)
    void criRecordsComeBackAsTheLinesWritten(@ForAll("lines") List<String> lines,
                                             @ForAll @IntRange(min = 1, max = 500) int read,
                                             @ForAll @IntRange(min = 1, max = 3) int pieces) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Instant t = Instant.parse("2026-11-28T07:26:22.318666461Z");
        for (String line : lines) {
            int step = Math.max(1, (line.length() + pieces - 1) / pieces);
            for (int at = 0; at < line.length() || at == 0; at += step) {
                boolean end = at + step >= line.length();
                t = t.plusNanos(1000);
                file.writeBytes((t + " stdout " + (end ? "F " : "P ")
                        + line.substring(at, Math.min(line.length(), at + step)) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                if (end) {
                    break;
                }
            }
        }
        byte[] all = file.toByteArray();
        LogBuffer buffer = new LogBuffer(100_000);
        CriLog cri = new CriLog(new LogIngest(LogClassifier.defaults(), buffer, null, () -> 0L), 0);
        for (int i = 0; i < all.length; i += read) {
            cri.accept(all, i, Math.min(all.length, i + read));
        }
        cri.finish();
        assertEquals(lines.size(), buffer.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(visible(lines.get(i)), visible(buffer.text(buffer.first() + i, 1 << 20)), "line " + i);
        }
    }

    @Provide
    Arbitrary<List<String>> lines() {
        // no newline (a record ends at one), no CR at the end (a line's CR is dropped), no digit (a line starting
        // with a timestamp would be taken for podman's own)
        return Arbitraries.strings().withChars("abcXYZ :;[]{}\"'\t\u001b\u0000\u00e9\u20ac\u4e2d")
                .ofMaxLength(300).list().ofMaxSize(40);
    }

    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return b.toString();
    }

    private static Byte[] toObjects() {
        Byte[] out = new Byte[ALPHABET.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[i];
        }
        return out;
    }

    private static byte[] array(List<Byte> list) {
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
