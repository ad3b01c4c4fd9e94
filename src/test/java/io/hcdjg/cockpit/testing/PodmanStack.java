package io.hcdjg.cockpit.testing;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.DemoCompose;
import io.hcdjg.cockpit.podman.HostTools;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.podman.ProcessResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.probes.ProbeFactory;

/**
 * The demo compose project, really running under podman, for the podman tests: brought up once per run with the
 * cockpit's own {@code demo up} code (images are built the first time) under a project name of the suite's own — never
 * the real stack's {@code janusgraph-demo} — and taken down at the end if this run started it. Tests that change it
 * (scale, stop, kill) put it back as they found it.
 */
public final class PodmanStack implements BeforeEachCallback, ParameterResolver {
    public static final String PROJECT = "cockpit-test";
    /**
     * The config section that points a cockpit at the suite's project; tests with a config file of their own add it.
     */
    public static final String CONFIG = "stack:\n  project: " + PROJECT + "\n";

    /** The name podman-compose gives a service's first container in the suite's project. */
    public static String container(String service) {
        return PROJECT + "_" + service + "_1";
    }

    /**
     * An environment for a cockpit over the suite's project: {@code home} with a user config naming the project, so
     * nothing of the operator's own {@code ~/.config} is read.
     */
    public static Map<String, String> env(Path home) throws IOException {
        Path file = home.resolve(".config/hcd-janusgraph-cockpit/cockpit.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, CONFIG);
        return Map.of("HOME", home.toString());
    }

    /** What a test needs: podman on the local engine and where the run's audit log goes. */
    public record Handle(Podman podman, Path auditFile) {
        public List<ContainerInfo> containers() throws ProcessException {
            return podman.containers(PROJECT);
        }

        /**
         * A podman command the cockpit has no verb for, which tests set the stack up with ({@code run}, {@code kill}),
         * on the local engine; a non-zero exit throws.
         */
        public ProcessResult cli(Duration timeout, String... args) throws ProcessException {
            List<String> argv = new ArrayList<>(List.of("podman"));
            argv.addAll(List.of(args));
            return new ProcessGateway().run(argv, timeout);
        }
    }

    public static Handle get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(PodmanStack.class))
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class).handle;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        get(context); // here, not in beforeAll: a missing podman then skips each test with its reason
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Handle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return get(e);
    }

    private record Running(Handle handle, boolean startedHere) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            for (String tool : List.of("podman", "podman-compose")) {
                Assumptions.assumeTrue(onPath(tool), "needs " + tool + ": apt-get install podman podman-compose runc "
                        + "busybox-static (and runtime = \"runc\" in /etc/containers/containers.conf)");
            }
            try {
                Path work = Files.createDirectories(Path.of("target/podman-stack").toAbsolutePath());
                Path auditFile = work.resolve("audit.jsonl");
                Podman podman = new Podman(new ProcessGateway(), Optional.empty());
                DemoCompose demo = demo(podman, auditFile);
                boolean wasUp = answering() && running(podman);
                if (!wasUp) {
                    // A run that died may have left the suite's project half up; start clean (demo down removes
                    // only containers that carry the demo's label).
                    demo.down(line -> { });
                    List<Integer> taken = ports().stream().filter(Running::accepts).toList();
                    if (!taken.isEmpty()) {
                        throw new IllegalStateException("ports " + taken + " are in use by something other than the "
                                + "suite's project " + PROJECT
                                + " (a real janusgraph-demo?): the podman tests need them");
                    }
                }
                long t0 = System.nanoTime();
                demo.up(line -> { });
                awaitAnswers(Duration.ofSeconds(240));
                System.out.printf("demo stack up in %d ms%n", Duration.ofNanos(System.nanoTime() - t0).toMillis());
                return new Running(new Handle(podman, auditFile), !wasUp);
            } catch (ProcessException | IOException e) {
                throw new IllegalStateException("could not bring the demo stack up: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Throwable {
            if (startedHere) {
                demo(handle.podman(), handle.auditFile()).down(line -> { });
            }
        }

        /** The cockpit's demo code on the suite's project, building in the run's own cache folder. */
        private static DemoCompose demo(Podman podman, Path auditFile) {
            return new DemoCompose(podman, new HostTools(new ProcessGateway()), PROJECT,
                    DemoCompose.defaultDir(System.getenv()),
                    new AuditLog(auditFile, Clock.systemUTC()), "on the local engine");
        }

        private static boolean running(Podman podman) throws ProcessException {
            List<ContainerInfo> containers = podman.containers(PROJECT);
            return !containers.isEmpty() && containers.stream().allMatch(ContainerInfo::running);
        }

        private static boolean answering() {
            return ports().stream().allMatch(Running::accepts);
        }

        /** Every probed service of the demo answers its probe UP (JanusGraph takes 25-45 s after its port opens). */
        private static void awaitAnswers(Duration cap) throws InterruptedException {
            long deadline = System.nanoTime() + cap.toNanos();
            var config = new ConfigLoader(Map.of("HOME", "/nonexistent"))
                    .load(Optional.empty()).config();
            try (var probes = new ProbeFactory()) {
                for (var service : config.shownServices()) {
                    if (!DemoCompose.PROBED.contains(service.name())) {
                        continue;
                    }
                    try (var probe = probes.create(service)) {
                        Health h;
                        while (!(h = probe.check()).level().isUp()) {
                            if (System.nanoTime() > deadline) {
                                throw new IllegalStateException("the demo's " + service.name() + " did not answer in "
                                        + cap.toSeconds() + " s: " + h.reason());
                            }
                            Thread.sleep(500);
                        }
                    }
                }
            }
        }

        private static List<Integer> ports() {
            return List.of(19042, 18182, 9090, 9093, 8001, 8000);
        }

        private static boolean accepts(int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
