package io.hcdjg.cockpit.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded history of one container's log lines in compact form: the bytes of the lines in 4 MiB chunks, and per
 * line its timestamp, position, length and classes in primitive rings (21 bytes a line). Past {@code maxLines} the
 * oldest lines are dropped and counted. Lines are addressed by a global sequence number that never changes, so a view
 * keeps its place while old lines fall off. Thread-safe: one writer, any number of readers.
 */
public final class LogBuffer {
    /** Small enough never to be a humongous object for G1 (half a region at most), so the heap holds what we count. */
    static final int CHUNK = 256 << 10;

    /** Longer lines are stored cut to this many bytes (the view shows where). */
    public static final int MAX_LINE = 1 << 20;

    /** Per-line fields live in pages allocated as the log grows: growing never copies, and never stalls a reader. */
    static final int PAGE_SHIFT = 14;
    static final int PAGE = 1 << PAGE_SHIFT;

    private final int maxLines;
    private final long capacity;
    private final long[][] ts;
    private final int[][] off;
    private final int[][] len;
    private final int[][] chunkOf;
    private final byte[][] cls;
    private long first;        // sequence number of the oldest retained line
    private long next;         // sequence number the next line gets
    private long dropped;
    private long bytes;
    private final ArrayList<byte[]> chunks = new ArrayList<>();
    private final ArrayList<Long> chunkFirstSeq = new ArrayList<>();
    private final ArrayList<Integer> chunkUsed = new ArrayList<>();
    /** Per chunk, where each of its lines ends (the offset of its newline): maps a search hit to its line. */
    private final ArrayList<int[]> chunkLineEnds = new ArrayList<>();
    private int[] currentEnds = new int[0];
    private int currentLines;
    private int firstChunkId;
    private int writePos = CHUNK; // forces a first chunk

    public LogBuffer(int maxLines) {
        this.maxLines = maxLines;
        int pages = (maxLines + PAGE - 1) / PAGE;
        this.capacity = (long) pages * PAGE;
        ts = new long[pages][];
        off = new int[pages][];
        len = new int[pages][];
        chunkOf = new int[pages][];
        cls = new byte[pages][];
    }

    /** Appends the bytes [from, to) of one line (without its newline). */
    public synchronized void append(long timestamp, byte[] b, int from, int to, int classes) {
        int n = Math.min(to - from, MAX_LINE);
        if (next - first == maxLines) {
            dropOldest();
        }
        // Each line is stored with its newline, so a chunk is a block of lines one scan can search.
        if (writePos + n + 1 > CHUNK || chunks.isEmpty()) {
            if (!chunks.isEmpty()) {
                chunkLineEnds.set(chunkLineEnds.size() - 1, java.util.Arrays.copyOf(currentEnds, currentLines));
            }
            chunks.add(new byte[Math.max(CHUNK, n + 1)]);
            chunkFirstSeq.add(next);
            chunkUsed.add(0);
            currentEnds = new int[256];
            currentLines = 0;
            chunkLineEnds.add(currentEnds);
            writePos = 0;
        }
        byte[] chunk = chunks.get(chunks.size() - 1);
        System.arraycopy(b, from, chunk, writePos, n);
        // A stored line never contains a newline of its own (the ingest splits on them).
        chunk[writePos + n] = '\n';
        chunkUsed.set(chunks.size() - 1, writePos + n + 1);
        if (currentLines == currentEnds.length) {
            currentEnds = java.util.Arrays.copyOf(currentEnds, currentLines * 2);
            chunkLineEnds.set(chunkLineEnds.size() - 1, currentEnds);
        }
        currentEnds[currentLines++] = writePos + n;
        int slot = slot(next);
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
        off[page][i] = writePos;
        len[page][i] = n;
        chunkOf[page][i] = firstChunkId + chunks.size() - 1;
        cls[page][i] = (byte) classes;
        writePos += n + 1;
        bytes += n;
        next++;
    }

    private int slot(long seq) {
        return (int) (seq % capacity);
    }

