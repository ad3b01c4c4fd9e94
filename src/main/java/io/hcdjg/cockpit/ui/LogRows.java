package io.hcdjg.cockpit.ui;

import javafx.collections.ObservableListBase;

import java.util.Arrays;

/**
 * The rows of the log pane as a primitive array behind an ObservableList: a row is (source index, sequence number)
 * packed in a long, so a million rows cost 8 MB, the ListView asks only for the visible ones, and a batch of new
 * lines is one change event. FX thread only.
 */
final class LogRows extends ObservableListBase<Long> {
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

    @Override
    public Long get(int index) {
        return rows[index];
    }

    long row(int index) {
        return rows[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** A list that starts with these rows (a new filter or selection gets a new list, not a million removals). */
    static LogRows of(long[] all, int n) {
        LogRows r = new LogRows();
        r.rows = Arrays.copyOf(all, Math.max(n, 16));
        r.size = n;
        return r;
    }

    /** Appends a batch as one change. */
    void append(long[] batch, int n) {
        if (n == 0) {
            return;
        }
        if (size + n > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, size + n));
        }
        System.arraycopy(batch, 0, rows, size, n);
        beginChange();
        nextAdd(size, size + n);
        size += n;
        endChange();
    }

    /** Drops the rows whose lines fell off their buffers (the first ones). */
    void dropWhile(java.util.function.LongPredicate gone) {
        int k = 0;
        while (k < size && gone.test(rows[k])) {
            k++;
        }
        if (k == 0) {
            return;
        }
        java.util.List<Long> removed = java.util.List.copyOf(subList(0, k));
        System.arraycopy(rows, k, rows, 0, size - k);
        size -= k;
        beginChange();
        nextRemove(0, removed);
        endChange();
    }
}
