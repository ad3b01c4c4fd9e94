package io.hcdjg.cockpit.podman;

import io.hcdjg.cockpit.config.CockpitConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command lines of podman and podman-compose on one connection. Package-private: outside podman nobody builds a
 * podman argv, they call {@link Podman}'s verbs.
 */
final class PodmanArgv {
    private final Optional<String> connection;

    PodmanArgv(Optional<String> connection) {
        this.connection = connection;
    }

    /** The argv of a podman call on this connection: only this class builds one. */
    List<String> of(String... args) {
        return of(List.of(args));
    }

    List<String> of(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("podman"));
        connection.ifPresent(c -> argv.addAll(List.of("--connection", c)));
        argv.addAll(args);
        return argv;
    }

    /** For processes that run podman themselves (podman-compose): the connection as podman's own variable. */
    Map<String, String> environment() {
        return connection.map(c -> Map.of("CONTAINER_CONNECTION", c)).orElse(Map.of());
    }

    /** {@code podman-compose -p PROJECT -f FILE... COMMAND}; the connection goes in through {@link #environment}. */
    static List<String> compose(String project, List<Path> files, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("podman-compose", "-p", project));
        files.forEach(f -> argv.addAll(List.of("-f", f.toString())));
        argv.addAll(command);
        return argv;
    }

    static List<String> onContainers(List<String> verb, List<String> containers) {
        List<String> args = new ArrayList<>(verb);
        args.addAll(containers);
        return args;
    }

    static String seconds(Duration d) {
        return String.valueOf(d.toSeconds());
    }

    /**
     * The label filter of a compose project. Never empty: podman reads {@code label=io.podman.compose.project=} as
     * "any value", which would be every project on the machine.
     */
    static String projectFilter(String project) {
        if (!CockpitConfig.Stack.isProjectName(project)) {
            throw new IllegalArgumentException("not a compose project name: '" + project + "'");
        }
        return "label=" + PodmanJson.PROJECT + "=" + project;
    }
}
