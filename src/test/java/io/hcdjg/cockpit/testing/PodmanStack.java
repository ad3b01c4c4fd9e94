package io.hcdjg.cockpit.testing;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.DemoCompose;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessGateway;
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
import java.util.List;
import java.util.Optional;

/**
 * The demo compose project, really running under podman, for the podman tests: brought up once per run with the
 * cockpit's own {@code demo up} code (images are built the first time) and taken down at the end if this run started
 * it. Tests that change it (scale, stop, kill) put it back as they found it.
 */
public final class PodmanStack implements BeforeEachCallback, ParameterResolver {
    public static final String PROJECT = DemoCompose.PROJECT;

    /** What a test needs: podman on the local engine and where the run's audit log goes. */
    public record Handle(Podman podman, Path auditFile, Path demoDir) {
        public List<ContainerInfo> containers() throws ProcessException {
            return podman.containers(PROJECT);
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
                // The same folder as `cockpit demo up`, so that a stack CI brought up is recognised as the demo's.
                Path demoDir = DemoCompose.defaultDir(System.getenv());
                DemoCompose demo = new DemoCompose(podman, demoDir, new AuditLog(auditFile, Clock.systemUTC()),
                        "on the local engine");
                boolean wasUp = answering();
                if (!wasUp) {
                    // A run that died may have left the project half up; start clean.
                    removeProject(podman);
                }
                long t0 = System.nanoTime();
                demo.up(line -> { });
                awaitPorts(Duration.ofSeconds(120));
                System.out.printf("demo stack up in %d ms%n", Duration.ofNanos(System.nanoTime() - t0).toMillis());
                return new Running(new Handle(podman, auditFile, demoDir), !wasUp);
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
                new DemoCompose(handle.podman(), handle.demoDir(), new AuditLog(handle.auditFile(), Clock.systemUTC()),
                        "on the local engine").down(line -> { });
            }
        }

        private static void removeProject(Podman podman) throws ProcessException {
            for (ContainerInfo c : podman.containers(PROJECT)) {
                podman.gateway().runAllowingFailure(podman.argv("rm", "-f", c.name()), Duration.ofSeconds(60));
            }
        }

        private static boolean answering() {
            return ports().stream().allMatch(Running::accepts);
        }

        private static void awaitPorts(Duration cap) throws InterruptedException {
            long deadline = System.nanoTime() + cap.toNanos();
            while (!answering()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the demo stack's ports did not open in " + cap.toSeconds() + " s");
                }
                Thread.sleep(250);
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
