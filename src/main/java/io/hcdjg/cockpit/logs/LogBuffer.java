package io.hcdjg.cockpit.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A bounded history of one container's log lines in compact form: the bytes of the lines in 4 MiB chunks, and per
 * line its timestamp, position, length and classes in primitive rings ({@link LineRing}, 21 bytes a line). Past
 * {@code maxLines} the oldest lines are dropped and counted. Lines are addressed by a global sequence number that never
 * changes, so a view keeps its place while old lines fall off. Thread-safe: one writer, any number of readers.
 */
public final class LogBuffer {
    /** Small enough never to be a humongous object for G1 (half a region at most), so the heap holds what we count. */
    static final int CHUNK = 256 << 10;

    /** Longer lines are stored cut to this many bytes (the view shows where). */
    public static final int MAX_LINE = 1 << 20;

    private final int maxLines;
    private final LineRing lines;
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
        this.lines = new LineRing(maxLines);
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
                chunkLineEnds.set(chunkLineEnds.size() - 1, Arrays.copyOf(currentEnds, currentLines));
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
            currentEnds = Arrays.copyOf(currentEnds, currentLines * 2);
            chunkLineEnds.set(chunkLineEnds.size() - 1, currentEnds);
        }
        currentEnds[currentLines++] = writePos + n;
        lines.put(next, timestamp, writePos, n, firstChunkId + chunks.size() - 1, classes);
        writePos += n + 1;
        bytes += n;
        next++;
    }

    private void dropOldest() {
        bytes -= lines.length(first);
        int oldest = lines.chunk(first);
        first++;
        dropped++;
        boolean chunkStillUsed = first < next && lines.chunk(first) == oldest;
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
        return c + lines.footprint();
    }

    public synchronized long timestamp(long seq) {
        return lines.timestamp(check(seq));
    }

    public synchronized int classes(long seq) {
        return lines.classes(check(seq));
    }

    public synchronized int length(long seq) {
        return lines.length(check(seq));
    }

    /** The line's text, invalid UTF-8 replaced, at most {@code maxChars} characters (-1: all). */
    public synchronized String text(long seq, int maxChars) {
        check(seq);
        byte[] chunk = chunk(lines.chunk(seq));
        int n = maxChars < 0 ? lines.length(seq) : Math.min(lines.length(seq), maxChars * 4);
        String s = new String(chunk, lines.offset(seq), n, StandardCharsets.UTF_8);
        return maxChars >= 0 && s.length() > maxChars ? s.substring(0, maxChars) : s;
    }

    /** Sequence numbers of the retained lines in [from, to) whose classes match. */
    public synchronized List<Long> withClasses(int mask, long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long s = Math.max(from, first); s < Math.min(to, next); s++) {
            if ((lines.classes(s) & mask) != 0) {
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
        long[][] perChunk = IntStream.range(0, cs.size()).parallel().mapToObj(i -> {
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
        return Hits.concat(perChunk);
    }

    /**
     * Sequence numbers of the retained lines containing {@code literal}, ignoring ASCII case ({@link LiteralScan}), the
     * chunks split over the cores.
     */
    public long[] find(String literal) {
        LiteralScan scan = LiteralScan.of(literal);
        if (scan == null) {
            return find(new LogClassifier(Map.of(1, List.of(literal)), Map.of()));
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
            ends.set(ends.size() - 1, Arrays.copyOf(currentEnds, currentLines));
            from = first;
        }
        long limit = from;
        long[][] perChunk = IntStream.range(0, cs.size()).parallel()
                .mapToObj(i -> scan.scan(cs.get(i), used.get(i), ends.get(i), firsts.get(i), limit))
                .toArray(long[][]::new);
        return Hits.concat(perChunk);
    }

    /** Lines for which the predicate over their text holds (a regular expression filter). */
    public List<Long> filter(long from, long to, Predicate<String> keep) {
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
