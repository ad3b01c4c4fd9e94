package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.Health;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.Result;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Submits a real traversal over the Gremlin WebSocket with the TinkerPop driver. JanusGraph has no HTTP health endpoint
 * (stack-reference §2), so this is the only honest probe. The connection is kept between checks and rebuilt after a
 * failure, so a restarted server is picked up on the next check.
 */
final class GremlinProbe implements Probe {
    static final String TRAVERSAL = "g.V().limit(1).count()";

    private final ServiceConfig service;
    private Cluster cluster;
    private Client client;

    GremlinProbe(ServiceConfig service) {
        this.service = service;
    }

    @Override
    public synchronized Health check() {
        long timeoutMs = service.timeout().toMillis();
        try {
            if (client == null) {
                cluster = Cluster.build(service.host()).port(service.port())
                        .connectionSetupTimeoutMillis(timeoutMs)
                        .maxWaitForConnection((int) timeoutMs)
                        .minConnectionPoolSize(1).maxConnectionPoolSize(1)
                        .workerPoolSize(1).nioPoolSize(1)
                        .create();
                client = cluster.connect();
            }
            List<Result> results = client.submit(TRAVERSAL).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            long count = results.isEmpty() ? 0 : results.get(0).getLong();
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
        client = null;
    }
}
