package io.hcdjg.cockpit.logs;

import java.util.Arrays;
import java.util.Objects;

/**
 * The per-line fields of a {@link LogBuffer}: timestamp, offset in its chunk, length, chunk id and classes, in
 * primitive rings indexed by sequence number (21 bytes a line). Not thread-safe: the buffer's lock guards it.
 */
final class LineRing {
    /** Per-line fields live in pages allocated as the log grows: growing never copies, and never stalls a reader. */
    static final int PAGE_SHIFT = 14;
    static final int PAGE = 1 << PAGE_SHIFT;
    private static final int BYTES_PER_LINE = 8 + 4 + 4 + 4 + 1;

    private final long capacity;
    private final long[][] ts;
    private final int[][] off;
    private final int[][] len;
    private final int[][] chunkOf;
    private final byte[][] cls;

    LineRing(int maxLines) {
        int pages = (maxLines + PAGE - 1) / PAGE;
        this.capacity = (long) pages * PAGE;
        ts = new long[pages][];
        off = new int[pages][];
        len = new int[pages][];
        chunkOf = new int[pages][];
        cls = new byte[pages][];
    }

    void put(long seq, long timestamp, int offset, int length, int chunk, int classes) {
        int slot = slot(seq);
        int page = slot >>> PAGE_SHIFT;
        if (ts[page] == null) {
            ts[page] = new long[PAGE];
            off[page] = new int[PAGE];
            len[page] = new int[PAGE];
            chunkOf[page] = new int[PAGE];
            cls[page] = new byte[PAGE];
        }
        int i = slot & (PAGE - 1);
        ts[page][i] = timestamp;
        off[page][i] = offset;
        len[page][i] = length;
        chunkOf[page][i] = chunk;
        cls[page][i] = (byte) classes;
    }

    private int slot(long seq) {
        return (int) (seq % capacity);
    }

    long timestamp(long seq) {
        int slot = slot(seq);
        return ts[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    int offset(long seq) {
        int slot = slot(seq);
        return off[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    int length(long seq) {
        int slot = slot(seq);
        return len[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    int chunk(long seq) {
        int slot = slot(seq);
        return chunkOf[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    int classes(long seq) {
        int slot = slot(seq);
        return cls[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    /** Bytes held by the pages allocated so far. */
    long footprint() {
        long pages = Arrays.stream(ts).filter(Objects::nonNull).count();
        return pages * PAGE * BYTES_PER_LINE;
    }
}
