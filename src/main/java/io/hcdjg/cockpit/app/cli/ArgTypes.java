package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.config.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import io.hcdjg.cockpit.config.CockpitConfig;

/**
 * The command line's values, checked where they enter: a name that reaches podman is never empty, never starts with
 * {@code -} and holds no shell or filter metacharacter. An empty project is the dangerous one: podman's
 * {@code label=io.podman.compose.project=} matches every project, so {@code down --all} would stop them all.
 */
final class ArgTypes {
    /** A compose project name, as podman-compose makes it (and {@code ops.DemoCompose} checks it). */
    static final Pattern PROJECT = Pattern.compile(CockpitConfig.Stack.PROJECT_NAME);
    /** A compose service name: letters, digits, {@code _ . -}, not starting with {@code -}. */
    static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    /** A podman connection name as {@code podman system connection add} takes it. */
    static final Pattern CONNECTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@:+-]*");

    private ArgTypes() {
    }

    /** {@code --format}: typed and completed lower case. */
    enum Format {
        TEXT, JSON
    }

    static final class FormatType implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "text" -> Format.TEXT;
                case "json" -> Format.JSON;
                default -> throw new TypeConversionException("text or json, not '" + value + "'");
            };
        }
    }

    /** Completion candidates for {@code --format}. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("text", "json").iterator();
        }
    }

    /** A duration as typed ({@code 1h}, shown back as such) and its length. */
    record Span(String text, Duration length) {
        /** The default window of {@code logs} and {@code security}. */
        static final Span DAY = new Span("24h", Duration.ofHours(24));

        /** The form podman's {@code --since} takes (Go durations: no {@code d}). */
        String podman() {
            return length.toMillis() + "ms";
        }
    }

    private static String matching(Pattern p, String what, String value) {
        if (!p.matcher(value).matches()) {
            throw new TypeConversionException("'" + value + "' is not " + what + " (" + p.pattern() + ")");
        }
        return value;
    }

    static final class ProjectName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return matching(PROJECT, "a compose project name", value);
        }
    }

    static final class ServiceName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return matching(SERVICE, "a service name", value);
        }

        /**
         * A list of them, checked by the command: picocli leaves a value its converter refuses unconsumed by a
         * {@code SERVICE...} list and reports it as merely unmatched, without the reason.
         */
        static List<String> all(List<String> values) {
            ServiceName check = new ServiceName();
            return values.stream().map(check::convert).toList();
        }
    }

    static final class ConnectionName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return matching(CONNECTION, "a podman connection name", value);
        }
    }

    /** Free text (a title, a comment, an alert name, an incident id) that must say something. */
    static final class Text implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("empty");
            }
            return value;
        }
    }

    static final class FilePath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return Path.of(new Text().convert(value));
        }
    }

    /** {@code 500ms}, {@code 30m}, {@code 2h}, {@code 1d}: the config's syntax, more than zero. */
    static final class SpanType implements ITypeConverter<Span> {
        @Override
        public Span convert(String value) {
            return Durations.parse(value).filter(d -> !d.isNegative()).map(d -> new Span(value, d)).orElseThrow(() ->
                    new TypeConversionException("'" + value + "' is not a duration like 30m, 2h or 1d"));
        }
    }

    /** An escalation level, {@code L1} to {@code L5} (or just the digit). */
    static final class Level implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (!value.matches("(?i)L?[1-5]")) {
                throw new TypeConversionException("takes L1 to L5, not '" + value + "'");
            }
            return Integer.parseInt(value.substring(value.length() - 1));
        }
    }

    /** The replicas of {@code action scale}: 0 to 999. */
    static final class RotateSeconds implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int s = Integer.parseInt(value.strip());
                if (s >= 5 && s <= 3600) {
                    return s;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("a whole number of seconds from 5 to 3600, not '" + value + "'");
        }
    }

    static final class Replicas implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (!value.matches("\\d{1,3}")) {
                throw new TypeConversionException("N is 0 to 999, not '" + value + "'");
            }
            return Integer.parseInt(value);
        }
    }

    static final class Regex implements ITypeConverter<Pattern> {
        @Override
        public Pattern convert(String value) {
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new TypeConversionException("not a regular expression: " + e.getDescription());
            }
        }
    }

    /** Completion candidates for {@code --level}: L1 is where every incident starts, so no escalation goes there. */
    static final class Levels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("L2", "L3", "L4", "L5").iterator();
        }
    }
}
