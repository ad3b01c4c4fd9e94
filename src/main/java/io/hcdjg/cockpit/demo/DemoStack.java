package io.hcdjg.cockpit.demo;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.probes.Probe;
import org.apache.tinkerpop.gremlin.server.GraphManager;
import org.apache.tinkerpop.gremlin.server.GremlinServer;
import org.apache.tinkerpop.gremlin.server.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The built-in demo stack: a real TinkerPop Gremlin Server, in-process, on a free loopback port, serving the sample
 * banking graph from TinkerGraph. The janusgraph-server tile points at it; the services the demo does not run are
 * shown as not running, never as up.
 *
 * <p>It runs traversals sent as bytecode only ({@link TraversalsOnly}): a script sent to its port (say {@code
 * ['id'].execute().text}) is refused, so no local process can run code as the operator through it.
 */
public final class DemoStack implements AutoCloseable {
    public static final String NOTICE = "Demo stack: an in-process Gremlin Server with the sample banking graph";
    static final String SAMPLE_GRAPH = "/cockpit/sample-graph/banking-demo.graphml";

    private final Path dir;
    private final GremlinServer server;
    private final int gremlinPort;

    private DemoStack(Path dir, GremlinServer server, int gremlinPort) {
        this.dir = dir;
        this.server = server;
        this.gremlinPort = gremlinPort;
    }

    public static DemoStack start() throws Exception {
        Path dir = Files.createTempDirectory("cockpit-demo-");
        Path graphFile = dir.resolve("banking-demo.graphml");
        try (InputStream in = DemoStack.class.getResourceAsStream(SAMPLE_GRAPH)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE_GRAPH + " is missing from the build");
            }
            Files.copy(in, graphFile);
        }
        Path properties = Files.writeString(dir.resolve("tinkergraph.properties"), String.join("\n",
                "gremlin.graph=org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph",
                "gremlin.tinkergraph.vertexIdManager=LONG",
                "gremlin.tinkergraph.edgeIdManager=LONG",
                "gremlin.tinkergraph.graphFormat=graphml",
                "gremlin.tinkergraph.graphLocation=" + graphFile, ""));
        Settings settings = new Settings();
        settings.host = "127.0.0.1";
        settings.port = freePort();
        settings.graphs = Map.of("graph", properties.toString());
        settings.scriptEngines = Map.of();
        settings.authorization.authorizer = TraversalsOnly.class.getName();

        GremlinServer server = new GremlinServer(settings);
        server.start().join();
        // What an init script would bind, without a script engine that could run one.
        GraphManager graphs = server.getServerGremlinExecutor().getGraphManager();
        graphs.putTraversalSource("g", graphs.getGraph("graph").traversal());
        return new DemoStack(dir, server, settings.port);
    }

    public int gremlinPort() {
        return gremlinPort;
    }

    /** The config with janusgraph-server (the Gremlin service) pointed at the in-process server. */
    public CockpitConfig apply(CockpitConfig config) {
        return config.withServices(config.services().stream()
                .map(s -> s.probe() == ProbeKind.GREMLIN ? s.at("127.0.0.1", gremlinPort) : s)
                .toList());
    }

    /** The real probe for what the demo runs; for everything else a probe that says the demo does not run it. */
    public Function<ServiceConfig, Probe> probes(Function<ServiceConfig, Probe> real) {
        return s -> s.probe() == ProbeKind.GREMLIN ? real.apply(s) : new NotRunning();
    }

    /** The demo does not run this service: say so, and measure nothing. */
    private static final class NotRunning implements Probe {
        @Override
        public Health check() {
            return Health.unknown("not running in the demo stack");
        }

        @Override
        public boolean measures() {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop().join();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
