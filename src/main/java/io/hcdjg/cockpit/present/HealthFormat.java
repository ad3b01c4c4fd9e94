package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.HealthLevel;

import java.time.Duration;
import java.util.Locale;

/** Pure text and style-class mapping shared by the tiles, the status bar and the CLI. */
public final class HealthFormat {
    public static final String STYLE_OK = "ck-ok";
    public static final String STYLE_WARN = "ck-warn";
    public static final String STYLE_CRIT = "ck-crit";
    public static final String STYLE_UNKNOWN = "ck-unknown";

    private HealthFormat() {
    }

    public static String styleClass(HealthLevel level) {
        return switch (level) {
            case UP -> STYLE_OK;
            case DEGRADED -> STYLE_WARN;
            case DOWN -> STYLE_CRIT;
            case UNKNOWN -> STYLE_UNKNOWN;
        };
    }

    /** "850 µs", "12 ms", "1.25 s", or "—" when nothing was measured. */
    public static String latency(Duration d) {
        if (d == null) {
            return "—";
        }
        long micros = d.toNanos() / 1000;
        if (micros < 1000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return micros / 1000 + " ms";
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }

    /** Milliseconds with a fraction, for charts and JSON. */
    public static double millis(Duration d) {
        return d == null ? Double.NaN : d.toNanos() / 1_000_000.0;
    }

    /** "12.3 GiB" */
    public static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
