package io.hcdjg.cockpit.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

import java.net.InetSocketAddress;
import java.time.Duration;

/** CQL on the demo project's hcd-server (127.0.0.1:19042), for tests that own a keyspace of their own. */
public final class DemoCql {
    private DemoCql() {
    }

    /** A session with a long request timeout: schema changes snapshot first and take seconds. */
    public static CqlSession session() {
        return CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", 19042))
                .withLocalDatacenter("datacenter1").withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60)).build()).build();
    }

    /** Keyspace {@code ks} with a table {@code t} holding one row. */
    public static void smallKeyspace(String ks) {
        try (CqlSession s = session()) {
            s.execute("CREATE KEYSPACE IF NOT EXISTS " + ks + " WITH replication = {'class': 'SimpleStrategy', "
                    + "'replication_factor': 1}");
            s.execute("CREATE TABLE IF NOT EXISTS " + ks + ".t (id int PRIMARY KEY, v text)");
            s.execute("INSERT INTO " + ks + ".t (id, v) VALUES (1, 'one')");
        }
    }
}
