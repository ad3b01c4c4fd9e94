package io.hcdjg.cockpit.podman;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStats;
import io.hcdjg.cockpit.model.PodmanConnection;
import io.hcdjg.cockpit.model.PodmanEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.hcdjg.cockpit.podman.PodmanArgv.onContainers;
import static io.hcdjg.cockpit.podman.PodmanArgv.projectFilter;
import static io.hcdjg.cockpit.podman.PodmanArgv.seconds;

/**
 * The podman CLI on one connection, as verbs: the rest of the cockpit never sees an argv. Every call names the
 * connection explicitly ({@code --connection NAME}): podman itself ignores PODMAN_CONNECTION, and silently using the
 * default connection is a known incident. Without a connection the local engine is used.
 * <p>
 * Queries throw when podman fails. The verbs that change something ({@link #restart}, {@link #rm}, {@link #exec},
 * compose up and down, ...) return the result whatever the exit code, because their callers record every process in
 * the audit log before judging it; they throw only when podman could not run, overran its timeout or was cancelled.
 * Where a verb takes {@code onLine}, each line of output goes to it as it comes (null: none).
 */
public final class Podman {
    static final Duration QUICK = Duration.ofSeconds(15);

    private final ProcessGateway gateway;
    private final Optional<String> connection;
    private final PodmanArgv argv;

    public Podman(ProcessGateway gateway, Optional<String> connection) {
        this.gateway = gateway;
        this.connection = connection;
        this.argv = new PodmanArgv(connection);
    }

    public Optional<String> connection() {
        return connection;
    }

