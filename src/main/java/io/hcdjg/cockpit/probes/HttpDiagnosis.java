package io.hcdjg.cockpit.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.ProbeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.io.IOException;

/**
 * Reads an HTTP health answer the way each service documents it (stack-reference §2). Pure: status code and body in,
 * health with a reason out.
 */
public final class HttpDiagnosis {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpDiagnosis() {
    }

    public static Health diagnose(ProbeKind kind, String service, int status, String body) {
        boolean wantsJson = switch (kind) {
            case VAULT, OPENSEARCH, PULSAR, GRAFANA, JUPYTER, ANALYTICS_API -> true;
            default -> false;
        };
        JsonNode j = wantsJson ? json(body) : null; // read once, and said so when it is not JSON
        if (wantsJson && ok(status) && body != null && !body.isBlank() && j == null) {
            return Health.down("HTTP " + status + " but the answer is not JSON: " + Failures.firstLine(body));
        }
        return switch (kind) {
            case VAULT -> vault(status, j);
            case OPENSEARCH -> ok(status) ? openSearch(j) : httpError(status, body);
            case OPENSEARCH_DASHBOARDS -> ok(status) ? dashboards(body) : httpError(status, body);
            case PULSAR -> ok(status) ? pulsar(j) : httpError(status, body);
            case GRAFANA -> ok(status) ? grafana(j) : httpError(status, body);
            case LOKI -> loki(status, body);
            case JUPYTER -> ok(status) ? jupyter(j) : httpError(status, body);
            case ANALYTICS_API -> ok(status) ? analyticsApi(service, j) : httpError(status, body);
            case METRICS -> ok(status) ? metrics(body) : httpError(status, body);
            case PROMETHEUS, ALERTMANAGER, HTTP -> ok(status) ? Health.up("HTTP " + status) : httpError(status, body);
            case GREMLIN, CQL -> throw new IllegalArgumentException(kind + " is not an HTTP probe");
        };
    }

    private static boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    private static Health httpError(int status, String body) {
        String detail = body == null || body.isBlank() ? "" : ": " + Failures.firstLine(body);
        if (status == 401 || status == 403) {
            return Health.degraded("HTTP " + status + ", needs credentials" + detail);
        }
        return Health.down("HTTP " + status + detail);
    }

    /** How the Vault reasons begin, for the recovery chain's R-codes. */
    public static final String VAULT_UNINITIALISED = "Vault is not initialised";
    public static final String VAULT_SEALED = "Vault is sealed";

    /**
     * Vault's sys/health status codes; the compose healthcheck hides sealed and uninitialised, the cockpit must not.
     */
    static Health vault(int status, JsonNode body) {
        String version = text(body, "version");
        String v = version.isEmpty() ? "" : " (Vault " + version + ")";
        return switch (status) {
            case 200 -> Health.up("active, unsealed" + v);
            case 429 -> Health.up("standby, unsealed" + v);
            case 473 -> Health.up("performance standby" + v);
            case 472 -> Health.degraded("disaster-recovery secondary: not serving requests" + v);
            case 501 -> Health.down(VAULT_UNINITIALISED + ": run vault operator init" + v);
            case 503 -> Health.down(VAULT_SEALED + ": unseal it with 3 of the 5 keys" + v);
            default -> Health.down("HTTP " + status + " from /v1/sys/health" + v);
        };
    }

    static Health openSearch(JsonNode body) {
        String status = text(body, "status");
        String cluster = text(body, "cluster_name");
        int unassigned = body == null ? 0 : body.path("unassigned_shards").asInt(0);
        String where = cluster.isEmpty() ? "" : " (" + cluster + ")";
        return switch (status) {
            case "green" -> Health.up("cluster status green" + where);
            case "yellow" -> Health.degraded("cluster status yellow: " + unassigned + " unassigned shard"
                    + (unassigned == 1 ? "" : "s") + where);
            case "red" -> Health.down("cluster status red: primary shards unassigned" + where);
            default -> Health.down("no cluster status in the answer");
        };
    }

    static Health dashboards(String body) {
        JsonNode json = json(body);
        String state = json == null ? "" : json.path("status").path("overall").path("state").asText("");
        if (state.equals("green") || body != null && body.contains("available") && state.isEmpty()) {
            return Health.up("status available");
        }
        if (state.equals("yellow")) {
            return Health.degraded("overall state yellow");
        }
        return Health.down(state.isEmpty() ? "status not available" : "overall state " + state);
    }

    static Health pulsar(JsonNode body) {
        if (body == null || !body.isArray()) {
            return Health.down("admin API did not list clusters");
        }
        List<String> clusters = new ArrayList<>();
        body.forEach(n -> clusters.add(n.asText()));
        return clusters.isEmpty() ? Health.degraded("admin API lists no cluster")
                : Health.up("clusters: " + String.join(", ", clusters));
    }

    static Health grafana(JsonNode body) {
        String database = text(body, "database");
        String version = text(body, "version");
        String v = version.isEmpty() ? "" : " (Grafana " + version + ")";
        return database.equals("ok") ? Health.up("database ok" + v)
                : Health.degraded("database " + (database.isEmpty() ? "not reported" : database) + v);
    }

    static Health loki(int status, String body) {
        String text = body == null ? "" : body.strip();
        if (ok(status) && text.equalsIgnoreCase("ready")) {
            return Health.up("ready");
        }
        return Health.degraded("not ready: HTTP " + status + (text.isEmpty() ? "" : ", " + Failures.firstLine(text)));
    }

    static Health jupyter(JsonNode body) {
        String version = text(body, "version");
        return version.isEmpty() ? Health.degraded("/api answered without a version")
                : Health.up("Jupyter Server " + version);
    }

    /** analytics-api answers 200 even when degraded: read status and which backends it could not reach. */
    static Health analyticsApi(String service, JsonNode body) {
        String status = text(body, "status").toLowerCase(Locale.ROOT);
        List<String> failing = new ArrayList<>();
        if (body != null) {
            body.path("services").fields().forEachRemaining(e -> {
                if (!e.getValue().asBoolean(true)) {
                    failing.add(e.getKey());
                }
            });
        }
        String why = failing.isEmpty() ? "" : " (" + String.join(", ", failing) + " unreachable)";
        return switch (status) {
            case "healthy", "ok" -> Health.up("status=" + status);
            case "degraded" -> Health.degraded(service + " reports status=degraded" + why);
            case "" -> Health.down(service + " answered without a status field");
            default -> Health.down(service + " reports status=" + status + why);
        };
    }

    /** An exporter's /metrics: Prometheus text format; the JanusGraph exporter also says whether it reaches Gremlin. */
    static Health metrics(String body) {
        long samples = 0;
        Double connection = null;
        for (String line : (body == null ? "" : body).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            samples++;
            if (line.startsWith("janusgraph_connection_status ")) {
                connection = parseDouble(line.substring("janusgraph_connection_status ".length()).strip());
            }
        }
        if (samples == 0) {
            return Health.degraded("/metrics is empty");
        }
        if (connection != null && connection == 0.0) {
            return Health.degraded("exporter reports janusgraph_connection_status 0 (" + samples + " samples)");
        }
        return Health.up(samples + " samples");
    }

    private static Double parseDouble(String s) {
        try {
            return Double.parseDouble(s.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null ? "" : node.path(field).asText("");
    }
}
