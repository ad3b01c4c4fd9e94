package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compose project as its files declare it: the service names (what an action may name) and each service's published
 * ports (a fixed host port cannot be shared by replicas). Later files override earlier ones, as podman-compose does.
 */
public record ComposeProject(String name, List<Path> files, Map<String, List<String>> ports) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ComposeProject {
        files = List.copyOf(files);
        ports = Map.copyOf(ports);
    }

    public static ComposeProject read(String name, List<Path> files) throws IOException {
        Map<String, List<String>> ports = new LinkedHashMap<>();
        for (Path f : files) {
            JsonNode services = YAML.readTree(Files.readString(f)).path("services");
            services.fields().forEachRemaining(e -> {
                JsonNode p = e.getValue().path("ports");
                if (p.isArray() || !ports.containsKey(e.getKey())) {
                    List<String> list = new ArrayList<>();
                    p.forEach(x -> list.add(x.asText()));
                    ports.put(e.getKey(), list);
                }
            });
        }
        return new ComposeProject(name, files, ports);
    }

    public Set<String> services() {
        return ports.keySet();
    }

    /**
     * The first published port with a fixed host port ("8001:8001", "127.0.0.1:8001:8001"), or null when every port
     * is either unpublished or published on a random host port ("127.0.0.1::8001", "8001").
     */
    public String fixedHostPort(String service) {
        for (String p : ports.getOrDefault(service, List.of())) {
            String spec = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
            String[] parts = spec.split(":");
            String host = parts.length == 3 ? parts[1] : parts.length == 2 ? parts[0] : "";
            if (!host.isEmpty()) {
                return p;
            }
        }
        return null;
    }
}
