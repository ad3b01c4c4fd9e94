package io.hcdjg.cockpit.podman;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStats;
import io.hcdjg.cockpit.model.PodmanConnection;
import io.hcdjg.cockpit.model.PodmanEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The podman CLI on one connection. Every call names the connection explicitly ({@code --connection NAME}): podman
 * itself ignores PODMAN_CONNECTION, and silently using the default connection is a known incident. Without a
 * connection the local engine is used.
 */
public final class Podman {
    static final Duration QUICK = Duration.ofSeconds(15);

    private final ProcessGateway gateway;
    private final Optional<String> connection;

    public Podman(ProcessGateway gateway, Optional<String> connection) {
        this.gateway = gateway;
        this.connection = connection;
    }

    public Optional<String> connection() {
        return connection;
    }

    /** The argv of a podman call on this connection. */
    public List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(List.of("podman"));
        connection.ifPresent(c -> argv.addAll(List.of("--connection", c)));
        argv.addAll(List.of(args));
        return argv;
    }

    /** For processes that run podman themselves (podman-compose): the connection as podman's own variable. */
    public Map<String, String> environment() {
        return connection.map(c -> Map.of("CONTAINER_CONNECTION", c)).orElse(Map.of());
    }

    public ProcessGateway gateway() {
        return gateway;
    }

    /** Every container of the project (running or not), matched by the compose project label. */
    public List<ContainerInfo> containers(String project) throws ProcessException {
        String json = gateway.run(argv("ps", "-a", "--filter", "label=" + PodmanJson.PROJECT + "=" + project,
                "--format", "json"), QUICK).stdout();
        try {
            List<ContainerInfo> containers = PodmanJson.ps(json);
            if (containers.isEmpty()) {
                return containers;
            }
            List<String> inspect = new ArrayList<>(List.of("inspect", "--format", "json"));
            containers.forEach(c -> inspect.add(c.id()));
            // A container removed between ps and inspect makes inspect fail; its restart count is then unknown.
            ProcessResult r = gateway.runAllowingFailure(argv(inspect.toArray(String[]::new)), QUICK);
            Map<String, Integer> restarts = PodmanJson.restartCounts(r.ok() ? r.stdout() : "[]");
            return containers.stream().map(c -> c.withRestarts(restarts.getOrDefault(c.id(), 0))).toList();
        } catch (IOException e) {
            throw new ProcessException(argv("ps"), "podman ps gave unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * A file inside a container from byte {@code offset} on ({@code tail -c +N}, which the real images and busybox
     * both have): how a log kept in a container's own layer, on no volume, is followed without repeats.
     */
    public ProcessResult readFrom(String container, String path, long offset) throws ProcessException {
        return gateway.runAllowingFailure(argv("exec", container, "tail", "-c", "+" + (offset + 1), path),
                Duration.ofSeconds(30));
    }

    /** Each container of the project (by name) and its value of {@code label}, empty where it has none. */
    public Map<String, String> label(String project, String label) throws ProcessException {
        String out = gateway.run(argv("ps", "-a", "--filter", "label=" + PodmanJson.PROJECT + "=" + project,
                "--format", "{{.Names}}\t{{index .Labels \"" + label + "\"}}"), QUICK).stdout();
        Map<String, String> values = new java.util.TreeMap<>();
        for (String line : out.split("\n")) {
            String[] nameAndValue = line.split("\t", 2);
            if (!nameAndValue[0].isBlank()) {
                String value = nameAndValue.length < 2 ? "" : nameAndValue[1].strip();
                values.put(nameAndValue[0].strip(), value.equals("<no value>") ? "" : value);
            }
        }
        return values;
    }

    /**
     * The container's log file when this machine can read it (local engine, k8s-file driver): reading it directly
     * costs a fraction of {@code podman logs}, which writes a syscall per line.
     */
    public Optional<Path> logFile(String container) {
        if (connection.isPresent()) {
            return Optional.empty();
        }
        try {
            ProcessResult r = gateway.runAllowingFailure(argv("inspect", "--format",
                    "{{.HostConfig.LogConfig.Type}}\t{{.HostConfig.LogConfig.Path}}", container), QUICK);
            String[] typeAndPath = r.stdout().strip().split("\t", 2);
            if (r.ok() && typeAndPath.length == 2 && typeAndPath[0].equals("k8s-file") && !typeAndPath[1].isEmpty()
                    && Files.isReadable(Path.of(typeAndPath[1]))) {
                return Optional.of(Path.of(typeAndPath[1]));
            }
        } catch (ProcessException e) {
            // podman logs will say what is wrong
        }
        return Optional.empty();
    }

    /** CPU and memory of the running containers. */
    public List<ContainerStats> stats() throws ProcessException {
        try {
            return PodmanJson.stats(gateway.run(argv("stats", "--no-stream", "--format", "json"), QUICK).stdout());
        } catch (IOException e) {
            throw new ProcessException(argv("stats"), "podman stats gave unreadable JSON: " + e.getMessage());
        }
    }

    public List<PodmanConnection> connections() throws ProcessException {
        try {
            // The list itself is local configuration: asking it through a connection would fail when that one is down.
            return PodmanJson.connections(gateway.run(List.of("podman", "system", "connection", "list", "--format",
                    "json"), QUICK).stdout());
        } catch (IOException e) {
            throw new ProcessException(List.of("podman", "system", "connection", "list"),
                    "unreadable connection list: " + e.getMessage());
        }
    }

    /** Follows the project's container events until closed; lines that are not events are skipped. */
    public ProcessGateway.Streaming events(String project, Consumer<PodmanEvent> onEvent) throws ProcessException {
        return gateway.stream(argv("events", "--format", "json", "--filter", "type=container",
                "--filter", "label=" + PodmanJson.PROJECT + "=" + project), line -> {
            try {
                onEvent.accept(PodmanJson.event(line));
            } catch (IOException | RuntimeException ignored) {
                // podman prints nothing else on stdout; a torn line at kill time is not an event
            }
        });
    }
}
