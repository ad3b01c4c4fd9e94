package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.podman.HostTools;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The demo compose project that really runs here ({@code demo up} / {@code demo down}): its files ship in the jar,
 * its images are built locally ({@link DemoImages}), each rebuilt only when its files change. It uses the real stack's
 * ports and, by default, its project name, so it acts only on containers that carry its own label ({@link #LABEL}, set
 * by its compose file): a project of that name that {@code demo up} did not start is someone's real stack, and is never
 * touched.
 */
public final class DemoCompose {
    public static final String DEFAULT_PROJECT = "janusgraph-demo";
    /** Set on every service by the demo's compose file: what proves a container is the demo's. */
    public static final String LABEL = "io.hcdjg.cockpit.demo";
    /** How long one build, compose up or compose down may take. */
    static final Duration BUILD = Duration.ofMinutes(10);
    /** The services of the demo project that answer a probe (graph-consumer has none). */
    public static final List<String> PROBED = List.of("alertmanager", "analytics-api", "hcd-server",
            "janusgraph-exporter", "janusgraph-server", "prometheus");

    /** How long to wait for a container in which to check that service names resolve. */
    static final Duration NAMES_CHECK = Duration.ofSeconds(30);

    private final Podman podman;
    private final DemoImages images;
    private final String project;
    private final Path dir;
    private final AuditLog audit;
    private final String connection;

    /**
     * @param host    jlink, busybox, chmod, tar and mvn, which make the images' contents
     * @param project the compose project name (not empty: podman's label filter would then match every project)
     * @param dir     where the project's files are extracted and its images' contexts are prepared
     */
    public DemoCompose(Podman podman, HostTools host, String project, Path dir, AuditLog audit, String connection) {
        if (!CockpitConfig.Stack.isProjectName(project)) {
            throw new IllegalArgumentException("not a compose project name: '" + project + "'");
        }
        this.podman = podman;
        this.images = new DemoImages(podman, host, dir, audit, connection);
        this.project = project;
        this.dir = dir;
        this.audit = audit;
        this.connection = connection;
    }

    public String project() {
        return project;
    }

    /** {@code $XDG_CACHE_HOME/hcd-janusgraph-cockpit/demo} (default {@code ~/.cache/...}). */
    public static Path defaultDir(Map<String, String> env) {
        String base = env.get("XDG_CACHE_HOME");
        Path root = base != null && !base.isBlank() ? Path.of(base)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        return root.resolve("hcd-janusgraph-cockpit").resolve("demo");
    }

    public Path composeFile() {
        return dir.resolve("compose.yml");
    }

    /** Builds what is missing or changed, then starts the project. Progress lines go to {@code progress}. */
    public void up(Consumer<String> progress) throws ProcessException, IOException {
        audit.started(connection, "demo up");
        refuseForeignProject();
        List<Path> shipped = extract();
        boolean rebuilt = images.buildChanged(shipped, progress);
        if (rebuilt && !podman.containers(project).isEmpty()) {
            progress.accept("images changed: recreating the project's containers");
            checked("demo down", podman.composeDown(project, List.of(composeFile()), BUILD, composeLines(progress)));
        }
        progress.accept("starting " + project + " " + connection);
        checked("demo up", podman.composeUp(project, List.of(composeFile()), null, BUILD, composeLines(progress)));
        checkServiceNames(progress);
    }

    /** Stops and removes the project's containers, replicas and network (volumes are kept). */
    public void down(Consumer<String> progress) throws ProcessException, IOException {
        audit.started(connection, "demo down");
        refuseForeignProject();
        extract();
        checked("demo down", podman.composeDown(project, List.of(composeFile()), BUILD, composeLines(progress)));
        for (ContainerInfo c : podman.containers(project)) {
            checked("demo down", podman.rm(c.name(), null, BUILD, progress));
        }
        audited("demo down", podman.networkRm(project + "_default", Duration.ofSeconds(30)));
    }

    /** A project of this name whose containers lack the demo's label is someone's real stack: never touch it. */
    private void refuseForeignProject() throws ProcessException {
        for (Map.Entry<String, String> c : podman.label(project, LABEL).entrySet()) {
            if (!c.getValue().equals("true")) {
                throw new ProcessException(List.of("demo"), "a " + project + " project that `demo up` did not start ("
                        + c.getKey() + ") is on this podman " + connection + ": the demo will not touch it (use "
                        + "--project NAME for the demo, or another connection)");
            }
        }
    }

    /** Without netavark and aardvark-dns podman falls back to CNI, which has no DNS here. */
    static final String NO_NAMES = "the demo's containers cannot reach each other by service name: install "
            + "netavark and aardvark-dns (apt-get install netavark aardvark-dns) and set [network] network_backend = "
            + "\"netavark\" in containers.conf";

    /** One container of the project must resolve another service's name, as the real stack's services do. */
    private void checkServiceNames(Consumer<String> progress) throws ProcessException, IOException {
        long deadline = System.nanoTime() + NAMES_CHECK.toNanos();
        while (System.nanoTime() < deadline) {
            List<ContainerInfo> running = podman.containers(project).stream().filter(ContainerInfo::running).toList();
            if (running.size() >= 2) {
                ContainerInfo from = running.get(0);
                String name = running.get(1).service();
                ProcessResult r = podman.exec(from.name(), List.of("nslookup", name), Duration.ofSeconds(15), null);
                if (r.ok() && !r.stdout().contains("NXDOMAIN")) {
                    progress.accept(from.service() + " resolves " + name + " by name");
                    return;
                }
                if (r.stdout().contains("NXDOMAIN") || r.stderr().contains("NXDOMAIN")) {
                    audited("demo up", r);
                    // aardvark-dns answers on the network's gateway; a refusal there is a DNS server that is not up
                    throw new ProcessException(List.of("demo"), (r.stderr().contains("Connection refused")
                            ? "podman's DNS server (aardvark-dns) does not answer on the project's network: stop a "
                            + "stale aardvark-dns (it is started again with the next container) or reinstall it"
                            : NO_NAMES) + " (" + from.service() + " cannot resolve " + name + ")");
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessException(List.of("demo"), "interrupted while checking service names");
            }
        }
        progress.accept("could not check that service names resolve: fewer than two containers ran within "
                + NAMES_CHECK.toSeconds() + " s");
    }

    /** podman-compose echoes every podman call it makes: those and its errors are the progress. */
    private static Consumer<String> composeLines(Consumer<String> progress) {
        return line -> {
            if (line.startsWith("podman ") || line.startsWith("Error")) {
                progress.accept(line);
            }
        };
    }

    /** Writes the project's files from the jar (or the build's classes) into {@link #dir}; returns them. */
    private List<Path> extract() throws IOException {
        URI uri;
        try {
            uri = DemoCompose.class.getResource("/cockpit/demo/compose.yml").toURI();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("the demo project is missing from the build", e);
        }
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return copyTree(jar.getPath("/cockpit/demo"));
            }
        }
        return copyTree(Path.of(uri).getParent());
    }

    private List<Path> copyTree(Path from) throws IOException {
        List<Path> copied = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                if (to.toString().endsWith(".sh")) {
                    to.toFile().setExecutable(true, false);
                }
                copied.add(to);
            }
        }
        return copied.stream().sorted().toList();
    }

    /** Records a process that ran; a failure ends the action with its stderr. */
    private void checked(String action, ProcessResult r) throws ProcessException, IOException {
        if (!audited(action, r).ok()) {
            throw new ProcessException.Failed(r);
        }
    }

    private ProcessResult audited(String action, ProcessResult r) throws IOException {
        audit.process(connection, action, r);
        return r;
    }
}
