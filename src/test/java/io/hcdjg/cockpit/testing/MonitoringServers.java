package io.hcdjg.cockpit.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real Prometheus and Alertmanager (Debian's prometheus and prometheus-alertmanager packages), started once per test
 * run on free loopback ports with configs written here, and stopped at the end of the run.
 */
public final class MonitoringServers implements ExtensionContext.Store.CloseableResource {

    /**
     * {@code @ExtendWith(MonitoringServers.Extension.class)}: starts the servers before each test (so a missing package
     * skips the test with its reason) and hands them to a {@code MonitoringServers} parameter.
     */
    public static final class Extension implements BeforeEachCallback, ParameterResolver {
        @Override
        public void beforeEach(ExtensionContext context) {
            get(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == MonitoringServers.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return get(e);
        }
    }

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");

    /** The alert the test rule raises from the scraped stand-in exporter (janusgraph_connection_status 0). */
    public static final String TEST_ALERT = "JanusGraphDisconnected";

    private final Process prometheus;
    private final Process alertmanager;
    private final StandInServer exporter;
    private final int prometheusPort;
    private final int alertmanagerPort;
    private final int deadPort;

    private MonitoringServers(Path dir) throws IOException, InterruptedException {
        alertmanagerPort = Ports.free();
        prometheusPort = Ports.free();
        deadPort = Ports.closed();
        // A STAND-IN exporter (the real one needs the stack): the exporter's metric names, connection lost.
        exporter = StandInServer.answering("/metrics", 200, Fixtures.read("http/exporter-metrics-disconnected.txt"));
        Path rules = Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: test
                    interval: 1s
                    rules:
                      - alert: %s
                        expr: janusgraph_connection_status == 0
                        labels: {severity: critical, service: janusgraph-exporter}
                        annotations: {summary: "the exporter lost its Gremlin connection"}
                      - alert: ServiceDown
                        expr: up == 0
                        labels: {severity: critical}
                        annotations: {summary: "{{ $labels.job }} is down"}
                """.formatted(TEST_ALERT));
        Path amConfig = Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: default
                receivers:
                  - name: default
                """);
        Path promConfig = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                  external_labels: {cluster: hcd-janusgraph, environment: development}
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['127.0.0.1:%d']
                rule_files: ['%s']
                scrape_configs:
                  - job_name: prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                  - job_name: janusgraph-exporter
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                        labels: {service: janusgraph}
                  - job_name: hcd
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(alertmanagerPort, rules, prometheusPort, exporter.port(), deadPort));
        alertmanager = start(dir.resolve("alertmanager.log"), List.of(ALERTMANAGER.toString(),
                "--config.file=" + amConfig, "--storage.path=" + dir.resolve("am-data"),
                "--web.listen-address=127.0.0.1:" + alertmanagerPort, "--cluster.listen-address="));
        prometheus = start(dir.resolve("prometheus.log"), List.of(PROMETHEUS.toString(),
                "--config.file=" + promConfig, "--storage.tsdb.path=" + dir.resolve("prom-data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort, "--web.enable-lifecycle",
                "--rules.alert.resend-delay=2s"));
        awaitReady(alertmanager, alertmanagerPort, dir.resolve("alertmanager.log"));
        awaitReady(prometheus, prometheusPort, dir.resolve("prometheus.log"));
    }

    /** The servers of this run, started on first use; aborts the test when the Debian packages are not installed. */
    public static MonitoringServers get(ExtensionContext context) {
        Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS) && Files.isExecutable(ALERTMANAGER),
                "needs real Prometheus and Alertmanager: apt-get install prometheus prometheus-alertmanager");
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(MonitoringServers.class, k -> {
                    try {
                        return new MonitoringServers(Files.createTempDirectory(Path.of("target").toAbsolutePath(),
                                "monitoring-"));
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("could not start Prometheus and Alertmanager", e);
                    }
                }, MonitoringServers.class);
    }

    public int prometheusPort() {
        return prometheusPort;
    }

    public int alertmanagerPort() {
        return alertmanagerPort;
    }

    public String prometheusUrl() {
        return "http://127.0.0.1:" + prometheusPort;
    }

    public String alertmanagerUrl() {
        return "http://127.0.0.1:" + alertmanagerPort;
    }

    private static Process start(Path log, List<String> argv) throws IOException {
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return p;
    }

    private static void awaitReady(Process p, int port, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                .timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready on port " + port + " in 30 s:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        exporter.close();
        for (Process p : List.of(prometheus, alertmanager)) {
            p.destroy();
        }
        for (Process p : List.of(prometheus, alertmanager)) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
