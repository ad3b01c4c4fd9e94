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
    static final int CHUNK = 4 << 20;
    /** Longer lines are stored cut to this many bytes (the view shows where). */
    public static final int MAX_LINE = 1 << 20;

    private final int maxLines;
    private long[] ts = new long[1024];
    private int[] off = new int[1024];
    private int[] len = new int[1024];
    private int[] chunkOf = new int[1024];
    private byte[] cls = new byte[1024];
    private long first;        // sequence number of the oldest retained line
    private long next;         // sequence number the next line gets
    private long dropped;
    private long bytes;
    private final ArrayList<byte[]> chunks = new ArrayList<>();
    private int firstChunkId;
    private int writePos = CHUNK; // forces a first chunk

    public LogBuffer(int maxLines) {
        this.maxLines = maxLines;
    }

    /** Appends the bytes [from, to) of one line (without its newline). */
    public synchronized void append(long timestamp, byte[] b, int from, int to, int classes) {
        int n = Math.min(to - from, MAX_LINE);
        if (next - first == maxLines) {
            dropOldest();
        }
        if (writePos + n > CHUNK || chunks.isEmpty()) {
            chunks.add(new byte[Math.max(CHUNK, n)]);
            writePos = 0;
        }
        byte[] chunk = chunks.get(chunks.size() - 1);
        System.arraycopy(b, from, chunk, writePos, n);
        if (next - first >= ts.length) {
            grow();
        }
        int slot = slot(next);
        ts[slot] = timestamp;
        off[slot] = writePos;
        len[slot] = n;
        chunkOf[slot] = firstChunkId + chunks.size() - 1;
        cls[slot] = (byte) classes;
        writePos += n;
        bytes += n;
        next++;
    }

    private int slot(long seq) {
        return (int) (seq % ts.length);
    }

    /** Doubles the rings up to maxLines, keeping the sequence → slot mapping (seq % length). */
    private void grow() {
        int cap = (int) Math.min((long) ts.length * 2, Math.max(maxLines, 1024));
        long[] nts = new long[cap];
        int[] noff = new int[cap];
        int[] nlen = new int[cap];
        int[] nchunk = new int[cap];
        byte[] ncls = new byte[cap];
        for (long s = first; s < next; s++) {
            int a = slot(s);
            int z = (int) (s % cap);
            nts[z] = ts[a];
            noff[z] = off[a];
            nlen[z] = len[a];
            nchunk[z] = chunkOf[a];
            ncls[z] = cls[a];
        }
        ts = nts;
        off = noff;
        len = nlen;
        chunkOf = nchunk;
        cls = ncls;
    }

    private void dropOldest() {
        int slot = slot(first);
        bytes -= len[slot];
        first++;
        dropped++;
        int oldest = chunkOf[slot];
        boolean chunkStillUsed = first < next && chunkOf[slot(first)] == oldest;
        if (!chunkStillUsed && oldest == firstChunkId && chunks.size() > 1) {
            chunks.remove(0);
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
        return c + (long) ts.length * (8 + 4 + 4 + 4 + 1);
    }

    public synchronized long timestamp(long seq) {
        return ts[slot(check(seq))];
    }

    public synchronized int classes(long seq) {
        return cls[slot(check(seq))];
    }

    public synchronized int length(long seq) {
        return len[slot(check(seq))];
    }

    /** The line's text, invalid UTF-8 replaced, at most {@code maxChars} characters (-1: all). */
    public synchronized String text(long seq, int maxChars) {
        int slot = slot(check(seq));
        byte[] chunk = chunk(chunkOf[slot]);
        int n = maxChars < 0 ? len[slot] : Math.min(len[slot], maxChars * 4);
        String s = new String(chunk, off[slot], n, StandardCharsets.UTF_8);
        return maxChars >= 0 && s.length() > maxChars ? s.substring(0, maxChars) : s;
    }

    /** Sequence numbers of the retained lines in [from, to) whose classes match. */
    public synchronized List<Long> withClasses(int mask, long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long s = Math.max(from, first); s < Math.min(to, next); s++) {
            if ((cls[slot(s)] & mask) != 0) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Sequence numbers of the retained lines containing any of the classifier's keywords (a case-insensitive search
     * compiled like the classifier), scanning the raw bytes.
     */
    public synchronized long[] find(LogClassifier needle) {
        long[] hits = new long[64];
        int count = 0;
        for (long s = first; s < next; s++) {
            int slot = slot(s);
            byte[] chunk = chunk(chunkOf[slot]);
            if (needle.classify(chunk, off[slot], off[slot] + len[slot]) != 0) {
                if (count == hits.length) {
                    hits = java.util.Arrays.copyOf(hits, count * 2);
                }
                hits[count++] = s;
            }
        }
        return java.util.Arrays.copyOf(hits, count);
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
