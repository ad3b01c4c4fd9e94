package io.hcdjg.cockpit.config;

import java.time.Duration;
import java.util.Optional;

/** The config's duration syntax (500ms, 3s, 2m, 1h, 1d) for command-line options. */
public final class Durations {
    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        return ConfigReader.parseDuration(text).filter(d -> !d.isZero());
    }

    /** "15 min", "1 h 30 min", "2 d", "45 s": for people. */
    public static String words(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0 && s > 0) {
            return s / 86_400 + " d";
        }
        if (s >= 3600) {
            return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        }
        return s >= 60 ? s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s") : s + " s";
    }
}
