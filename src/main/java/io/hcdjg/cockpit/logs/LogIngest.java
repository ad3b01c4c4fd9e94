package io.hcdjg.cockpit.logs;

import java.util.function.LongSupplier;
import java.util.Arrays;

/**
 * Turns a stream of log bytes into lines — timestamp read, classes found, line stored, counters counted — without a
 * String per line. Lines may arrive split across reads; a line longer than {@link LogBuffer#MAX_LINE} is stored cut.
 * Lines without a timestamp get the previous line's (or now).
 */
public final class LogIngest {
    private final LogClassifier classifier;
    private final LogBuffer buffer;
    private final LogCounters counters;
    private final LongSupplier now;
    private byte[] carry = new byte[8192];
    private int carried;
    private boolean overlong;
    private long lastTimestamp = LogTime.NONE;
    private long lines;
    /** Lines stamped before this ingest began are history being read, not lag. */
    private final long liveFrom;
    private long maxLag = -1;

    public LogIngest(LogClassifier classifier, LogBuffer buffer, LogCounters counters, LongSupplier nowMillis) {
        this.classifier = classifier;
        this.buffer = buffer;
        this.counters = counters;
        this.now = nowMillis;
        this.liveFrom = nowMillis.getAsLong();
    }

    /** The longest time (ms) from a live line's timestamp to its ingest since the last call; -1 without one. */
    public long takeMaxLag() {
        long lag = maxLag;
        maxLag = -1;
        return lag;
    }

    public long lines() {
        return lines;
    }

    /** The latest line's timestamp (epoch ms), to resume a follow after it; {@link LogTime#NONE} before any. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    public void accept(byte[] b, int from, int to) {
        int start = from;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                if (carried > 0 || overlong) {
                    keep(b, start, i);
                    line(carry, 0, carried);
                    carried = 0;
                    overlong = false;
                } else {
                    line(b, start, i);
                }
                start = i + 1;
            }
        }
        if (start < to) {
            keep(b, start, to);
        }
    }

    /** The last line when the stream ends without a newline. */
    public void finish() {
        if (carried > 0) {
            line(carry, 0, carried);
            carried = 0;
            overlong = false;
        }
    }

    private void keep(byte[] b, int from, int to) {
        int n = Math.min(to - from, LogBuffer.MAX_LINE + 64 - carried);
        if (n < to - from) {
            overlong = true;
        }
        if (n <= 0) {
            return;
        }
        if (carried + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + n));
        }
        System.arraycopy(b, from, carry, carried, n);
        carried += n;
    }

    private void line(byte[] b, int from, int to) {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        long ts = LogTime.parse(b, from, to);
        int msg = from;
        if (ts == LogTime.NONE) {
            ts = lastTimestamp == LogTime.NONE ? now.getAsLong() : lastTimestamp;
        } else {
            msg = from + 20;
            while (msg < to && b[msg - 1] != ' ') {
                msg++; // past the fraction and zone to the space after the timestamp
            }
            lastTimestamp = ts;
            if (ts >= liveFrom) {
                maxLag = Math.max(maxLag, Math.max(0, now.getAsLong() - ts));
            }
            int cut = continuation(b, from, msg, msg, to);
            if (cut >= 0) {
                // podman logs -t stamps each piece of a line the container wrote in several writes: join the pieces
                byte[] joined = new byte[to - msg];
                int n = 0;
                int at = msg;
                for (; cut >= 0; cut = continuation(b, from, msg, at, to)) {
                    System.arraycopy(b, at, joined, n, cut - at);
                    n += cut - at;
                    at = cut + (msg - from);
                }
                System.arraycopy(b, at, joined, n, to - at);
                n += to - at;
                b = joined;
                msg = 0;
                to = n;
            }
        }
        int classes = classifier.classify(b, msg, to);
        buffer.append(ts, b, msg, to, classes);
        if (counters != null) {
            counters.add(ts, classes, now.getAsLong());
        }
        lines++;
    }

    /** Where in [at, to) a stamp of the same shape as [stamp, stampEnd) starts (digits for digits), or -1. */
    private static int continuation(byte[] b, int stamp, int stampEnd, int at, int to) {
        int len = stampEnd - stamp;
        int t = 10; // the stamp's date/time separator: "2026-11-28T…"
        if (len < 20 || b[stamp + t] != 'T') {
            return -1;
        }
        for (int p = at + t; p + len - t <= to; p++) {
            if (b[p] == 'T' && sameShape(b, stamp, p - t, len)) {
                return p - t;
            }
        }
        return -1;
    }

    private static boolean sameShape(byte[] b, int x, int y, int len) {
        for (int k = 0; k < len; k++) {
            byte c = b[x + k];
            byte d = b[y + k];
            if (c >= '0' && c <= '9' ? d < '0' || d > '9' : c != d) {
                return false;
            }
        }
        return true;
    }
}
