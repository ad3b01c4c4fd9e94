package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.config.ServiceConfig;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** Builds the probe for a service's protocol; HTTP probes share one client. */
public final class ProbeFactory implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .executor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("http-probe-", 0).factory()))
            .build();

    public Probe create(ServiceConfig service) {
        return switch (service.probe()) {
            case GREMLIN -> new GremlinProbe(service);
            case CQL -> new CqlProbe(service);
            default -> new HttpProbe(service, http);
        };
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
