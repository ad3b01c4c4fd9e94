package io.hcdjg.cockpit.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(CassandraServer.class)
class CassandraServerTest {

    @Test
    void answersItsReleaseVersionOverCql(CassandraServer.Endpoint cassandra) {
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
                .withLocalDatacenter(cassandra.datacenter())
                .build()) {
            String version = session.execute("SELECT release_version FROM system.local").one()
                    .getString("release_version");
            assertEquals(CassandraServer.VERSION, version);
            assertEquals("5.0.5", version);
        }
    }
}
