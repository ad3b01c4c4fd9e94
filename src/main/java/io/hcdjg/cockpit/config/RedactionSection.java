package io.hcdjg.cockpit.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code redaction} section: literal secrets, extra patterns and the names of secret environment variables. Unlike
 * other lists these add up across the files, so that a user's file cannot drop a name the shipped one hides. No
 * message here repeats a value: the value may be the secret.
 */
final class RedactionSection {
    private static final Set<String> FIELDS = Set.of("secrets", "patterns", "env");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ConfigReader r;

    RedactionSection(ConfigReader reader) {
        this.r = reader;
    }

    RedactionConfig read(List<ConfigReader.Layer> roots) {
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> patterns = new LinkedHashSet<>();
        Set<String> env = new LinkedHashSet<>();
        for (ConfigReader.Layer l : r.section(roots, "redaction", FIELDS)) {
            for (Item i : items(l, "secrets")) {
                if (i.text().length() < Redaction.MIN_SECRET) {
                    r.problems.add(l.doc().problem(i.path(), "shorter than " + Redaction.MIN_SECRET + " characters: "
                            + "hiding it everywhere would hide ordinary words too; cover it with a pattern instead"));
                } else {
                    secrets.add(i.text());
                }
            }
            for (Item i : items(l, "patterns")) {
                try {
                    if (Pattern.compile(i.text()).matcher("").matches()) {
                        r.problems.add(l.doc().problem(i.path(), "matches the empty string: it would mark every place "
                                + "in every text"));
                    } else {
                        patterns.add(i.text());
                    }
                } catch (PatternSyntaxException e) {
                    r.problems.add(l.doc().problem(i.path(), "not a regular expression: " + e.getDescription()));
                }
            }
            for (Item i : items(l, "env")) {
                if (ENV_NAME.matcher(i.text()).matches()) {
                    env.add(i.text());
                } else {
                    r.problems.add(l.doc().problem(i.path(), "not an environment variable name (letters, digits, _)"));
                }
            }
        }
        return new RedactionConfig(List.copyOf(secrets), List.copyOf(patterns), List.copyOf(env));
    }

    private record Item(String path, String text) {
    }

    /** The text entries of one file's list, each with its own path for the errors. */
    private List<Item> items(ConfigReader.Layer l, String field) {
        List<Item> out = new ArrayList<>();
        JsonNode list = l.node().get(field);
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            r.problems.add(l.doc().problem(l.child(field), "must be a list"));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = l.child(field) + "[" + i + "]";
            JsonNode n = list.get(i);
            if (n.isValueNode() && !n.isNull() && !n.isBoolean() && !n.asText().isEmpty()) {
                out.add(new Item(path, n.asText()));
            } else {
                r.problems.add(l.doc().problem(path, "must be a non-empty text value"));
            }
        }
        return out;
    }
}
