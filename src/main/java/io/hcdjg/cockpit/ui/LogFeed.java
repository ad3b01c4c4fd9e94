package io.hcdjg.cockpit.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Works out the log pane's rows off the FX thread: which sources, which classes, which regular expression (with
 * context lines); merges the sources by time; and hands the FX side either a complete new list (the settings changed)
 * or the batch of rows that arrived since the last look. The FX side takes what is there once per frame, and asks for
 * the next pass ({@link #request}) while it is shown: a hidden pane costs nothing, and there is no thread of its own.
 */
final class LogFeed {
    /** What the pane shows: sources by index, a class mask (0: all), a regular expression or null, context lines. */
    record View(List<LogSource> sources, int classes, Pattern filter, int context) {
        boolean filtered() {
            return classes != 0 || filter != null;
        }
    }

    /** Rows for the FX side: {@code reset} replaces the list, else the rows are appended. */
    record Batch(long[] rows, int n, boolean reset, List<LogSource> sources) {
    }

    private final AtomicReference<View> view = new AtomicReference<>();
    private final AtomicReference<Batch> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Background background;
    private volatile View built;
    private long[] seen = new long[0];

    LogFeed(Background background) {
        this.background = background;
    }

    void show(View v) {
        view.set(v);
    }

    /** The rows that came since the last call, or null. FX thread. */
    Batch take() {
        return pending.getAndSet(null);
    }

    /** One pass in the background, unless one is still running (an overlapping pass is dropped, not queued). */
    void request() {
        if (running.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    pass();
                } finally {
                    running.set(false);
                }
            });
        }
    }

    /** Reads what is new in the chosen sources; one pass at a time. */
    private void pass() {
        View v = view.get();
        if (v == null) {
            return;
        }
        try {
            long[] ends = new long[v.sources().size()];
            if (v != built) {
                long[] rows = rows(v, null, ends);
                seen = ends;
                built = v;
                pending.set(new Batch(rows, rows.length, true, v.sources()));
            } else {
                long[] rows = rows(v, seen, ends);
                seen = ends;
                if (rows.length > 0) {
                    pending.getAndUpdate(old -> merge(old, rows, v.sources()));
                }
            }
        } catch (RuntimeException e) {
            // a line dropped while we read it: the next pass starts after it
        }
    }

    private static Batch merge(Batch old, long[] more, List<LogSource> sources) {
        if (old == null) {
            return new Batch(more, more.length, false, sources);
        }
        long[] all = Arrays.copyOf(old.rows(), old.n() + more.length);
        System.arraycopy(more, 0, all, old.n(), more.length);
        return new Batch(all, all.length, old.reset(), sources);
    }

    /** The rows of the lines after {@code from} (null: all retained), merged by time; fills the new ends. */
    static long[] rows(View v, long[] from, long[] ends) {
        List<long[]> perSource = new ArrayList<>();
        for (int i = 0; i < v.sources().size(); i++) {
            LogSource s = v.sources().get(i);
            long end = s.end();
            long start = Math.max(s.first(), from == null ? 0 : from[i]);
            ends[i] = end;
            perSource.add(select(s, i, start, end, v));
        }
        return mergeByTime(v, perSource);
    }

    private static long[] select(LogSource s, int index, long start, long end, View v) {
        long[] out = new long[(int) Math.max(0, Math.min(end - start, Integer.MAX_VALUE - 8))];
        int n = 0;
        long lastKept = -1;
        long contextUntil = -1;
        for (long seq = start; seq < end; seq++) {
            boolean keep = !v.filtered() || matches(s, seq, v);
            if (keep) {
                for (long c = Math.max(Math.max(start, seq - v.context()), lastKept + 1); c < seq; c++) {
                    out[n++] = LogRows.pack(index, c);
                }
                contextUntil = seq + v.context();
            }
            if (keep || seq <= contextUntil) {
                out[n++] = LogRows.pack(index, seq);
                lastKept = seq;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean matches(LogSource s, long seq, View v) {
        if (v.classes() != 0 && (s.classes(seq) & v.classes()) == 0) {
            return false;
        }
        return v.filter() == null || v.filter().matcher(s.text(seq, -1)).find();
    }

    private static long[] mergeByTime(View v, List<long[]> perSource) {
        if (perSource.size() == 1) {
            return perSource.get(0);
        }
        int total = perSource.stream().mapToInt(a -> a.length).sum();
        long[] out = new long[total];
        int[] at = new int[perSource.size()];
        for (int k = 0; k < total; k++) {
            int best = -1;
            long bestTs = Long.MAX_VALUE;
            for (int i = 0; i < perSource.size(); i++) {
                if (at[i] < perSource.get(i).length) {
                    long row = perSource.get(i)[at[i]];
                    long ts = v.sources().get(i).timestamp(LogRows.seq(row));
                    if (ts < bestTs) {
                        bestTs = ts;
                        best = i;
                    }
                }
            }
            out[k] = perSource.get(best)[at[best]++];
        }
        return out;
    }
}
