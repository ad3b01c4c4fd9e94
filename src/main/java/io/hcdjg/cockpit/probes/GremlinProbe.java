package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.Health;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;

import java.util.concurrent.TimeUnit;

/**
 * Submits a real traversal over the Gremlin WebSocket with the TinkerPop driver. JanusGraph has no HTTP health endpoint
 * (stack-reference §2), so this is the only honest probe. The traversal goes as bytecode on the source {@code g}, as
 * the analytics-api sends its own: it needs no script engine on the server (the demo's has none that runs Groovy).
 * The connection is kept between checks and rebuilt after a failure, so a restarted server is picked up on the next
 * check.
 */
final class GremlinProbe implements Probe {
    private final ServiceConfig service;
    private Cluster cluster;
    private GraphTraversalSource g;

    GremlinProbe(ServiceConfig service) {
        this.service = service;
    }

    @Override
    public synchronized Health check() {
        long timeoutMs = service.timeout().toMillis();
        try {
            if (g == null) {
                cluster = Cluster.build(service.host()).port(service.port())
                        .connectionSetupTimeoutMillis(timeoutMs)
                        .maxWaitForConnection((int) timeoutMs)
                        .minConnectionPoolSize(1).maxConnectionPoolSize(1)
                        .workerPoolSize(1).nioPoolSize(1)
                        .create();
                g = AnonymousTraversalSource.traversal().withRemote(DriverRemoteConnection.using(cluster, "g"));
            }
            long count = g.V().limit(1).count().promise(Traversal::next).get(timeoutMs, TimeUnit.MILLISECONDS);
            return Health.up(count == 0 ? "traversal answered; the graph is empty" : "traversal answered");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return Health.unreachable("no answer in " + Failures.seconds(service.timeout()));
        } catch (Exception e) {
            close();
            return Failures.health(e, service.host(), service.port(), service.timeout());
        }
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            cluster.closeAsync();
        }
        cluster = null;
        g = null;
    }
}
