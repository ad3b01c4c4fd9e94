package io.hcdjg.cockpit.probes;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.Health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks HCD/Cassandra over CQL with the DataStax driver: {@code SELECT release_version FROM system.local}, then the
 * peers, so that a multi-node ring shows its size and which nodes are down. The session is kept between checks; the
 * driver reconnects by itself, with a short reconnection delay so that a node coming back is seen within a round or
 * two.
 */
final class CqlProbe implements Probe {
    private final ServiceConfig service;
    private CqlSession session;

    CqlProbe(ServiceConfig service) {
        this.service = service;
    }

    @Override
    public synchronized Health check() {
        Duration timeout = service.timeout();
        try {
            if (session == null) {
                // The driver reports a refused port as a closed channel after its whole connect timeout; a plain
                // connect first says what happened, at once.
                refusedReason(timeout).ifPresent(reason -> {
                    throw new Refused(reason);
                });
                session = CqlSession.builder()
                        .addContactPoint(new InetSocketAddress(service.host(), service.port()))
                        .withLocalDatacenter(service.datacenter())
                        .withConfigLoader(config(timeout))
                        .build();
            }
            Row local = session.execute(statement("SELECT release_version FROM system.local", timeout)).one();
            String version = local == null ? "?" : local.getString("release_version");
            int peers = peerCount(timeout);
            List<String> down = new ArrayList<>();
            for (Node node : session.getMetadata().getNodes().values()) {
                if (node.getState() == NodeState.DOWN || node.getState() == NodeState.FORCED_DOWN) {
                    down.add(String.valueOf(node.getBroadcastRpcAddress().orElse(null) != null
                            ? node.getBroadcastRpcAddress().get().getAddress().getHostAddress() : node.getEndPoint()));
                }
            }
            return CqlDiagnosis.ring(version, 1 + peers, down);
        } catch (Refused e) {
            return Health.unreachable(e.getMessage());
        } catch (NoNodeAvailableException e) {
            return Health.down(noNodeInDatacenter());
        } catch (Exception e) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
            closeWhenNeverConnected();
            return Failures.health(e, service.host(), service.port(), timeout);
        }
    }

    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private Optional<String> refusedReason(Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(service.host(), service.port()), (int) timeout.toMillis());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Failures.describe(e, service.host(), service.port(), timeout));
        }
    }

    /**
     * The driver only routes to the configured local datacenter: its nodes are all down (say so, with their state),
     * or it is not one the cluster has (say which ones it has).
     */
    private String noNodeInDatacenter() {
        Set<String> dcs = new TreeSet<>();
        List<String> ours = new ArrayList<>();
        for (Node n : session.getMetadata().getNodes().values()) {
            dcs.add(String.valueOf(n.getDatacenter()));
            if (service.datacenter().equals(n.getDatacenter())) {
                ours.add(n.getEndPoint() + " " + n.getState());
            }
        }
        if (!ours.isEmpty()) {
            return "no node of datacenter '" + service.datacenter() + "' answers: " + String.join(", ", ours);
        }
        return "no node in datacenter '" + service.datacenter() + "'"
                + (dcs.isEmpty() ? "" : "; the cluster has " + String.join(", ", dcs));
    }

    private int peerCount(Duration timeout) {
        try {
            ResultSet rs = session.execute(statement("SELECT peer FROM system.peers_v2", timeout));
            return rs.all().size();
        } catch (InvalidQueryException e) {
            // Cassandra 3.x has no peers_v2.
            return session.execute(statement("SELECT peer FROM system.peers", timeout)).all().size();
        }
    }

    private static SimpleStatement statement(String cql, Duration timeout) {
        return SimpleStatement.newInstance(cql).setTimeout(timeout);
    }

    private static DriverConfigLoader config(Duration timeout) {
        return DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, timeout)
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
                .withBoolean(DefaultDriverOption.RESOLVE_CONTACT_POINTS, false)
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, false)
                .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 1)
                .build();
    }

    /** A session that once connected reconnects by itself; one that never did is rebuilt on the next check. */
    private void closeWhenNeverConnected() {
        if (session != null && session.getMetadata().getNodes().values().stream()
                .noneMatch(n -> n.getState() == NodeState.UP)) {
            session.closeAsync();
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.closeAsync();
            session = null;
        }
    }
}
