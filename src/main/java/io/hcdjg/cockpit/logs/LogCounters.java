package io.hcdjg.cockpit.logs;

import io.hcdjg.cockpit.model.LogClass;

import java.time.Duration;
import java.time.Instant;

/**
 * How many lines of each class a service logged, by minute, over the last 24 hours: enough to answer "last hour" and
 * "last day" exactly without keeping the lines. Counted by the lines' own timestamps, so history loaded later lands
 * in the right minute.
 */
public final class LogCounters {
    static final int MINUTES = 24 * 60;
    static final int CLASSES = LogClass.ALL.size();

    private final int[][] counts = new int[CLASSES][MINUTES];
    private final long[] minuteOf = new long[MINUTES];

    /** Counts one line. Lines older than a day (or without a class) are not counted. */
    public synchronized void add(long epochMillis, int classes, long nowMillis) {
        if (classes == 0 || epochMillis <= nowMillis - Duration.ofDays(1).toMillis()) {
            return;
        }
        long minute = epochMillis / 60_000;
        int slot = (int) (minute % MINUTES);
        if (minuteOf[slot] != minute) {
            minuteOf[slot] = minute;
            for (int c = 0; c < CLASSES; c++) {
                counts[c][slot] = 0;
            }
        }
        for (int c = 0; c < CLASSES; c++) {
            if ((classes & (1 << c)) != 0) {
                counts[c][slot]++;
            }
        }
    }

    /** Lines of class bit {@code classBit} in the window ending now. */
    public synchronized int count(int classBit, Duration window, Instant now) {
        int c = Integer.numberOfTrailingZeros(classBit);
        long nowMinute = now.toEpochMilli() / 60_000;
        long fromMinute = nowMinute - window.toMinutes() + 1;
        int total = 0;
        for (int slot = 0; slot < MINUTES; slot++) {
            if (minuteOf[slot] >= fromMinute && minuteOf[slot] <= nowMinute) {
                total += counts[c][slot];
            }
        }
        return total;
    }
}
