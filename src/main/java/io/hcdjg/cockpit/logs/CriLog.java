package io.hcdjg.cockpit.logs;

import java.util.Arrays;

/**
 * Podman's own log file (the k8s-file driver, CRI format: {@code TIMESTAMP STREAM F|P MESSAGE}, P for a piece of a
 * line that goes on in the next record) fed to a {@link LogIngest} as {@code podman logs -t} would print it, pieces
 * joined. Records may arrive split across reads. Records older than {@code since} are skipped. Not thread-safe.
 */
public final class CriLog {
    private static final byte[] NEWLINE = {'\n'};
    private final LogIngest ingest;
    private long since;
    private byte[] carry = new byte[8192];
    private int carried;
    private boolean inLine;    // the last record was a P piece: the next one continues its line
    private boolean skipping;  // ... of a line older than since

    public CriLog(LogIngest ingest, long sinceMillis) {
        this.ingest = ingest;
        this.since = sinceMillis;
    }

    /** Skips records up to and including this time from now on (a file read again after it was truncated). */
    public void since(long millis) {
        since = millis;
    }

    public void accept(byte[] b, int from, int to) {
        int start = from;
        if (carried > 0) {
            int nl = indexOf(b, from, to);
            if (nl < 0) {
                keep(b, from, to);
                return;
            }
            keep(b, from, nl);
            record(carry, 0, carried);
            carried = 0;
            start = nl + 1;
        }
        for (int nl; (nl = indexOf(b, start, to)) >= 0; start = nl + 1) {
            record(b, start, nl);
        }
        keep(b, start, to);
    }

    /** The end of the file: a line left open by a last P piece is ended. */
    public void finish() {
        if (carried > 0) {
            record(carry, 0, carried);
            carried = 0;
        }
        if (inLine && !skipping) {
            ingest.accept(NEWLINE, 0, 1);
        }
        inLine = false;
        ingest.finish();
    }

    private void record(byte[] b, int from, int to) {
        int s1 = space(b, from, to);
        int s2 = s1 < 0 ? -1 : space(b, s1 + 1, to);
        int s3 = s2 < 0 ? -1 : space(b, s2 + 1, to);
        if (s3 < 0) { // not a CRI record: the whole of it is the line
            ingest.accept(b, from, to);
            ingest.accept(NEWLINE, 0, 1);
            return;
        }
        boolean last = b[s2 + 1] != 'P';
        if (!inLine) {
            long ts = LogTime.parse(b, from, s1);
            skipping = ts != LogTime.NONE && ts <= since;
            if (!skipping) {
                ingest.accept(b, from, s1 + 1); // the timestamp and its space
            }
        }
        if (!skipping) {
            ingest.accept(b, s3 + 1, to);
            if (last) {
                ingest.accept(NEWLINE, 0, 1);
            }
        }
        inLine = !last;
    }

    private void keep(byte[] b, int from, int to) {
        int n = to - from;
        if (carried + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + n));
        }
        System.arraycopy(b, from, carry, carried, n);
        carried += n;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int space(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == ' ') {
                return i;
            }
        }
        return -1;
    }
}
