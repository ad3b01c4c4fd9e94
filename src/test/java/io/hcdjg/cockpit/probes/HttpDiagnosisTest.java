package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpDiagnosisTest {

    private static Health diagnose(ProbeKind kind, int status, String fixture) {
        return HttpDiagnosis.diagnose(kind, kind.configName(), status, fixture == null ? "" : Fixtures.read(fixture));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            VAULT                 | 200 | http/vault-200.json                | UP       | \
            active, unsealed (Vault 1.15.4)
            VAULT                 | 429 | http/vault-429.json                | UP       | \
            standby, unsealed (Vault 1.15.4)
            VAULT                 | 501 | http/vault-501.json                | DOWN     | \
            Vault is not initialised: run vault operator init (Vault 1.15.4)
            VAULT                 | 503 | http/vault-503.json                | DOWN     | \
            Vault is sealed: unseal it with 3 of the 5 keys (Vault 1.15.4)
            VAULT                 | 472 |                                    | DEGRADED | \
            disaster-recovery secondary: not serving requests
            VAULT                 | 500 |                                    | DOWN     | HTTP 500 from /v1/sys/health
            OPENSEARCH            | 200 | http/opensearch-green.json         | UP       | \
            cluster status green (opensearch-cluster)
            OPENSEARCH            | 200 | http/opensearch-yellow.json        | DEGRADED | \
            cluster status yellow: 3 unassigned shards (opensearch-cluster)
            OPENSEARCH            | 200 | http/opensearch-red.json           | DOWN     | \
            cluster status red: primary shards unassigned (opensearch-cluster)
            OPENSEARCH_DASHBOARDS | 200 | http/dashboards-status.json        | UP       | status available
            ANALYTICS_API         | 200 | http/analytics-api-healthy.json    | UP       | status=healthy
            ANALYTICS_API         | 200 | http/analytics-api-degraded.json   | DEGRADED | \
            analytics-api reports status=degraded (janusgraph unreachable)
            PULSAR                | 200 | http/pulsar-clusters.json          | UP       | clusters: standalone
            GRAFANA               | 200 | http/grafana-health.json           | UP       | database ok (Grafana 10.2.3)
            GRAFANA               | 200 | http/grafana-health-failing.json   | DEGRADED | \
            database failing (Grafana 10.2.3)
            LOKI                  | 200 | http/loki-ready.txt                | UP       | ready
            LOKI                  | 503 | http/loki-not-ready.txt            | DEGRADED | \
            not ready: HTTP 503, Ingester not ready: waiting for 15s after being ready
            JUPYTER               | 200 | http/jupyter-api.json              | UP       | Jupyter Server 2.12.5
            METRICS               | 200 | http/exporter-metrics.txt          | UP       | 9 samples
            METRICS               | 200 | http/exporter-metrics-disconnected.txt | DEGRADED | \
            exporter reports janusgraph_connection_status 0 (9 samples)
            PROMETHEUS            | 200 |                                    | UP       | HTTP 200
            ALERTMANAGER          | 503 |                                    | DOWN     | HTTP 503
            HTTP                  | 404 |                                    | DOWN     | HTTP 404
            HTTP                  | 401 |                                    | DEGRADED | HTTP 401, needs credentials
            """)
    void readsEachServicesDocumentedAnswer(ProbeKind kind, int status, String fixture, HealthLevel level,
            String reason) {
        Health h = diagnose(kind, status, fixture);
        assertEquals(level, h.level());
        assertEquals(reason, h.reason());
    }

    @Test
    void analyticsApiAlwaysAnswers200SoTheStatusFieldDecides() {
        Health h = HttpDiagnosis.diagnose(ProbeKind.ANALYTICS_API, "analytics-api", 200, "{\"detail\":\"x\"}");
        assertEquals(HealthLevel.DOWN, h.level());
        assertEquals("analytics-api answered without a status field", h.reason());
    }

    @Test
    void garbageBodiesAreDiagnosedNotThrown() {
        assertEquals(HealthLevel.DOWN, HttpDiagnosis.diagnose(ProbeKind.OPENSEARCH, "o", 200, "<html>").level());
        assertEquals(HealthLevel.DOWN, HttpDiagnosis.diagnose(ProbeKind.PULSAR, "p", 200, "{}").level());
        assertEquals(HealthLevel.DEGRADED,
                HttpDiagnosis.diagnose(ProbeKind.METRICS, "m", 200, "# only comments\n").level());
        assertEquals(HealthLevel.DEGRADED, HttpDiagnosis.diagnose(ProbeKind.JUPYTER, "j", 200, "null").level());
    }

    @Test
    void errorBodiesAreCutToOneLine() {
        Health h = HttpDiagnosis.diagnose(ProbeKind.HTTP, "x", 502,
                "Bad gateway\nupstream: 10.0.0.1\n" + "x".repeat(500));
        assertEquals("HTTP 502: Bad gateway", h.reason());
    }

    @Test
    void onlyHttpKindsAreDiagnosedHere() {
        assertThrows(IllegalArgumentException.class, () -> HttpDiagnosis.diagnose(ProbeKind.CQL, "c", 200, ""));
    }
}
