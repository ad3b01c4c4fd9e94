package io.hcdjg.cockpit.logs;

import java.util.function.LongSupplier;

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

    public LogIngest(LogClassifier classifier, LogBuffer buffer, LogCounters counters, LongSupplier nowMillis) {
        this.classifier = classifier;
        this.buffer = buffer;
        this.counters = counters;
        this.now = nowMillis;
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
            carry = java.util.Arrays.copyOf(carry, Math.max(carry.length * 2, carried + n));
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
        }
        int classes = classifier.classify(b, msg, to);
        buffer.append(ts, b, msg, to, classes);
        if (counters != null) {
            counters.add(ts, classes, now.getAsLong());
        }
        lines++;
    }
}
