package io.hcdjg.cockpit.logs;

/**
 * The timestamp {@code podman logs -t} puts before each line: RFC 3339 with nanoseconds and a zone
 * ({@code 2026-11-28T05:52:19.680333039Z } or {@code …+01:00 }), read straight from the bytes.
 */
public final class LogTime {
    /** No timestamp at the start of the line. */
    public static final long NONE = Long.MIN_VALUE;

    private LogTime() {
    }

    /** Epoch milliseconds of the timestamp at {@code from}, or {@link #NONE}. */
    public static long parse(byte[] b, int from, int to) {
        if (to - from < 20 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T' || b[from + 13] != ':'
                || b[from + 16] != ':') {
            return NONE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || second < 0) {
            return NONE;
        }
        int i = from + 19;
        int millis = 0;
        if (i < to && b[i] == '.') {
            int scale = 100;
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                millis += (b[i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }
        int offsetMinutes;
        if (i < to && b[i] == 'Z') {
            offsetMinutes = 0;
            i++;
        } else if (i + 6 <= to && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':') {
            int h = digits(b, i + 1, 2);
            int m = digits(b, i + 4, 2);
            if (h < 0 || m < 0) {
                return NONE;
            }
            offsetMinutes = (b[i] == '+' ? 1 : -1) * (h * 60 + m);
            i += 6;
        } else {
            return NONE;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000L + second * 1000L + millis;
    }

    /** Where the message starts: after the timestamp and its space, or {@code from} when there is none. */
    public static int messageStart(byte[] b, int from, int to) {
        if (parse(b, from, to) == NONE) {
            return from;
        }
        int i = from + 19;
        while (i < to && b[i] != ' ') {
            i++;
        }
        return Math.min(to, i + 1);
    }

    private static int digits(byte[] b, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