    private long tsOf(long seq) {
        int slot = slot(seq);
        return ts[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    private int offOf(long seq) {
        int slot = slot(seq);
        return off[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    private int lenOf(long seq) {
        int slot = slot(seq);
        return len[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    private int chunkOfLine(long seq) {
        int slot = slot(seq);
        return chunkOf[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    private int clsOf(long seq) {
        int slot = slot(seq);
        return cls[slot >>> PAGE_SHIFT][slot & (PAGE - 1)];
    }

    private void dropOldest() {
        bytes -= lenOf(first);
        int oldest = chunkOfLine(first);
        first++;
        dropped++;
        boolean chunkStillUsed = first < next && chunkOfLine(first) == oldest;
        if (!chunkStillUsed && oldest == firstChunkId && chunks.size() > 1) {
            chunks.remove(0);
            chunkFirstSeq.remove(0);
            chunkUsed.remove(0);
            chunkLineEnds.remove(0);
            firstChunkId++;
        }
    }

    public synchronized long first() {
        return first;
    }

    /** One past the newest line's sequence number. */
    public synchronized long end() {
        return next;
    }

    public synchronized long size() {
        return next - first;
    }

    public synchronized long dropped() {
        return dropped;
    }

    /** Bytes of line text retained (the compact form's payload). */
    public synchronized long retainedBytes() {
        return bytes;
    }

    /** Bytes held in memory for the retained lines: chunks plus the per-line rings. */
    public synchronized long footprint() {
        long c = 0;
        for (byte[] chunk : chunks) {
            c += chunk.length;
        }
        long pages = java.util.Arrays.stream(ts).filter(java.util.Objects::nonNull).count();
        return c + pages * PAGE * (8 + 4 + 4 + 4 + 1);
    }

    public synchronized long timestamp(long seq) {
        return tsOf(check(seq));
    }

    public synchronized int classes(long seq) {
        return clsOf(check(seq));
    }

    public synchronized int length(long seq) {
        return lenOf(check(seq));
    }

    /** The line's text, invalid UTF-8 replaced, at most {@code maxChars} characters (-1: all). */
    public synchronized String text(long seq, int maxChars) {
        check(seq);
        byte[] chunk = chunk(chunkOfLine(seq));
        int n = maxChars < 0 ? lenOf(seq) : Math.min(lenOf(seq), maxChars * 4);
        String s = new String(chunk, offOf(seq), n, StandardCharsets.UTF_8);
        return maxChars >= 0 && s.length() > maxChars ? s.substring(0, maxChars) : s;
    }

    /** Sequence numbers of the retained lines in [from, to) whose classes match. */
    public synchronized List<Long> withClasses(int mask, long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long s = Math.max(from, first); s < Math.min(to, next); s++) {
            if ((clsOf(s) & mask) != 0) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Sequence numbers of the retained lines containing any of the classifier's keywords (a case-insensitive search
     * compiled like the classifier): one scan over each chunk's bytes, the chunks split over the cores.
     */
    public long[] find(LogClassifier needle) {
        List<byte[]> cs;
        List<Long> firsts;
        List<Integer> used;
        long from;
        synchronized (this) {
            cs = List.copyOf(chunks);
            firsts = List.copyOf(chunkFirstSeq);
            used = List.copyOf(chunkUsed);
            from = first;
        }
        long limit = from;
        long[][] perChunk = java.util.stream.IntStream.range(0, cs.size()).parallel().mapToObj(i -> {
            Hits hits = new Hits();
            long[] seq = {firsts.get(i)};
            needle.classifyLines(cs.get(i), 0, used.get(i), (s, e, c) -> {
                if (c != 0 && seq[0] >= limit) {
                    hits.add(seq[0]);
                }
                seq[0]++;
            });
            return hits.array();
        }).toArray(long[][]::new);
        return concat(perChunk);
    }

    /**
     * Sequence numbers of the retained lines containing {@code literal}, ignoring ASCII case: a scan for the literal's
     * first byte (each byte checked on its own, so the loop is not held up by the previous one), the chunks split over
     * the cores.
     */
    public long[] find(String literal) {
        byte[] lo = literal.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] up = literal.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (lo.length == 0 || lo.length != up.length) {
            return find(new LogClassifier(java.util.Map.of(1, List.of(literal)), java.util.Map.of()));
        }
        List<byte[]> cs;
        List<Long> firsts;
        List<Integer> used;
        List<int[]> ends;
        long from;
        synchronized (this) {
            if (chunks.isEmpty()) {
                return new long[0]; // nothing written yet
            }
            cs = List.copyOf(chunks);
            firsts = List.copyOf(chunkFirstSeq);
            used = List.copyOf(chunkUsed);
            ends = new ArrayList<>(chunkLineEnds);
            ends.set(ends.size() - 1, java.util.Arrays.copyOf(currentEnds, currentLines));
            from = first;
        }
        long limit = from;
        int anchor = anchor(lo);
        long[][] perChunk = java.util.stream.IntStream.range(0, cs.size()).parallel()
                .mapToObj(i -> scan(cs.get(i), used.get(i), ends.get(i), firsts.get(i), limit, lo, up, anchor))
                .toArray(long[][]::new);
        return concat(perChunk);
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final String COMMON = "etaoinsrhldcumfpgwybvk ";

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
     */
    private static long[] scan(byte[] c, int used, int[] ends, long firstSeq, long limit, byte[] lo, byte[] up,
                               int anchor) {
        Hits hits = new Hits();
        long a = (lo[anchor] & 0xffL) * ONES;
        long b = (up[anchor] & 0xffL) * ONES;
        int n = lo.length;
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
                    int line = java.util.Arrays.binarySearch(ends, i);
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

    private static long[] concat(long[][] parts) {
        int total = 0;
        for (long[] h : parts) {
            total += h.length;
        }
        long[] out = new long[total];
        int at = 0;
        for (long[] h : parts) {
            System.arraycopy(h, 0, out, at, h.length);
            at += h.length;
        }
        return out;
    }

    /** A growing list of sequence numbers. */
    private static final class Hits {
        private long[] a = new long[16];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] array() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /** Lines for which the predicate over their text holds (a regular expression filter). */
    public List<Long> filter(long from, long to, java.util.function.Predicate<String> keep) {
        List<Long> out = new ArrayList<>();
        long a;
        long z;
        synchronized (this) {
            a = Math.max(from, first);
            z = Math.min(to, next);
        }
        for (long s = a; s < z; s++) {
            String t;
            synchronized (this) {
                if (s < first) {
                    continue;
                }
                t = text(s, -1);
            }
            if (keep.test(t)) {
                out.add(s);
            }
        }
        return out;
    }

    private byte[] chunk(int id) {
        return chunks.get(id - firstChunkId);
    }

    private long check(long seq) {
        if (seq < first || seq >= next) {
            throw new IndexOutOfBoundsException("line " + seq + " is not retained (" + first + ".." + next + ")");
        }
        return seq;
    }

}
