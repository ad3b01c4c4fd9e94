package io.hcdjg.cockpit.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The config's duration syntax (500ms, 3s, 2m, 1h, 1d) for command-line options. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Duration LONGEST = Duration.ofDays(3650);

    private Durations() {
    }

    public static Optional<Duration> parse(String text) {
        return read(text).filter(d -> !d.isZero());
    }

    /** A duration in the config's syntax, zero included; empty when the text is none or beyond ten years. */
    static Optional<Duration> read(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            // beyond ten years a duration is a typo, and Instant arithmetic on it would throw later, far from here
            return d.compareTo(LONGEST) <= 0 ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException tooLong) {
            return Optional.empty();
        }
    }

    /** A duration written back in the config's syntax ("3s", "500ms"), for messages about it. */
    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
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
