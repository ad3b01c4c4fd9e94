package io.hcdjg.cockpit.logs;

import java.util.Arrays;

/** A growing list of sequence numbers: the hits of one chunk's search. */
final class Hits {
    private long[] a = new long[16];
    private int n;

    void add(long v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    long[] array() {
        return Arrays.copyOf(a, n);
    }

    /** The chunks' hits, in chunk order. */
    static long[] concat(long[][] parts) {
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
}
