package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.ProbeKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * HTTP answers of every shape — any status, JSON of the wrong shape, garbage, huge and odd numbers — give each probe
 * kind a health with a reason, and Prometheus's and Alertmanager's parsers an {@link IOException} at worst: nothing a
 * poller would die of.
 */
class GeneratedAnswersTest {

    @Property(tries = 1000)
    void everyAnswerGivesAHealthWithAReason(@ForAll ProbeKind kind, @ForAll @IntRange(min = 100, max = 599) int status,
                                            @ForAll("bodies") String body) {
        if (!kind.isHttp()) {
            return; // Gremlin and CQL answer through their drivers
        }
        Health h = HttpDiagnosis.diagnose(kind, "svc", status, body);
        assertNotNull(h.level());
        assertFalse(h.reason() == null || h.reason().isBlank(), h.toString());
        Health exporter = new ExporterWatch().judge(body, Instant.now());
        assertFalse(exporter.reason() == null || exporter.reason().isBlank(), exporter.toString());
    }

    @Property(tries = 1000)
    void theMonitoringParsersFailOnlyWithAnIoException(@ForAll("bodies") String body) {
        for (Parser p : new Parser[]{PromJson::result, PromJson::targets, PromJson::alerts, PromJson::silences,
                PromJson::silenceId}) {
            try {
                p.parse(body);
            } catch (IOException expected) {
                // a reason for the panel
            }
        }
    }

    interface Parser {
        Object parse(String body) throws IOException;
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> scalar = Arbitraries.of("\"abc\"", "1e400", "-0", "NaN", "\"+Inf\"", "null", "true", "{}",
                "[]", "\"2026-13-45T99:99:99Z\"", "\"\"", "12345678901234567890", "\"healthy\"", "\"degraded\"");
        Arbitrary<String> key = Arbitraries.of("status", "data", "resultType", "result", "value", "values", "metric",
                "activeTargets", "labels", "health", "startsAt", "endsAt", "state", "silencedBy", "matchers",
                "initialized", "sealed", "standby", "error", "janusgraph_connection_status", "slow_queries", "x");
        Arbitrary<String> shallow = Arbitraries.maps(key, scalar).ofMaxSize(5).map(m -> {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return b.append('}').toString();
        });
        Arbitrary<String> nested = Arbitraries.maps(key, Arbitraries.oneOf(scalar, shallow,
                shallow.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"))).ofMaxSize(4).map(m -> {
                    StringBuilder b = new StringBuilder("{");
                    m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":")
                            .append(v));
                    return b.append('}').toString();
                });
        Arbitrary<String> metrics = Arbitraries.of("janusgraph_connection_status", "janusgraph_errors_total",
                "janusgraph_query_duration_seconds_count", "# HELP x", "up").list().ofMaxSize(6)
                .map(l -> String.join(" abc\n", l) + " 1e999\n");
        return Arbitraries.oneOf(nested, nested.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                scalar, metrics, Arbitraries.strings().ofMaxLength(200));
    }
}
