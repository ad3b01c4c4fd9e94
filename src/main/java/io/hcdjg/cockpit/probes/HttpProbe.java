package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.ProbeKind;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** GETs a service's health endpoint and reads the answer with {@link HttpDiagnosis}. */
final class HttpProbe implements Probe {
    /** Health answers are small; a larger body is cut so that a misbehaving endpoint cannot flood memory. */
    /** Health pages and an exporter's /metrics are a few KB; past this the answer is not what a probe expects. */
    static final int MAX_BODY = 4 << 20;

    private final ServiceConfig service;
    private final HttpClient client;
    private final HttpRequest request;
    private final ExporterWatch exporter = new ExporterWatch();

    HttpProbe(ServiceConfig service, HttpClient client) {
        this.service = service;
        this.client = client;
        this.request = HttpRequest.newBuilder(URI.create(service.endpoint()))
                .timeout(service.timeout())
                .header("Accept", "application/json, text/plain, */*")
                .GET().build();
    }

    @Override
    public Health check() {
        try {
            HttpResponse<byte[]> response = BoundedHttp.send(client, request, MAX_BODY, service.timeout());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (service.probe() == ProbeKind.METRICS && response.statusCode() / 100 == 2) {
                return exporter.judge(body, Instant.now());
            }
            return HttpDiagnosis.diagnose(service.probe(), service.name(), response.statusCode(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unreachable("no answer in " + Failures.seconds(service.timeout()));
        } catch (IOException | RuntimeException e) {
            return Failures.health(e, service.host(), service.port(), service.timeout());
        }
    }
}
