package io.hcdjg.cockpit.ui;

import java.util.Arrays;
import java.util.function.LongPredicate;
import java.util.Set;

/**
 * The rows of the log pane as a primitive array: a row is (source index, sequence number) packed in a long, so a
 * million rows cost 8 MB and no object each. FX thread only.
 */
final class LogRows {
    static final int SOURCE_BITS = 8;
    private long[] rows = new long[1024];
    private int size;

    static long pack(int source, long seq) {
        return (seq << SOURCE_BITS) | source;
    }

    static int source(long row) {
        return (int) (row & ((1 << SOURCE_BITS) - 1));
    }

    static long seq(long row) {
        return row >>> SOURCE_BITS;
    }

    /** A list that starts with these rows (a new filter or selection gets a new list). */
    static LogRows of(long[] all, int n) {
        LogRows r = new LogRows();
        r.rows = Arrays.copyOf(all, Math.max(n, 16));
        r.size = n;
        return r;
    }

    long row(int index) {
        return rows[index];
    }

    /** A copy of the rows, for work off the FX thread. */
    long[] toArray() {
        long[] copy = new long[size];
        for (int i = 0; i < size; i++) {
            copy[i] = row(i);
        }
        return copy;
    }

    /** How many of the rows are in {@code these}. */
    int count(Set<Long> these) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (these.contains(row(i))) {
                n++;
            }
        }
        return n;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void append(long[] batch, int n) {
        if (size + n > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, size + n));
        }
        System.arraycopy(batch, 0, rows, size, n);
        size += n;
    }

    /** Drops the first rows while {@code gone} holds (their lines fell off their buffers); returns how many. */
    int dropWhile(LongPredicate gone) {
        int k = 0;
        while (k < size && gone.test(rows[k])) {
            k++;
        }
        if (k > 0) {
            System.arraycopy(rows, k, rows, 0, size - k);
            size -= k;
        }
        return k;
    }
}
