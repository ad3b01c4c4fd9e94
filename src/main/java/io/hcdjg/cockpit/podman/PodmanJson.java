package io.hcdjg.cockpit.podman;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStats;
import io.hcdjg.cockpit.model.PodmanConnection;
import io.hcdjg.cockpit.model.PodmanEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.function.Consumer;

/** Parsers of podman's JSON output (podman 4.3: ps, stats, events, inspect, system connection list). Pure. */
public final class PodmanJson {
    static final String PROJECT = "io.podman.compose.project";
    static final String SERVICE = "com.docker.compose.service";
    static final String SERVICE_OLD = "io.podman.compose.service";
    static final String NUMBER = "com.docker.compose.container-number";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIZE = Pattern.compile("([0-9.]+)\\s*([kKMGTP]?i?B)");
    private static final Pattern HEALTH = Pattern.compile("\\((healthy|unhealthy|starting)\\)");

    private PodmanJson() {
    }

    /** {@code podman ps -a --format json}; containers without compose labels get an empty service. */
    public static List<ContainerInfo> ps(String json) throws IOException {
        List<ContainerInfo> out = new ArrayList<>();
        for (JsonNode c : tree(json)) {
            JsonNode labels = c.path("Labels");
            String status = c.path("Status").asText("");
            Matcher health = HEALTH.matcher(status);
            long started = c.path("StartedAt").asLong(0);
            List<String> ports = new ArrayList<>();
            for (JsonNode p : c.path("Ports")) {
                String hostIp = p.path("host_ip").asText("");
                ports.add((hostIp.isEmpty() ? "" : hostIp + ":") + p.path("host_port").asInt() + "->"
                        + p.path("container_port").asInt() + "/" + p.path("protocol").asText("tcp"));
            }
            out.add(new ContainerInfo(c.path("Id").asText(), c.path("Names").path(0).asText(),
                    labels.path(PROJECT).asText(""),
                    labels.path(SERVICE).asText(labels.path(SERVICE_OLD).asText("")),
                    labels.path(NUMBER).asInt(1), c.path("State").asText("unknown"), status,
                    health.find() ? health.group(1) : "", started > 0 ? Instant.ofEpochSecond(started) : null, 0,
                    c.path("Image").asText(""), ports, c.path("ExitCode").asInt(0), composeFiles(labels)));
        }
        return out;
    }

    /** podman-compose records where the project was started from: working_dir + config_files (comma-separated). */
    private static List<String> composeFiles(JsonNode labels) {
        String dir = labels.path("com.docker.compose.project.working_dir").asText("");
        String files = labels.path("com.docker.compose.project.config_files").asText("");
        List<String> out = new ArrayList<>();
        for (String f : files.split(",")) {
            if (!f.isBlank()) {
                Path p = Path.of(f.strip());
                out.add((p.isAbsolute() || dir.isEmpty() ? p : Path.of(dir).resolve(p)).toString());
            }
        }
        return out;
    }

    /** {@code podman inspect ID...}: restart counts by full id. */
    public static Map<String, Integer> restartCounts(String json) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode c : tree(json)) {
            out.put(c.path("Id").asText(), c.path("RestartCount").asInt(0));
        }
        return out;
    }

    /** {@code podman stats --no-stream --format json}: sizes come with SI or IEC units ("423.9MB / 25.28GB"). */
    public static List<ContainerStats> stats(String json) throws IOException {
        List<ContainerStats> out = new ArrayList<>();
        for (JsonNode s : tree(json)) {
            String[] mem = s.path("mem_usage").asText("0B / 0B").split("/");
            out.add(new ContainerStats(s.path("id").asText(), s.path("name").asText(),
                    percent(s.path("cpu_percent").asText("0%")), bytes(mem[0]), mem.length > 1 ? bytes(mem[1]) : 0));
        }
        return out;
    }

    /** One line of {@code podman events --format json}. */
    public static PodmanEvent event(String line) throws IOException {
        JsonNode e = JSON.readTree(line);
        JsonNode a = e.path("Attributes");
        return new PodmanEvent(Instant.parse(e.path("Time").asText()), e.path("Status").asText(""),
                e.path("ID").asText(""), e.path("Name").asText(""), a.path(PROJECT).asText(""),
                a.path(SERVICE).asText(a.path(SERVICE_OLD).asText("")),
                e.has("ContainerExitCode") ? e.path("ContainerExitCode").asInt() : null,
                e.path("HealthStatus").asText(""));
    }

    /** {@code podman system connection list --format json}. */
    public static List<PodmanConnection> connections(String json) throws IOException {
        List<PodmanConnection> out = new ArrayList<>();
        for (JsonNode c : tree(json)) {
            out.add(new PodmanConnection(c.path("Name").asText(), c.path("URI").asText(),
                    c.path("Default").asBoolean()));
        }
        return out;
    }

    static double percent(String text) {
        String t = text.strip().replace("%", "");
        try {
            return t.isEmpty() || t.equals("--") ? 0 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static long bytes(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.find()) {
            return 0;
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        boolean iec = unit.contains("i");
        double base = iec ? 1024 : 1000;
        int power = switch (Character.toUpperCase(unit.charAt(0))) {
            case 'K' -> 1;
            case 'M' -> 2;
            case 'G' -> 3;
            case 'T' -> 4;
            case 'P' -> 5;
            default -> 0;
        };
        return Math.round(v * Math.pow(base, power));
    }

    private static JsonNode tree(String json) throws IOException {
        JsonNode n = JSON.readTree(json.isBlank() ? "[]" : json);
        if (!n.isArray()) {
            throw new IOException("expected a JSON array from podman, got " + n.getNodeType());
        }
        return n;
    }

    /** A stream's lines to events; lines that are not events (a torn line at kill time) are skipped. */
    static Consumer<String> events(Consumer<PodmanEvent> onEvent) {
        return line -> {
            try {
                onEvent.accept(event(line));
            } catch (IOException | RuntimeException ignored) {
                // podman prints nothing else on stdout
            }
        };
    }

    /** {@code podman stats}' stream of lines to samples: it prints each sample as an indented JSON array. */
    static Consumer<String> samples(Consumer<List<ContainerStats>> onSample) {
        StringBuilder json = new StringBuilder();
        return line -> {
            json.append(line).append('\n');
            if (line.equals("]") || line.equals("[]")) {
                try {
                    onSample.accept(stats(json.toString()));
                } catch (IOException | RuntimeException ignored) {
                    // a torn sample at kill time
                }
                json.setLength(0);
            }
        };
    }
}
