package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.testing.BlackHole;
import io.hcdjg.cockpit.testing.CassandraServer;
import io.hcdjg.cockpit.testing.Ports;
import io.hcdjg.cockpit.testing.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.hcdjg.cockpit.config.ServiceConfig;

/** The CQL probe against a real Cassandra 5.0.5 node (a separate JDK 17 process started by the fixture). */
@ExtendWith(CassandraServer.class)
class CqlProbeTest {
    final ProbeFactory probes = new ProbeFactory();

    @Test
    void aRealNodeAnswersWithItsVersionAndRingSize(CassandraServer.Endpoint cassandra) {
        try (Probe probe = probes.create(Services.at("hcd-server", ProbeKind.CQL, cassandra.port(),
                Duration.ofSeconds(5)))) {
            Health h = probe.check();
            assertEquals(Health.up("Cassandra " + CassandraServer.VERSION + ", 1 node up"), h);
            assertEquals(h, probe.check(), "the kept session answers again");
        }
    }

    @Test
    void aWrongDatacenterIsReportedNotHidden(CassandraServer.Endpoint cassandra) {
        var service = Services.at("hcd-server", ProbeKind.CQL, cassandra.port(), Duration.ofSeconds(5));
        var wrongDc = new ServiceConfig(service.name(), service.probe(), service.host(),
                service.port(), null, service.timeout(), true, null, "dc-that-does-not-exist");
        try (Probe probe = probes.create(wrongDc)) {
            assertEquals(Health.down("no node in datacenter 'dc-that-does-not-exist'; the cluster has datacenter1"),
                    probe.check());
        }
    }

    @Test
    void nothingListeningIsARefusedConnection(CassandraServer.Endpoint ignored) {
        int port = Ports.closed();
        try (Probe probe = probes.create(Services.at("hcd-server", ProbeKind.CQL, port, Duration.ofSeconds(2)))) {
            assertEquals(Health.unreachable("connection refused on 127.0.0.1:" + port), probe.check());
        }
    }

    @Test
    void aNodeThatNeverAnswersIsDownWithinItsTimeout(CassandraServer.Endpoint ignored) throws Exception {
        try (BlackHole hole = new BlackHole();
             Probe probe = probes.create(Services.at("hcd-server", ProbeKind.CQL, hole.port(),
                     Duration.ofSeconds(1)))) {
            long t0 = System.nanoTime();
            Health h = probe.check();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertEquals(Health.unreachable("no answer in 1 s"), h);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        }
    }
}
