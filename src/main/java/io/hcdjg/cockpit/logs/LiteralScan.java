package io.hcdjg.cockpit.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A search of {@link LogBuffer}'s chunks for one literal, ignoring ASCII case: a scan for the literal's rarest byte
 * (each byte checked on its own, so the loop is not held up by the previous one), the whole literal checked only there.
 */
final class LiteralScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final String COMMON = "etaoinsrhldcumfpgwybvk ";

    private final byte[] lo;
    private final byte[] up;
    private final int anchor;

    private LiteralScan(byte[] lo, byte[] up) {
        this.lo = lo;
        this.up = up;
        this.anchor = anchor(lo);
    }

    /**
     * The scan for {@code literal}; null when it is empty or its cases differ in length in UTF-8, which a byte-wise
     * comparison cannot match (the classifier's search handles those).
     */
    static LiteralScan of(String literal) {
        byte[] lo = literal.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] up = literal.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return lo.length == 0 || lo.length != up.length ? null : new LiteralScan(lo, up);
    }

    /** The literal's byte least likely to occur in text: candidates are checked only where it is. */
    static int anchor(byte[] lo) {
        int best = 0;
        int bestRank = -1;
        for (int i = 0; i < lo.length; i++) {
            int rank = COMMON.indexOf(lo[i]);
            rank = rank < 0 ? 100 : rank;
            if (rank > bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    /**
     * Looks at 8 bytes at a time for the anchor byte in either case (a word without it is skipped with a few
     * arithmetic operations), checks the whole literal around each candidate, and maps a hit to its line by binary
     * search over the chunk's line ends.
     *
     * @return the sequence numbers, from {@code limit} on, of the chunk's lines that contain the literal
     */
    long[] scan(byte[] c, int used, int[] ends, long firstSeq, long limit) {
        // locals, as the loop had them when they were parameters: nothing for the hot loop to reload from fields
        byte[] lo = this.lo;
        byte[] up = this.up;
        int anchor = this.anchor;
        Hits hits = new Hits();
        long a = (lo[anchor] & 0xffL) * ONES;
        long b = (up[anchor] & 0xffL) * ONES;
        int i = anchor;
        int wordsEnd = used - 8;
        while (i < used) {
            if (i <= wordsEnd) {
                long w = (long) LONGS.get(c, i);
                long x = w ^ a;
                long y = w ^ b;
                if (((((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGHS) == 0) { // neither case of the anchor here
                    i += 8;
                    continue;
                }
            }
            int end = Math.min(used, i + 8);
            for (; i < end; i++) {
                byte v = c[i];
                if ((v == lo[anchor] || v == up[anchor]) && matchesAt(c, i - anchor, used, lo, up)) {
                    int line = Arrays.binarySearch(ends, i);
                    line = line < 0 ? -line - 1 : line;
                    long seq = firstSeq + line;
                    if (seq >= limit) {
                        hits.add(seq);
                    }
                    i = (line < ends.length ? ends[line] + 1 : used) + anchor; // one hit per line: on to the next
                    break;
                }
            }
        }
        return hits.array();
    }

    private static boolean matchesAt(byte[] c, int at, int used, byte[] lo, byte[] up) {
        if (at < 0 || at + lo.length > used) {
            return false;
        }
        for (int j = 0; j < lo.length; j++) {
            byte v = c[at + j];
            if (v != lo[j] && v != up[j]) {
                return false;
            }
        }
        return true;
    }
}
