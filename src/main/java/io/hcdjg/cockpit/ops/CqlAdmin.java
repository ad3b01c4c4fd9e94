package io.hcdjg.cockpit.ops;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.hcdjg.cockpit.config.ServiceConfig;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** The few CQL statements backup and restore need (schema and TRUNCATE), on hcd-server's published port. */
final class CqlAdmin implements AutoCloseable {
    private final CqlSession session;

    CqlAdmin(ServiceConfig hcd, Duration timeout) {
        session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(hcd.host(), hcd.port()))
                .withLocalDatacenter(hcd.datacenter())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, timeout)
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout).build())
                .build();
    }

    /** {@code CREATE KEYSPACE ...} as the cluster has it, or empty when it does not exist. */
    Optional<String> keyspaceCql(String keyspace) {
        session.refreshSchema();
        return session.getMetadata().getKeyspace(keyspace).map(k -> k.describe(false));
    }

    boolean hasTable(String keyspace, String table) {
        session.refreshSchema();
        return session.getMetadata().getKeyspace(keyspace).flatMap(k -> k.getTable(table)).isPresent();
    }

    void execute(String cql) {
        session.execute(cql);
    }

    @Override
    public void close() {
        session.close();
    }
}
