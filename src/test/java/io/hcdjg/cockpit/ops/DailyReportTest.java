package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.SlowQuery;

class DailyReportTest {
    static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    private static DailyReport.Data data() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        counts.put("analytics-api", new long[]{30, 2, 60, 1});
        counts.put("hcd-server", new long[]{4, 0, 0, 0});
        Incident open = new Incident("INC-0007", "janusgraph-server DOWN: <refused>", Priority.P0, Incident.State.OPEN,
                "health", "health:janusgraph-server", List.of("janusgraph-server"), AT.minusSeconds(600), null, null, 1,
                Set.of("detect"), List.of());
        Incident old = new Incident("INC-0001", "long gone", Priority.P3, Incident.State.RESOLVED, "manual", null,
                List.of(), AT.minusSeconds(9 * 86400), null, AT.minusSeconds(8 * 86400), 1, Set.of(), List.of());
        return new DailyReport.Data(AT, "janusgraph-demo", counts, List.of("2026-11-28T08:59:00Z analytics-api "
                + "DROP TABLE x | y"), List.of(
                new DailyReport.MetricDay("p95 query latency", "s", 0.04, 0.127, 1.5, 96),
                new DailyReport.MetricDay("queries per second", "/s", Double.NaN, Double.NaN, Double.NaN, 0)),
                List.of(new SlowQuery("g.V().has('person','name','?').out('owns')", 900, 1532,
                        4, 2)),
                new CheckResult("last backup", HealthLevel.DEGRADED, "30 h 1 min old: hcd-janusgraph.tar.gz (1 KB)"),
                null, List.of(open, old));
    }

    @Test
    void markdownAndHtmlSideBySide(@TempDir Path dir) throws Exception {
        List<Path> files = new DailyReport(ZoneOffset.UTC).write(data(), dir);
        assertEquals(List.of("daily-report-2026-11-28.md", "daily-report-2026-11-28.html"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        String md = Files.readString(files.get(0));
        assertTrue(md.contains("| service | errors | slow queries | auth failures | destructive |\n"), md);
        assertTrue(md.contains("| analytics-api | 30 | 2 | 60 | 1 |\n| hcd-server | 4 | 0 | 0 | 0 |\n"
                + "| all | 34 | 2 | 60 | 1 |"),
                md);
        assertTrue(md.contains("| p95 query latency | 0.0400 s | 0.127 s | 1.50 s | 96 |"), md);
        assertTrue(md.contains("| queries per second | — | — | — | 0 |"), md);
        assertTrue(md.contains("DROP TABLE x \\| y"), md);
        assertTrue(md.contains("## Slow API queries (analytics-api profiler, since the API started)\n\n"
                + "| query pattern | runs | slow | avg | p95 |\n|---|---|---|---|---|\n"
                + "| g.V().has('person','name','?').out('owns') | 4 | 2 | 900 ms | 1532 ms |"), md);
        assertTrue(md.contains("| warn | 30 h 1 min old"), md);
        assertTrue(md.contains("| INC-0007 | P0 | open | L1 | 2026-11-28 08:50 |"), md);
        assertTrue(!md.contains("INC-0001"), "resolved more than a day ago: not in the daily report");
        assertTrue(md.contains("## Deterministic proof\n\n(not read)"), md);
        String html = Files.readString(files.get(1));
        assertTrue(html.contains("<td>janusgraph-server DOWN: &lt;refused&gt;</td>"), html);
        assertTrue(html.contains("<td class=\"warn\">warn</td>"), html);
        assertTrue(html.startsWith("<!doctype html>") && html.endsWith("</body></html>\n"));
    }

    @Test
    void noSecretOfAClassifiedLineReachesEitherFile(@TempDir Path dir) throws Exception {
        DailyReport.Data d = data();
        d = new DailyReport.Data(d.at(), d.project(), d.counts(), List.of("2026-11-28T08:59:00Z hcd-server auth failed "
                + "for cassandra with password=\"s3cret pw\" via http://ops:url-Pass-5@api:8001 key literal-Secret-9"),
                d.metrics(), d.slow(), d.backup(), d.proof(), d.incidents());
        List<Path> files = new DailyReport(ZoneOffset.UTC, new Redaction(
                List.of("literal-Secret-9"), List.of(), List.of())).write(d, dir);
        for (Path f : files) {
            String text = Files.readString(f);
            for (String secret : List.of("s3cret", "url-Pass-5", "literal-Secret-9")) {
                assertTrue(!text.contains(secret), secret + " in " + f + ":\n" + text);
            }
            assertTrue(text.contains("auth failed for cassandra with password="), text);
        }
    }
}
