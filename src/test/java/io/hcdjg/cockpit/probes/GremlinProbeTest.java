package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.demo.DemoStack;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.testing.BlackHole;
import io.hcdjg.cockpit.testing.Ports;
import io.hcdjg.cockpit.testing.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Gremlin probe against a real TinkerPop Gremlin Server (the demo stack's, in-process, with the sample graph). */
class GremlinProbeTest {
    static DemoStack demo;

    @BeforeAll
    static void startServer() throws Exception {
        demo = DemoStack.start();
    }

    @AfterAll
    static void stopServer() {
        demo.close();
    }

    @Test
    void aRealTraversalAnswers() {
        try (Probe probe = new ProbeFactory().create(
                Services.at("janusgraph-server", ProbeKind.GREMLIN, demo.gremlinPort()))) {
            Health h = probe.check();
            assertEquals(HealthLevel.UP, h.level(), h.reason());
            assertEquals("traversal answered", h.reason());
            assertEquals(h, probe.check(), "the kept connection answers again");
        }
    }

    @Test
    void nothingListeningIsARefusedConnection() {
        int port = Ports.closed();
        try (Probe probe = new ProbeFactory().create(Services.at("janusgraph-server", ProbeKind.GREMLIN, port))) {
            Health h = probe.check();
            assertEquals(HealthLevel.DOWN, h.level());
            assertEquals("connection refused on 127.0.0.1:" + port, h.reason());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheProbeTimeout() throws Exception {
        try (BlackHole hole = new BlackHole();
             Probe probe = new ProbeFactory().create(
                     Services.at("janusgraph-server", ProbeKind.GREMLIN, hole.port(), Duration.ofSeconds(1)))) {
            long t0 = System.nanoTime();
            Health h = probe.check();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertEquals(HealthLevel.DOWN, h.level());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        }
    }
}