    /** Every container of the project (running or not), matched by the compose project label. */
    public List<ContainerInfo> containers(String project) throws ProcessException {
        String json = gateway.run(argv.of("ps", "-a", "--filter", projectFilter(project),
                "--format", "json"), QUICK).stdout();
        try {
            List<ContainerInfo> containers = PodmanJson.ps(json);
            if (containers.isEmpty()) {
                return containers;
            }
            // A container removed between ps and inspect makes inspect fail; its restart count is then unknown.
            ProcessResult r = inspect(containers.stream().map(ContainerInfo::id).toList(), QUICK);
            Map<String, Integer> restarts = PodmanJson.restartCounts(r.ok() ? r.stdout() : "[]");
            return containers.stream().map(c -> c.withRestarts(restarts.getOrDefault(c.id(), 0))).toList();
        } catch (IOException e) {
            throw new ProcessException(argv.of("ps"), "podman ps gave unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * A file inside a container from byte {@code offset} on ({@code tail -c +N}, which the real images and busybox
     * both have): how a log kept in a container's own layer, on no volume, is followed without repeats.
     */
    public ProcessResult readFrom(String container, String path, long offset) throws ProcessException {
        return gateway.runAllowingFailure(argv.of("exec", container, "tail", "-c", "+" + (offset + 1), path),
                Duration.ofSeconds(30));
    }

    /** Each container of the project (by name) and its value of {@code label}, empty where it has none. */
    public Map<String, String> label(String project, String label) throws ProcessException {
        String out = gateway.run(argv.of("ps", "-a", "--filter", projectFilter(project),
                "--format", "{{.Names}}\t{{index .Labels \"" + label + "\"}}"), QUICK).stdout();
        Map<String, String> values = new TreeMap<>();
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
            ProcessResult r = gateway.runAllowingFailure(argv.of("inspect", "--format",
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
            return PodmanJson.stats(gateway.run(argv.of("stats", "--no-stream", "--format", "json"), QUICK).stdout());
        } catch (IOException e) {
            throw new ProcessException(argv.of("stats"), "podman stats gave unreadable JSON: " + e.getMessage());
        }
    }

    /** CPU and memory of the running containers every {@code interval}, from one {@code podman stats} process. */
    public ProcessGateway.Streaming statsStream(Duration interval, Consumer<List<ContainerStats>> onSample)
            throws ProcessException {
        return gateway.stream(argv.of("stats", "--format", "json", "--interval",
                String.valueOf(Math.max(1, interval.toSeconds()))), PodmanJson.samples(onSample));
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
        return gateway.stream(argv.of("events", "--format", "json", "--filter", "type=container",
                "--filter", projectFilter(project)), PodmanJson.events(onEvent));
    }

    /**
     * Reads a container's log with timestamps ({@code podman logs -t}), following it when {@code follow}; stdout and
     * stderr come undecoded in large reads. Close the handle to stop it.
     *
     * @param from where to start, podman's own option: "--tail=N" or "--since=WHEN"
     */
    public ProcessGateway.Streaming logs(String container, String from, boolean follow, ProcessGateway.Bytes onBytes)
            throws ProcessException {
        List<String> args = new ArrayList<>(List.of("logs", "-t"));
        if (follow) {
            args.add("-f");
        }
        args.addAll(List.of(from, container));
        return gateway.streamBytes(argv.of(args), onBytes);
    }

    /**
     * A container's log between two times, each line led by its timestamp, stdout and stderr as podman merges them;
     * read up to {@code maxBytes} and then stopped, so that a flood is never held whole.
     */
    public CappedOutput logWindow(String container, Instant since, Instant until, int maxBytes, Duration timeout)
            throws ProcessException, InterruptedException {
        return CappedOutput.read(gateway, argv.of("logs", "-t", "--since", since.toString(), "--until",
                until.toString(), container), maxBytes, timeout);
    }

    public ProcessResult inspect(List<String> containers, Duration timeout) throws ProcessException {
        List<String> args = new ArrayList<>(List.of("inspect", "--format", "json"));
        args.addAll(containers);
        return gateway.runAllowingFailure(argv.of(args), timeout);
    }

    /** The last {@code lines} lines of a container's log, stdout and stderr apart. */
    public ProcessResult logTail(String container, int lines, Duration timeout) throws ProcessException {
        return gateway.runAllowingFailure(argv.of("logs", "--tail", String.valueOf(lines), container), timeout);
    }

    /** Restarts the containers, each stopped within {@code grace} before it is killed. */
    public ProcessResult restart(List<String> containers, Duration grace, Duration timeout, Consumer<String> onLine)
            throws ProcessException {
        return run(onContainers(List.of("restart", "-t", seconds(grace)), containers), timeout, onLine);
    }

    /** Stops the containers, each within {@code grace} before it is killed. */
    public ProcessResult stop(List<String> containers, Duration grace, Duration timeout, Consumer<String> onLine)
            throws ProcessException {
        return run(onContainers(List.of("stop", "-t", seconds(grace)), containers), timeout, onLine);
    }

    public ProcessResult start(List<String> containers, Duration timeout, Consumer<String> onLine)
            throws ProcessException {
        return run(onContainers(List.of("start"), containers), timeout, onLine);
    }

    /** Removes a container, running or not ({@code rm -f}); {@code grace} null leaves the stop to its own timeout. */
    public ProcessResult rm(String container, Duration grace, Duration timeout, Consumer<String> onLine)
            throws ProcessException {
        List<String> args = new ArrayList<>(List.of("rm", "-f"));
        if (grace != null) {
            args.addAll(List.of("-t", seconds(grace)));
        }
        args.add(container);
        return run(args, timeout, onLine);
    }

    /** Runs {@code command} (an argv, no shell) in a running container. */
    public ProcessResult exec(String container, List<String> command, Duration timeout, Consumer<String> onLine)
            throws ProcessException {
        List<String> args = new ArrayList<>(List.of("exec", container));
        args.addAll(command);
        return run(args, timeout, onLine);
    }

    /** Copies {@code path} out of a container to {@code to} on this machine. */
    public ProcessResult copyOut(String container, String path, Path to, Duration timeout) throws ProcessException {
        return run(List.of("cp", container + ":" + path, to.toString()), timeout, null);
    }

    /** Copies {@code from} on this machine into a container at {@code path}. */
    public ProcessResult copyIn(Path from, String container, String path, Duration timeout) throws ProcessException {
        return run(List.of("cp", from.toString(), container + ":" + path), timeout, null);
    }

    public ProcessResult networkRm(String network, Duration timeout) throws ProcessException {
        return run(List.of("network", "rm", network), timeout, null);
    }

    /** Disk used by images, containers and volumes, each listed ({@code system df -v}). */
    public ProcessResult systemDf(Duration timeout) throws ProcessException {
        return run(List.of("system", "df", "-v"), timeout, null);
    }

    public boolean imageExists(String image, Duration timeout) throws ProcessException {
        return run(List.of("image", "exists", image), timeout, null).ok();
    }

    /** An image's value of {@code label} ("&lt;no value&gt;" where it has none); empty when there is no such image. */
    public Optional<String> imageLabel(String image, String label, Duration timeout) throws ProcessException {
        ProcessResult r = run(List.of("image", "inspect", "--format", "{{index .Labels \"" + label + "\"}}", image),
                timeout, null);
        return r.ok() ? Optional.of(r.stdout().strip()) : Optional.empty();
    }

    /**
     * Builds {@code image} from a local context, never pulling (no registry need be reachable).
     *
     * @param label KEY=VALUE set on the image
     */
    public ProcessResult build(String image, String label, Path containerfile, Path context, Duration timeout,
                               Consumer<String> onLine) throws ProcessException {
        return run(List.of("build", "--pull=never", "--label", label, "-t", image, "-f", containerfile.toString(),
                context.toString()), timeout, onLine);
    }

    /** Makes {@code image} from a root file system tarball, with Containerfile instructions ({@code --change}). */
    public ProcessResult importImage(Path tar, String image, List<String> changes, Duration timeout,
                                     Consumer<String> onLine) throws ProcessException {
        List<String> args = new ArrayList<>(List.of("import"));
        changes.forEach(c -> args.addAll(List.of("--change", c)));
        args.addAll(List.of(tar.toString(), image));
        return run(args, timeout, onLine);
    }

    /**
     * {@code podman-compose up -d} for the project (one service, or all when {@code service} is null), on this
     * connection, in the folder of the first file; later files override earlier ones.
     */
    public ProcessResult composeUp(String project, List<Path> files, String service, Duration timeout,
                                   Consumer<String> onLine) throws ProcessException {
        List<String> command = new ArrayList<>(List.of("up", "-d"));
        if (service != null) {
            command.add(service);
        }
        return compose(project, files, command, timeout, onLine);
    }

    /** {@code podman-compose down} for the project, on this connection, in the folder of the first file. */
    public ProcessResult composeDown(String project, List<Path> files, Duration timeout, Consumer<String> onLine)
            throws ProcessException {
        return compose(project, files, List.of("down"), timeout, onLine);
    }

    private ProcessResult compose(String project, List<Path> files, List<String> command, Duration timeout,
                                  Consumer<String> onLine) throws ProcessException {
        return gateway.with(argv.environment()).runAllowingFailure(PodmanArgv.compose(project, files, command),
                timeout, files.get(0).getParent(), onLine);
    }

    private ProcessResult run(List<String> args, Duration timeout, Consumer<String> onLine) throws ProcessException {
        return gateway.runAllowingFailure(argv.of(args), timeout, null, onLine);
    }
}
