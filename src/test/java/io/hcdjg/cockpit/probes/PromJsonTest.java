package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.ScrapeTarget;
import io.hcdjg.cockpit.model.Silence;
import io.hcdjg.cockpit.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsers on answers recorded from Debian's Prometheus 2.42 and Alertmanager 0.25 (fixtures/prometheus). */
class PromJsonTest {

    @Test
    void anInstantVectorKeepsLabelsAndValues() throws IOException {
        List<PromJson.Series> up = PromJson.result(Fixtures.read("prometheus/query-up.json"));
        assertEquals(3, up.size());
        PromJson.Series api = up.stream().filter(s -> "analytics-api".equals(s.labels().get("job")))
                .findFirst().orElseThrow();
        assertEquals("analytics-api:8001", api.labels().get("instance"));
        assertEquals(1.0, api.last());
    }

    @Test
    void scalarsNanAndInfinities() throws IOException {
        assertTrue(Double.isNaN(PromJson.result(Fixtures.read("prometheus/query-nan.json")).get(0).last()));
        assertEquals(Double.POSITIVE_INFINITY,
                PromJson.result(Fixtures.read("prometheus/query-inf.json")).get(0).last());
        assertEquals(List.of(), PromJson.result(Fixtures.read("prometheus/query-empty.json")));
    }

    @Test
    void aBadQueryIsAnApiErrorWithPrometheusOwnMessage() {
        String body = Fixtures.read("prometheus/query-bad.txt").lines().findFirst().orElseThrow();
        var e = assertThrows(PromJson.ApiError.class, () -> PromJson.result(body));
        assertEquals("bad_data: invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis",
                e.getMessage());
    }

    @Test
    void aRangeIsAMatrixOfPoints() throws IOException {
        List<PromJson.Series> r = PromJson.result(Fixtures.read("prometheus/query-range-up.json"));
        assertTrue(r.stream().allMatch(s -> s.points().size() == 3), r.toString());
        PromJson.Series api = r.stream().filter(s -> "analytics-api".equals(s.labels().get("job")))
                .findFirst().orElseThrow();
        assertEquals(List.of(0.0, 1.0, 1.0), api.points().stream().map(PromJson.Point::value).toList());
        assertTrue(r.get(0).points().get(0).at().isBefore(r.get(0).points().get(1).at()));
    }

    @Test
    void targets() throws IOException {
        List<ScrapeTarget> t = PromJson.targets(Fixtures.read("prometheus/targets.json"));
        assertEquals(List.of("alertmanager", "analytics-api", "prometheus"),
                t.stream().map(ScrapeTarget::job).sorted().toList());
        ScrapeTarget api = t.stream().filter(x -> x.job().equals("analytics-api")).findFirst().orElseThrow();
        assertEquals("analytics-api", api.service());
    }

    @Test
    void alertsFiringAndSilenced() throws IOException {
        Alert a = PromJson.alerts(Fixtures.read("prometheus/alerts.json")).get(0);
        assertEquals("ServiceDown", a.name());
        assertEquals("critical", a.severity());
        assertEquals("analytics-api", a.service());
        assertEquals("analytics-api is down", a.summary());
        assertEquals(Instant.parse("2026-11-28T05:28:38.426Z"), a.startsAt());
        assertTrue(a.firing());
        Alert s = PromJson.alerts(Fixtures.read("prometheus/alerts-silenced.json")).get(0);
        assertEquals("suppressed", s.state());
        assertEquals(List.of("4347f6ea-8003-42ca-9caa-e9246635d99e"), s.silencedBy());
    }

    @Test
    void silences() throws IOException {
        Silence s = PromJson.silences(Fixtures.read("prometheus/silences.json")).get(0);
        assertEquals("4347f6ea-8003-42ca-9caa-e9246635d99e", s.id());
        assertEquals("active", s.state());
        assertEquals("ops-oncall", s.createdBy());
        assertEquals(List.of("alertname=ServiceDown"), s.matchers());
        assertEquals("4347f6ea-8003-42ca-9caa-e9246635d99e",
                PromJson.silenceId(Fixtures.read("prometheus/silence-created.json")));
        assertEquals("comment in body is required",
                PromJson.errorMessage(Fixtures.read("prometheus/silence-bad.txt").lines().findFirst().orElseThrow()));
    }
}
