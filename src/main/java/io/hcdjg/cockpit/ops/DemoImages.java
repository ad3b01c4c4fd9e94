package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.PrivateFiles;
import io.hcdjg.cockpit.podman.HostTools;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.hcdjg.cockpit.ops.DemoCompose.BUILD;

/**
 * The demo project's images, built locally because no registry is reachable: a JRE 17 + busybox base image made
 * with jlink and {@code podman import}, then one image per service with {@code podman build --pull=never}. Each image
 * carries a hash of the files it was built from ({@link #HASH_LABEL}) and is rebuilt only when they change.
 */
final class DemoImages {
    static final String BASE = "localhost/cockpit-demo/base:1";
    static final String HASH_LABEL = "cockpit.demo.hash";
    static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    static final List<String> LIBS = List.of("libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1",
            "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2");
    /** service image ← folder under images/. */
    static final Map<String, String> IMAGES = Map.of("hcd-server", "cassandra", "janusgraph-server", "janusgraph",
            "prometheus", "prometheus", "alertmanager", "alertmanager", "analytics-api", "analytics-api");

    private final Podman podman;
    private final HostTools host;
    private final Path dir;
    private final AuditLog audit;
    private final String connection;

    /**
     * @param host jlink, busybox, chmod, tar and mvn, which make the images' contents
     * @param dir  where the project's files were extracted and its images' contexts are prepared
     */
    DemoImages(Podman podman, HostTools host, Path dir, AuditLog audit, String connection) {
        this.podman = podman;
        this.host = host;
        this.dir = dir;
        this.audit = audit;
        this.connection = connection;
    }

    /**
     * Builds the base image and each service's image that is missing or whose shipped files changed.
     *
     * @return whether any image was (re)built, so that the project's containers must be recreated
     */
    boolean buildChanged(List<Path> shipped, Consumer<String> progress) throws ProcessException, IOException {
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
            checked(podman.build(image, HASH_LABEL + "=" + h, context.resolve("Containerfile"), context,
                    BUILD, progress));
            rebuilt = true;
        }
        return rebuilt;
    }

    private boolean hasImage(String image, String hash) throws ProcessException {
        return podman.imageLabel(image, HASH_LABEL, Duration.ofSeconds(30)).map(hash::equals).orElse(false);
    }

    /** JRE 17 by jlink, busybox with its applets, the glibc the JRE needs, minimal /etc; then podman import. */
    private void buildBase(String hash, Consumer<String> progress) throws ProcessException, IOException {
        Path jlink = JDK17.resolve("bin/jlink");
        if (!Files.isExecutable(jlink) || !Files.isDirectory(JDK17.resolve("jmods"))) {
            throw new ProcessException(List.of("jlink"), "building the demo images needs JDK 17 with jmods at " + JDK17
                    + ": apt-get install openjdk-17-jdk-headless");
        }
        Path root = dir.resolve("base/rootfs");
        PrivateFiles.deleteTree(dir.resolve("base"));
        Files.createDirectories(root.resolve("bin"));
        tool(List.of(jlink.toString(), "--module-path", JDK17.resolve("jmods").toString(), "--add-modules",
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
        Files.writeString(root.resolve("etc/passwd"),
                "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        Files.writeString(root.resolve("etc/nsswitch.conf"), "hosts: files dns\n");
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        tmp.toFile().setWritable(true, false);
        tool(List.of("chmod", "1777", tmp.toString()), progress);
        Path tar = dir.resolve("base/base.tar");
        tool(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."), progress);
        checked(podman.importImage(tar, BASE, List.of("ENV PATH=/opt/java/bin:/bin", "ENV JAVA_HOME=/opt/java",
                "LABEL " + HASH_LABEL + "=" + hash), BUILD, progress));
        PrivateFiles.deleteTree(root);
        Files.deleteIfExists(tar);
    }

    /**
     * Fills an image's context with what its Containerfile copies but the jar cannot ship: a folder with a pom.xml gets
     * the jars it resolves in lib/; then binaries and the sample graph.
     */
    private void prepare(String folder, Path context, Consumer<String> progress) throws ProcessException, IOException {
        if (Files.exists(context.resolve("pom.xml"))) {
            PrivateFiles.deleteTree(context.resolve("lib"));
            progress.accept("resolving " + folder + " jars from Maven Central");
            tool(List.of("mvn", "-B", "-q", "-f", context.resolve("pom.xml").toString(),
                    "dependency:copy-dependencies", "-DoutputDirectory=" + context.resolve("lib")), progress);
        }
        switch (folder) {
            case "janusgraph" -> copyResource("/cockpit/sample-graph/banking-demo.graphml",
                    context.resolve("banking-demo.graphml"));
            case "prometheus" -> Files.copy(hostFile("/usr/bin/prometheus", "prometheus"),
                    context.resolve("prometheus"), StandardCopyOption.REPLACE_EXISTING);
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

    private static void copyResource(String resource, Path to) throws IOException {
        try (InputStream in = DemoImages.class.getResourceAsStream(resource)) {
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
    private void tool(List<String> argv, Consumer<String> progress) throws ProcessException, IOException {
        checked(host.runAllowingFailure(argv, BUILD, progress));
    }

    /** Records a process that ran (images are built only by {@code demo up}); a failure ends it with its stderr. */
    private void checked(ProcessResult r) throws ProcessException, IOException {
        audit.process(connection, "demo up", r);
        if (!r.ok()) {
            throw new ProcessException.Failed(r);
        }
    }
}
