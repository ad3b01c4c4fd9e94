package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.podman.HostTools;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo compose project that really runs here ({@code demo up} / {@code demo down}): its files ship in the jar,
 * its images are built locally (no registry is reachable) — a JRE 17 + busybox base image made with jlink and
 * {@code podman import}, then one image per service with {@code podman build --pull=never} — and each image is rebuilt
 * only when its files change. It uses the real stack's ports and, by default, its project name, so it acts only on
 * containers that carry its own label ({@link #LABEL}, set by its compose file): a project of that name that
 * {@code demo up} did not start is someone's real stack, and is never touched.
 */
public final class DemoCompose {
    public static final String DEFAULT_PROJECT = "janusgraph-demo";
    /** Set on every service by the demo's compose file: what proves a container is the demo's. */
    public static final String LABEL = "io.hcdjg.cockpit.demo";
    static final String BASE = "localhost/cockpit-demo/base:1";
    static final String HASH_LABEL = "cockpit.demo.hash";
    static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    static final Duration BUILD = Duration.ofMinutes(10);
    static final List<String> LIBS = List.of("libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1",
            "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2");
    /** The services of the demo project that answer a probe (graph-consumer has none). */
    public static final List<String> PROBED = List.of("alertmanager", "analytics-api", "hcd-server",
            "janusgraph-exporter", "janusgraph-server", "prometheus");
    /** service image ← folder under images/. */
    static final Map<String, String> IMAGES = Map.of("hcd-server", "cassandra", "janusgraph-server", "janusgraph",
            "prometheus", "prometheus", "alertmanager", "alertmanager", "analytics-api", "analytics-api");

    /** How long to wait for a container in which to check that service names resolve. */
    static final Duration NAMES_CHECK = Duration.ofSeconds(30);

    private final Podman podman;
    private final HostTools host;
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
        if (!io.hcdjg.cockpit.config.CockpitConfig.Stack.isProjectName(project)) {
            throw new IllegalArgumentException("not a compose project name: '" + project + "'");
        }
        this.podman = podman;
        this.host = host;
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
    public void up(java.util.function.Consumer<String> progress) throws ProcessException, IOException {
        audit.started(connection, "demo up");
        refuseForeignProject();
        List<Path> shipped = extract();
        String baseHash = hash(List.of(), "base-recipe-1");
        boolean rebuilt = false;
        if (!hasImage(BASE, baseHash)) {
            progress.accept("building the base image (JRE 17 + busybox, about a minute the first time)");
            buildBase(baseHash, progress);
            rebuilt = true;
        }
        for (Map.Entry<String, String> e : IMAGES.entrySet()) {
            String image = "localhost/cockpit-demo/" + e.getKey() + ":1";
            Path context = dir.resolve("images").resolve(e.getValue());
            String h = hash(shipped.stream().filter(f -> f.startsWith(context)).toList(), baseHash);
            if (hasImage(image, h)) {
                continue;
            }
            progress.accept("building " + image);
            prepare(e.getValue(), context, progress);
            checked("demo up", podman.build(image, HASH_LABEL + "=" + h, context.resolve("Containerfile"), context,
                    BUILD, progress));
            rebuilt = true;
        }
        if (rebuilt && !podman.containers(project).isEmpty()) {
            progress.accept("images changed: recreating the project's containers");
            checked("demo down", podman.composeDown(project, List.of(composeFile()), BUILD, composeLines(progress)));
        }
        progress.accept("starting " + project + " " + connection);
        checked("demo up", podman.composeUp(project, List.of(composeFile()), null, BUILD, composeLines(progress)));
        checkServiceNames(progress);
    }

    /** Stops and removes the project's containers, replicas and network (volumes are kept). */
    public void down(java.util.function.Consumer<String> progress) throws ProcessException, IOException {
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
    private void checkServiceNames(java.util.function.Consumer<String> progress) throws ProcessException, IOException {
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
    private static java.util.function.Consumer<String> composeLines(java.util.function.Consumer<String> progress) {
        return line -> {
            if (line.startsWith("podman ") || line.startsWith("Error")) {
                progress.accept(line);
            }
        };
    }

    private boolean hasImage(String image, String hash) throws ProcessException {
        return podman.imageLabel(image, HASH_LABEL, Duration.ofSeconds(30)).map(hash::equals).orElse(false);
    }

    /** JRE 17 by jlink, busybox with its applets, the glibc the JRE needs, minimal /etc; then podman import. */
    private void buildBase(String hash, java.util.function.Consumer<String> progress) throws ProcessException, IOException {
        Path jlink = JDK17.resolve("bin/jlink");
        if (!Files.isExecutable(jlink) || !Files.isDirectory(JDK17.resolve("jmods"))) {
            throw new ProcessException(List.of("jlink"), "building the demo images needs JDK 17 with jmods at " + JDK17
                    + ": apt-get install openjdk-17-jdk-headless");
        }
        Path root = dir.resolve("base/rootfs");
        deleteTree(dir.resolve("base"));
        Files.createDirectories(root.resolve("bin"));
        tool("demo up", List.of(jlink.toString(), "--module-path", JDK17.resolve("jmods").toString(), "--add-modules",
                "ALL-MODULE-PATH", "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2",
                "--output", root.resolve("opt/java").toString()), progress);
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            throw new ProcessException(List.of("busybox"), "building the demo images needs a static busybox: "
                    + "apt-get install busybox-static");
        }
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (String applet : host.run(List.of(busybox.toString(), "--list"), Duration.ofSeconds(10))
                .stdout().split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet.strip()), Path.of("busybox"));
            }
        }
        Path libs = Files.createDirectories(root.resolve("lib/x86_64-linux-gnu"));
        for (String lib : LIBS) {
            Path from = Stream.of("/lib/x86_64-linux-gnu/", "/usr/lib/x86_64-linux-gnu/").map(p -> Path.of(p + lib))
                    .filter(Files::exists).findFirst()
                    .orElseThrow(() -> new IOException("no " + lib + " on this host to put in the base image"));
            Files.copy(from.toRealPath(), libs.resolve(lib));
        }
        Files.createDirectories(root.resolve("lib64"));
        Files.copy(Path.of("/lib64/ld-linux-x86-64.so.2").toRealPath(), root.resolve("lib64/ld-linux-x86-64.so.2"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        Files.writeString(root.resolve("etc/nsswitch.conf"), "hosts: files dns\n");
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        tmp.toFile().setWritable(true, false);
        tool("demo up", List.of("chmod", "1777", tmp.toString()), progress);
        Path tar = dir.resolve("base/base.tar");
        tool("demo up", List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."), progress);
        checked("demo up", podman.importImage(tar, BASE, List.of("ENV PATH=/opt/java/bin:/bin", "ENV JAVA_HOME=/opt/java",
                "LABEL " + HASH_LABEL + "=" + hash), BUILD, progress));
        deleteTree(root);
        Files.deleteIfExists(tar);
    }

    /**
     * Fills an image's context with what its Containerfile copies but the jar cannot ship: a folder with a pom.xml gets
     * the jars it resolves in lib/; then binaries and the sample graph.
     */
    private void prepare(String folder, Path context, java.util.function.Consumer<String> progress)
            throws ProcessException, IOException {
        if (Files.exists(context.resolve("pom.xml"))) {
            deleteTree(context.resolve("lib"));
            progress.accept("resolving " + folder + " jars from Maven Central");
            tool("demo up", List.of("mvn", "-B", "-q", "-f", context.resolve("pom.xml").toString(),
                    "dependency:copy-dependencies", "-DoutputDirectory=" + context.resolve("lib")), progress);
        }
        switch (folder) {
            case "janusgraph" -> copyResource("/cockpit/sample-graph/banking-demo.graphml",
                    context.resolve("banking-demo.graphml"));
            case "prometheus" -> Files.copy(hostFile("/usr/bin/prometheus", "prometheus"), context.resolve("prometheus"),
                    StandardCopyOption.REPLACE_EXISTING);
            case "alertmanager" -> {
                Files.copy(hostFile("/usr/bin/prometheus-alertmanager", "prometheus-alertmanager"),
                        context.resolve("prometheus-alertmanager"), StandardCopyOption.REPLACE_EXISTING);
                for (String t : List.of("default.tmpl", "email.tmpl")) {
                    Files.copy(hostFile("/usr/share/prometheus/alertmanager/" + t, "prometheus-alertmanager"),
                            context.resolve(t), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            default -> {
            }
        }
    }

    private static Path hostFile(String path, String pkg) throws IOException {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw new IOException("building the demo images needs " + path + ": apt-get install " + pkg);
        }
        return p;
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

    private static void copyResource(String resource, Path to) throws IOException {
        try (InputStream in = DemoCompose.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the build");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A digest of the files the jar ships for an image (not the jars and binaries added to its context), so that an
     * image is rebuilt exactly when they change.
     */
    private static String hash(List<Path> files, String salt) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            for (Path f : files) {
                md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One of this machine's programs, recorded; a failure ends the action with its stderr. */
    private void tool(String action, List<String> argv, java.util.function.Consumer<String> progress)
            throws ProcessException, IOException {
        checked(action, host.runAllowingFailure(argv, BUILD, progress));
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

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
