package io.hcdjg.cockpit.demo;

import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.RequestOptions;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.util.function.Lambda;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in demo's Gremlin Server serves the sample graph to traversals and runs no code sent to it. */
class DemoStackTest {
    static DemoStack demo;
    static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoStack.start();
        cluster = Cluster.build("127.0.0.1").port(demo.gremlinPort()).create();
    }

    @AfterAll
    static void stop() {
        cluster.close();
        demo.close();
    }

    @Test
    void theSampleGraphAnswersTraversals() throws Exception {
        try (GraphTraversalSource g = AnonymousTraversalSource.traversal()
                .withRemote(DriverRemoteConnection.using(cluster, "g"))) {
            assertEquals(17L, g.V().count().next());
            assertEquals(6L, g.V().hasLabel("person").count().next());
            assertEquals("Alice Johnson", g.V().has("person", "name", "Alice Johnson").values("name").next());
        }
    }

    /** Each way a script can ask for a language: none (the server's default: Groovy), Groovy by name, gremlin-lang. */
    @Test
    void aScriptThatWouldRunAProcessIsRefusedAndRunsNothing(@TempDir Path dir) {
        Path marker = dir.resolve("ran");
        String script = "['touch', '" + marker + "'].execute().waitFor()";
        Client client = cluster.connect();
        for (RequestOptions options : List.of(RequestOptions.EMPTY,
                RequestOptions.build().language("gremlin-groovy").create(),
                RequestOptions.build().language("gremlin-lang").create())) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> client.submit(script, options).all().get(10, TimeUnit.SECONDS),
                    "language " + options.getLanguage());
            assertTrue(e.getCause().getMessage().contains(TraversalsOnly.REFUSED), e.getCause().getMessage());
            assertFalse(Files.exists(marker), "the script ran: " + marker + " exists");
        }
        ExecutionException plain = assertThrows(ExecutionException.class,
                () -> client.submit("g.V().count()").all().get(10, TimeUnit.SECONDS));
        assertTrue(plain.getCause().getMessage().contains(TraversalsOnly.REFUSED), "even a traversal as a script");
    }

    @Test
    void bytecodeWithALambdaOrTheIoStepIsRefused(@TempDir Path dir) throws Exception {
        Path written = dir.resolve("graph.json");
        try (GraphTraversalSource g = AnonymousTraversalSource.traversal()
                .withRemote(DriverRemoteConnection.using(cluster, "g"))) {
            Exception lambda = assertThrows(Exception.class,
                    () -> g.V().map(Lambda.function("['touch', '" + dir.resolve("ran") + "'].execute()")).toList());
            assertTrue(String.valueOf(rootMessage(lambda)).contains("runs no lambdas"), String.valueOf(lambda));
            Exception io = assertThrows(Exception.class, () -> g.io(written.toString()).write().iterate());
            assertTrue(String.valueOf(rootMessage(io)).contains("io step"), String.valueOf(io));
            assertEquals(17L, g.V().count().next(), "the connection still serves traversals");
        }
        assertFalse(Files.exists(dir.resolve("ran")));
        assertFalse(Files.exists(written));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        String port = String.format("%04X", demo.gremlinPort());
        List<String> listening = Files.readAllLines(Path.of("/proc/net/tcp")).stream().skip(1)
                .map(l -> l.trim().split("\\s+")).filter(f -> f[3].equals("0A") && f[1].endsWith(":" + port))
                .map(f -> f[1]).toList();
        List<String> listening6 = Files.readAllLines(Path.of("/proc/net/tcp6")).stream().skip(1)
                .map(l -> l.trim().split("\\s+")).filter(f -> f[3].equals("0A") && f[1].endsWith(":" + port))
                .map(f -> f[1]).toList();
        // 127.0.0.1 on an IPv4 socket, or as the IPv4-mapped address on an IPv6 one; never a wildcard.
        List<String> all = new ArrayList<>(listening);
        all.addAll(listening6);
        assertEquals(1, all.size(), String.valueOf(all));
        assertTrue(all.get(0).equals("0100007F:" + port)
                || all.get(0).equals("0000000000000000FFFF00000100007F:" + port), all.get(0));
    }
}
