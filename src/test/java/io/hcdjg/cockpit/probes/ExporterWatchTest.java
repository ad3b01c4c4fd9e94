package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exporter judged by its traversals' progress and its error counter, on /metrics bodies of its real format. */
class ExporterWatchTest {
    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    /** What janusgraph_exporter.py serves, cut to the series that matter. */
    private static String body(int traversals, int queryErrors, int connection) {
        return "# HELP janusgraph_vertices_total Total number of vertices\n"
                + "# TYPE janusgraph_vertices_total gauge\n"
                + "janusgraph_vertices_total 17.0\n"
                + "janusgraph_query_duration_seconds_bucket{le=\"0.01\"} 0.0\n"
                + "janusgraph_query_duration_seconds_count " + traversals + ".0\n"
                + "janusgraph_query_duration_seconds_sum 1.25\n"
                + "janusgraph_errors_total{error_type=\"connection\"} 0.0\n"
                + "janusgraph_errors_total{error_type=\"query_execution\"} " + queryErrors + ".0\n"
                + "janusgraph_connection_status " + connection + ".0\n";
    }

    @Test
    void progressIsUpAStuckLoopIsStaleAndFailingQueriesAreDownThoughTheGaugeSaysConnected() {
        ExporterWatch w = new ExporterWatch();
        assertEquals(Health.up("its traversals answered 8 times so far"), w.judge(body(8, 0, 1), T0));
        assertEquals(Health.up("traversals completing (4 since the last probe)"),
                w.judge(body(12, 0, 1), T0.plusSeconds(15)));
        assertEquals(Health.up("last traversal finished 30 s ago"), w.judge(body(12, 0, 1), T0.plusSeconds(45)));
        assertEquals(Health.degraded("no traversal finished in 75 s and no error counted: its loop is stuck or slow"),
                w.judge(body(12, 0, 1), T0.plusSeconds(90)));
        // janusgraph_connection_status stays 1 while every query fails: the counter and the count tell the truth
        assertEquals(Health.down("no traversal finished in 90 s; 2 new errors (query_execution 2)"),
                w.judge(body(12, 2, 1), T0.plusSeconds(105)));
        assertEquals(Health.degraded("traversals completing, but 1 new errors (query_execution 1)"),
                w.judge(body(16, 3, 1), T0.plusSeconds(120)));
        assertEquals(Health.degraded("exporter reports janusgraph_connection_status 0 (7 samples)"),
                w.judge(body(16, 3, 0), T0.plusSeconds(135)));
    }

    @Test
    void anExporterWithoutTheJanusGraphSeriesIsJudgedByItsSamples() {
        assertEquals(Health.up("2 samples"), new ExporterWatch().judge("up 1\nprocess_cpu_seconds_total 3.5\n", T0));
    }
}
