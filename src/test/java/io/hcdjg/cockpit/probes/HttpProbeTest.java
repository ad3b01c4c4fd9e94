package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.testing.BlackHole;
import io.hcdjg.cockpit.testing.Fixtures;
import io.hcdjg.cockpit.testing.MonitoringServers;
import io.hcdjg.cockpit.testing.Ports;
import io.hcdjg.cockpit.testing.Services;
import io.hcdjg.cockpit.testing.StandInServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HTTP probes over real sockets: real Prometheus and Alertmanager, and stand-ins (clearly named) for the services that
 * cannot run here, answering what each documents.
 */
class HttpProbeTest {
    static final ProbeFactory probes = new ProbeFactory();

    @AfterAll
    static void close() {
        probes.close();
    }

    private static Health check(String name, ProbeKind kind, int port) {
        return probes.create(Services.at(name, kind, port)).check();
    }

    @Test
    @ExtendWith(MonitoringServers.Extension.class)
    void realPrometheusAndAlertmanagerAreHealthy(MonitoringServers servers) {
        assertEquals(Health.up("HTTP 200"), check("prometheus", ProbeKind.PROMETHEUS, servers.prometheusPort()));
        assertEquals(Health.up("HTTP 200"), check("alertmanager", ProbeKind.ALERTMANAGER, servers.alertmanagerPort()));
    }

    @Test
    void aStandInVaultGoesFromUninitialisedToSealedToActive() {
        try (StandInServer vault = StandInServer.answering("/v1/sys/health", 501,
                Fixtures.read("http/vault-501.json"))) {
            Health h = check("vault", ProbeKind.VAULT, vault.port());
            assertEquals(HealthLevel.DOWN, h.level());
            assertEquals("Vault is not initialised: run vault operator init (Vault 1.15.4)", h.reason());

            vault.answer(503, Fixtures.read("http/vault-503.json"));
            assertEquals("Vault is sealed: unseal it with 3 of the 5 keys (Vault 1.15.4)",
                    check("vault", ProbeKind.VAULT, vault.port()).reason());

            vault.answer(200, Fixtures.read("http/vault-200.json"));
            assertEquals(Health.up("active, unsealed (Vault 1.15.4)"), check("vault", ProbeKind.VAULT, vault.port()));
        }
    }

    @Test
    void standInsOfTheOtherServicesAreReadByTheirHealthField() {
        record Case(ProbeKind kind, int status, String fixture, String reason) {
        }
        var cases = new Case[]{
                new Case(ProbeKind.OPENSEARCH, 200, "http/opensearch-yellow.json",
                        "cluster status yellow: 3 unassigned shards (opensearch-cluster)"),
                new Case(ProbeKind.ANALYTICS_API, 200, "http/analytics-api-degraded.json",
                        "analytics-api reports status=degraded (janusgraph unreachable)"),
                new Case(ProbeKind.PULSAR, 200, "http/pulsar-clusters.json", "clusters: standalone"),
                new Case(ProbeKind.GRAFANA, 200, "http/grafana-health.json", "database ok (Grafana 10.2.3)"),
                new Case(ProbeKind.LOKI, 200, "http/loki-ready.txt", "ready"),
                new Case(ProbeKind.JUPYTER, 200, "http/jupyter-api.json", "Jupyter Server 2.12.5"),
                new Case(ProbeKind.METRICS, 200, "http/exporter-metrics.txt",
                        "its traversals answered 52 times so far"),
                new Case(ProbeKind.OPENSEARCH_DASHBOARDS, 200, "http/dashboards-status.json", "status available"),
        };
        for (Case c : cases) {
            try (StandInServer s = StandInServer.answering(c.kind().defaultPath(), c.status(),
                    Fixtures.read(c.fixture()))) {
                assertEquals(c.reason(), check("analytics-api", c.kind(), s.port()).reason(), c.kind().name());
            }
        }
    }

    @Test
    void refusedAndSilentEndpoints() throws Exception {
        int closed = Ports.closed();
        assertEquals(Health.unreachable("connection refused on 127.0.0.1:" + closed),
                check("grafana", ProbeKind.GRAFANA, closed));
        try (BlackHole hole = new BlackHole()) {
            Health h = probes.create(Services.at("grafana", ProbeKind.GRAFANA, hole.port(), Duration.ofMillis(500)))
                    .check();
            assertEquals(Health.unreachable("no answer in 500 ms"), h);
        }
    }
}
