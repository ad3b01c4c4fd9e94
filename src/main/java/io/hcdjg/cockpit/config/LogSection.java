package io.hcdjg.cockpit.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code logs} section: how much log is kept, and the keywords and expressions of each log class. */
final class LogSection {
    static final Set<String> FIELDS = Set.of("maxLines", "history", "keywords", "regex");

    private final ConfigReader r;

    LogSection(ConfigReader reader) {
        this.r = reader;
    }

    /** @param layers the section in each file, from {@link ConfigReader#section} */
    CockpitConfig.Logs read(List<ConfigReader.Layer> layers) {
        return new CockpitConfig.Logs(r.integer(layers, "maxLines", 1000, 50_000_000).orElse(1_000_000),
                r.duration(layers, "history").map(d -> d.toMinutes() + "m").orElse("24h"),
                classLists(layers, "keywords"), classLists(layers, "regex"));
    }

    /** {error: [...], slow-query: [...], ...}: the classes' lists, later files replacing a class's list. */
    private Map<String, List<String>> classLists(List<ConfigReader.Layer> layers, String field) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ConfigReader.Layer l : layers) {
            JsonNode n = l.node().get(field);
            if (n == null || n.isNull()) {
                continue;
            }
            if (!n.isObject()) {
                r.problems.add(l.doc().problem(l.child(field), "must be a mapping from class to a list"));
                continue;
            }
            ConfigReader.Layer sub = new ConfigReader.Layer(l.doc(), l.child(field), n);
            r.checkFields(sub, Set.copyOf(ConfigReader.LOG_CLASSES));
            for (String cls : ConfigReader.LOG_CLASSES) {
                if (n.has(cls)) {
                    List<String> list = r.strings(List.of(sub), cls);
                    if (field.equals("regex")) {
                        for (int i = 0; i < list.size(); i++) {
                            try {
                                Pattern.compile(list.get(i));
                            } catch (PatternSyntaxException e) {
                                r.problems.add(l.doc().problem(sub.child(cls) + "[" + i + "]",
                                        "not a regular expression: " + e.getDescription()));
                            }
                        }
                    }
                    out.put(cls, list);
                }
            }
        }
        return out;
    }
}
