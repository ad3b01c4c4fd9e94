package io.hcdjg.cockpit.config;

import io.hcdjg.cockpit.model.ConfigProblem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated config files — broken YAML, wrong types, unknown and duplicate keys, huge numbers, missing sections,
 * anchors, tabs — each load ends with the shipped defaults and a list of problems, each naming the file (and its
 * line where the YAML got that far), never a stack trace.
 */
class GeneratedConfigTest {
    static Path home;

    @BeforeContainer
    static void home() throws IOException {
        home = Files.createTempDirectory("cockpit-generated-config-");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 400)
    void anyTextIsLoadedWithLocatedProblemsNeverAnException(@ForAll("configs") String text) throws IOException {
        Path file = Files.writeString(home.resolve("cockpit.yaml"), text);
        ConfigLoader.Loaded loaded = new ConfigLoader(Map.of("HOME", home.toString())).load(Optional.of(file));
        assertNotNull(loaded.config());
        assertFalse(loaded.config().shownServices().isEmpty(), "the shipped services stay");
        for (ConfigProblem p : loaded.problems()) {
            assertEquals(file.toString(), p.file(), p.toString());
            assertTrue(p.line() >= 0 && !p.message().isBlank(), p.toString());
            assertFalse(p.message().matches("(?s).*(Exception|\\bat [a-z]+\\.[a-z]+\\.).*"), p.toString());
        }
    }

    @Provide
    Arbitrary<String> configs() {
        Arbitrary<String> section = Arbitraries.of("stack", "round", "host", "podman", "monitoring", "logs",
                "services", "metrics", "incidents", "dependencies", "runbook", "redaction", "bogus", "Stack", "");
        Arbitrary<String> field = Arbitraries.of("project", "host", "interval", "timeout", "history", "poll",
                "prometheus", "alertmanager", "stackLabels", "maxLines", "name", "probe", "port", "path", "keyspace",
                "retentionDays", "backupDir", "connection", "composeFiles", "keywords", "error", "secrets", "ladder",
                "level", "unknownField", "enabled", "diskPath", "overlays", "warn", "critical", "query");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", "''", "\"\"", "1e400", "-1", "0",
                "99999999999999999999", "3s", "999999999d", "2m", "500ms", "[1, 2]", "[]", "{}", "{a: 1}", "null",
                "~", "true", "sometimes", "\"unclosed", "'x", "http://127.0.0.1:9090", "ftp://x", "a: b: c",
                "&anchor x", "*alias", "!!binary x", "- item", "gremlin", "vault", "Bad Name!", "janusgraph-demo",
                "|", ">", "%", "@", "`", "{{", "]]"), Arbitraries.strings().ofMaxLength(12),
                Arbitraries.integers().map(String::valueOf), Arbitraries.doubles().map(String::valueOf));
        Arbitrary<String> indent = Arbitraries.of("", "  ", "    ", "   ", "\t", "  - ", "- ");
        Arbitrary<String> line = Arbitraries.oneOf(
                section.map(s -> s + ":"),
                Combinators.combine(indent, field, value).as((i, f, v) -> i + f + ": " + v),
                Combinators.combine(indent, value).as((i, v) -> i + "- " + v),
                value);
        return line.list().ofMinSize(0).ofMaxSize(25).map(lines -> String.join("\n", lines) + "\n");
    }
}
