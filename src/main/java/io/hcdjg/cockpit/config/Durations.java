package io.hcdjg.cockpit.config;

import java.time.Duration;
import java.util.Optional;

/** The config's duration syntax (500ms, 3s, 2m, 1h) for command-line options. */
public final class Durations {
    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        return ConfigReader.parseDuration(text).filter(d -> !d.isZero());
    }
}
