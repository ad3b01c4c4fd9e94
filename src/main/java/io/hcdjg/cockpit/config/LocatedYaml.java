package io.hcdjg.cockpit.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hcdjg.cockpit.model.ConfigProblem;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * A YAML document read with Jackson into a tree that remembers where each value stood, so that validation can name the
 * file, line and column of every error. Locations are keyed by field path ({@code services[2].port}).
 */
public final class LocatedYaml {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private LocatedYaml(String file, JsonNode root, Map<String, JsonLocation> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /** @throws ConfigException with one located problem when the text is not well-formed YAML */
    public static LocatedYaml parse(String file, String text) throws ConfigException {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? JsonNodeFactory.instance.objectNode() : read(parser, "", locations);
            return new LocatedYaml(file, root, locations);
        } catch (DuplicateKey e) {
            throw new ConfigException(List.of(new ConfigProblem(file, e.at.getLineNr(), e.at.getColumnNr(),
                    e.field, "set twice (first on line " + e.firstLine + "); keep one")));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
            throw new ConfigException(List.of(new ConfigProblem(file,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid YAML: " + message)));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "cannot read: " + e.getMessage())));
        }
    }

    private static JsonNode read(JsonParser p, String path, Map<String, JsonLocation> locations) throws IOException {
        locations.put(path, p.currentTokenLocation());
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode node = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    if (node.has(name)) {
                        // YAML's last-wins would silently drop the first value: make the operator choose
                        JsonLocation first = locations.get(child);
                        throw new DuplicateKey(child, p.currentTokenLocation(), first == null ? 0 : first.getLineNr());
                    }
                    locations.put(child, p.currentTokenLocation());
                    p.nextToken();
                    JsonLocation keyAt = locations.get(child);
                    node.set(name, read(p, child, locations));
                    locations.put(child, keyAt); // errors point at the key, which is where the operator looks
                }
                return node;
            }
            case START_ARRAY -> {
                ArrayNode node = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    node.add(read(p, path + "[" + i++ + "]", locations));
                }
                return node;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(p.getBooleanValue());
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** A problem located at {@code path}, or at the nearest enclosing value that has a location. */
    public ConfigProblem problem(String path, String message) {
        String p = path;
        JsonLocation at = locations.get(p);
        while (at == null && !p.isEmpty()) {
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
            at = locations.get(p);
        }
        return new ConfigProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), path,
                message);
    }

    /** A key given twice in one mapping. */
    private static final class DuplicateKey extends IOException {
        final String field;
        final transient JsonLocation at;
        final int firstLine;

        DuplicateKey(String field, JsonLocation at, int firstLine) {
            super(field + " set twice");
            this.field = field;
            this.at = at;
            this.firstLine = firstLine;
        }
    }
}
