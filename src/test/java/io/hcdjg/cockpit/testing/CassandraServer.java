package io.hcdjg.cockpit.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Cassandra 5.0.5 single node for CQL tests, run as a separate JDK 17 process because Cassandra 5.0
 * does not run on the JDK the tests use. It starts once per test JVM, on first use, on free loopback ports, and is
 * stopped when the run ends. Use {@code @ExtendWith(CassandraServer.class)} and take an {@link Endpoint} parameter,
 * or call {@link #get(ExtensionContext)}.
 */
public final class CassandraServer implements BeforeEachCallback, ParameterResolver {
    public static final String VERSION = "5.0.5";
    static final Path DEFAULT_JAVA = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    static final String SERVER_DIR = "config/compose/demo/images/cassandra";
    static final Duration READY_CAP = Duration.ofSeconds(120);

    // Small, fast-starting JVM: C1 only and a serial GC are plenty for a node that serves a few test queries.
    private static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-Xmn128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-XX:CICompilerCount=1");
    // Cassandra's own conf/jvm17-server.options list: its code and libraries reach into these JDK internals.
    private static final List<String> EXPORTS = List.of("java.base/jdk.internal.misc", "java.base/jdk.internal.ref",
            "java.base/sun.nio.ch", "java.management.rmi/com.sun.jmx.remote.internal.rmi", "java.rmi/sun.rmi.registry",
            "java.rmi/sun.rmi.server", "java.sql/java.sql", "java.base/java.lang.ref", "jdk.unsupported/sun.misc");
    private static final List<String> OPENS = List.of("java.base/java.lang.module", "java.base/jdk.internal.loader",
            "java.base/jdk.internal.ref", "java.base/jdk.internal.reflect", "java.base/jdk.internal.math",
            "java.base/jdk.internal.module", "java.base/jdk.internal.util.jar",
            "jdk.management/com.sun.management.internal", "java.base/sun.nio.ch", "java.base/java.io",
            "java.base/java.nio", "java.base/java.util.concurrent", "java.base/java.util",
            "java.base/java.util.concurrent.atomic", "java.base/java.lang", "java.base/java.math",
            "java.base/java.lang.reflect", "java.base/java.net");

    /** Where a CQL client reaches the node. */
    public record Endpoint(String host, int port, String datacenter) {
    }

    /** The node of this run, started on first use; aborts the test when JDK 17 or mvn is missing. */
    public static Endpoint get(ExtensionContext context) {
        // The store also remembers a failed start, so later tests fail at once with the same reason.
        return context.getRoot().getStore(ExtensionContext.Namespace.create(CassandraServer.class))
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class).endpoint;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Start here, not in beforeAll or resolveParameter: an abort in beforeAll shows in Surefire as "Tests run: 0"
        // with no reason, and one in resolveParameter becomes an error; in beforeEach each test is skipped with it.
        get(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Endpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get(context);
    }

    private record Running(Endpoint endpoint, Process process, Thread hook, Path dir)
            implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            String configured = System.getenv("CASSANDRA_JAVA");
            Path java = configured == null || configured.isBlank() ? DEFAULT_JAVA : Path.of(configured);
            if (!Files.isExecutable(java)) {
                Assumptions.abort("needs JDK 17 for Cassandra " + VERSION + " (no " + java
                        + "): apt-get install openjdk-17-jdk-headless, or point CASSANDRA_JAVA at a JDK 17 java");
            }
            Path mvn = onPath("mvn");
            if (mvn == null) {
                Assumptions.abort("needs mvn on PATH to resolve Cassandra " + VERSION
                        + "'s classpath: apt-get install maven");
            }
            try {
                Path repo = repoRoot();
                Path work = Files.createDirectories(repo.resolve("target/cassandra-server"));
                String classpath = classpath(mvn, repo.resolve(SERVER_DIR + "/pom.xml"), work);
                Path dir = Files.createTempDirectory(work, "node-");
                int storagePort = Ports.free();
                int nativePort = Ports.free();
                while (nativePort == storagePort) {
                    nativePort = Ports.free();
                }
                String yaml = Files.readString(repo.resolve(SERVER_DIR + "/cassandra.yaml.template"))
                        .replace("@STORAGE_PORT@", String.valueOf(storagePort))
                        .replace("@NATIVE_PORT@", String.valueOf(nativePort))
                        .replace("@DIR@", dir.toAbsolutePath().toString());
                Path config = Files.writeString(dir.resolve("cassandra.yaml"), yaml);
                List<String> argv = new ArrayList<>(List.of(java.toString()));
                argv.addAll(JVM_FLAGS);
                argv.add("-Djdk.attach.allowAttachSelf=true");
                EXPORTS.forEach(p -> argv.addAll(List.of("--add-exports", p + "=ALL-UNNAMED")));
                OPENS.forEach(p -> argv.addAll(List.of("--add-opens", p + "=ALL-UNNAMED")));
                // No cassandra.jmx.*.port: Cassandra then starts no JMX server at all, one port fewer to collide.
                argv.addAll(List.of("-Dcassandra.config=" + config.toUri(),
                        "-Dcassandra.storagedir=" + dir.toAbsolutePath(),
                        "-Dcassandra-foreground=yes",
                        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                        "-Dcassandra.ring_delay_ms=100",
                        "-Dcassandra.superuser_setup_delay_ms=0",
                        "-Dlogback.configurationFile=" + repo.resolve(SERVER_DIR + "/logback-quiet.xml"),
                        "-cp", classpath, "org.apache.cassandra.service.CassandraDaemon"));
                Path log = dir.resolve("cassandra.log");
                long started = System.nanoTime();
                Process process = new ProcessBuilder(argv).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                // For a test JVM that exits without closing the store; the data is throw-away, so no graceful stop.
                Thread hook = new Thread(process::destroyForcibly, "cassandra-server-kill");
                Runtime.getRuntime().addShutdownHook(hook);
                Running running = new Running(new Endpoint("127.0.0.1", nativePort, "datacenter1"), process, hook, dir);
                try {
                    String version = awaitCql(running, log);
                    System.out.printf("Cassandra %s CQL-ready on 127.0.0.1:%d in %d ms (log %s)%n", version, nativePort,
                            Duration.ofNanos(System.nanoTime() - started).toMillis(), log);
                    return running;
                } catch (RuntimeException | InterruptedException e) {
                    running.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not start Cassandra " + VERSION, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Cassandra " + VERSION, e);
            }
        }

        private static String awaitCql(Running running, Path log) throws InterruptedException {
            Endpoint e = running.endpoint;
            long deadline = System.nanoTime() + READY_CAP.toNanos();
            Exception last = null;
            while (true) {
                if (!running.process.isAlive()) {
                    throw new IllegalStateException("Cassandra exited with " + running.process.exitValue()
                            + " before CQL was ready" + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cassandra not CQL-ready on " + e.host() + ":" + e.port()
                            + " within " + READY_CAP.toSeconds() + " s (last: " + last + ")" + tail(log));
                }
                // A plain connect first: the driver is slow and noisy to fail while nothing listens yet.
                try (Socket probe = new Socket()) {
                    InetSocketAddress address = new InetSocketAddress(e.host(), e.port());
                    probe.connect(address, 1000);
                    try (CqlSession session = CqlSession.builder().addContactPoint(address)
                            .withLocalDatacenter(e.datacenter()).build()) {
                        return session.execute("SELECT release_version FROM system.local").one().getString(0);
                    }
                } catch (IOException | DriverException notYet) {
                    last = notYet;
                }
                Thread.sleep(250);
            }
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            // Keep the yaml and the log for a post-mortem; the data directories are only bulk.
            for (String sub : List.of("data", "commitlog", "saved_caches", "hints", "cdc_raw")) {
                try (Stream<Path> files = Files.walk(dir.resolve(sub))) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException | UncheckedIOException ignored) {
                    // best effort; target/ is cleaned by mvn clean anyway
                }
            }
        }
    }

    /** Cassandra's runtime classpath, resolved by Maven once and reused until the server pom changes. */
    private static String classpath(Path mvn, Path pom, Path work) throws IOException, InterruptedException {
        Path file = work.resolve("classpath.txt");
        if (Files.isRegularFile(file)
                && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) > 0) {
            String cp = Files.readString(file).strip();
            // A wiped ~/.m2 leaves a stale file behind.
            if (Stream.of(cp.split(File.pathSeparator)).allMatch(j -> Files.exists(Path.of(j)))) {
                return cp;
            }
        }
        // Resolve into a temp file and move it in whole, so a concurrent or killed run never sees half a file.
        // The path is absolute: a relative mdep.outputFile would land beside the server pom.
        Path tmp = Files.createTempFile(work, "classpath-", ".txt");
        Path log = work.resolve("mvn.log");
        try {
            Process mvnRun = new ProcessBuilder(mvn.toString(), "-B", "-q", "-f", pom.toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + tmp.toAbsolutePath())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!mvnRun.waitFor(5, TimeUnit.MINUTES)) {
                mvnRun.destroyForcibly();
                throw new IllegalStateException("mvn did not resolve Cassandra's classpath in 5 minutes" + tail(log));
            }
            if (mvnRun.exitValue() != 0 || Files.size(tmp) == 0) {
                throw new IllegalStateException("mvn failed (" + mvnRun.exitValue()
                        + ") to resolve Cassandra's classpath" + tail(log));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.readString(file).strip();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path repoRoot() {
        // Maven runs tests in the project dir; an IDE may use a subdirectory, so look upwards too.
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(SERVER_DIR + "/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + SERVER_DIR + "/pom.xml above " + System.getProperty("user.dir"));
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(no log at " + log + ": " + e + ")";
        }
    }
}
