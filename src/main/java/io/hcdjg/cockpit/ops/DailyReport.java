package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.PrivateFiles;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.LogClass;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.SlowQuery;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.hcdjg.cockpit.model.MetricReading;

/**
 * The daily report of runbook §1.2: errors, slow queries and auth failures over 24 hours per service, the metrics'
 * summaries, the backup's age, the proof and the incidents — as Markdown and as HTML, side by side in a folder. Every
 * cell passes through the {@link Redaction}: the classified lines are the containers' own words.
 */
public final class DailyReport {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A metric over the day: min, mean and max of its samples, NaN without data. */
    public record MetricDay(String title, String unit, double min, double mean, double max, int samples) {
    }

    /**
     * @param counts  per service, lines of each class over 24 h (in {@link LogClass#ALL} order)
     * @param samples the newest classified lines, "time service text"
     * @param slow    the analytics-api profiler's query patterns, slowest first; null when it could not be asked
     */
    public record Data(Instant at, String project, Map<String, long[]> counts, List<String> samples,
                       List<MetricDay> metrics, List<SlowQuery> slow, CheckResult backup, ProofStatus proof,
                       List<Incident> incidents) {
    }

    private final ZoneId zone;
    private final Redaction redaction;

    public DailyReport(ZoneId zone, Redaction redaction) {
        this.zone = zone;
        this.redaction = redaction;
    }

    /** The built-in redaction only: for tests and tools without a config. */
    public DailyReport(ZoneId zone) {
        this(zone, Redaction.DEFAULT);
    }

    /** Writes {@code daily-report-<date>.md} and {@code .html} into {@code dir}; returns both. */
    public List<Path> write(Data d, Path dir) throws IOException {
        PrivateFiles.dirs(dir);
        String base = "daily-report-" + DAY.format(d.at().atZone(zone));
        Path md = dir.resolve(base + ".md");
        Path html = dir.resolve(base + ".html");
        PrivateFiles.write(md, markdown(d));
        PrivateFiles.write(html, html(d));
        return List.of(md, html);
    }

    /** The report as rows of sections; both renderings come from it. */
    private record Section(String title, List<String> header, List<List<String>> rows, String note) {
    }

    private List<Section> sections(Data d) {
        List<Section> out = new ArrayList<>();
        List<List<String>> logRows = new ArrayList<>();
        long[] total = new long[LogClass.ALL.size()];
        d.counts().forEach((service, c) -> {
            List<String> row = new ArrayList<>(List.of(service));
            for (int i = 0; i < c.length; i++) {
                row.add(String.valueOf(c[i]));
                total[i] += c[i];
            }
            logRows.add(row);
        });
        List<String> sum = new ArrayList<>(List.of("all"));
        for (long t : total) {
            sum.add(String.valueOf(t));
        }
        logRows.add(sum);
        List<String> header = new ArrayList<>(List.of("service"));
        LogClass.ALL.forEach(c -> header.add(c.plural()));
        out.add(new Section("Log review, last 24 hours", header, logRows, d.counts().isEmpty()
                ? "no container logs could be read" : null));
        out.add(new Section("Newest classified lines", List.of("line"), d.samples().stream().map(List::of).toList(),
                d.samples().isEmpty() ? "none" : null));
        out.add(new Section("Metrics over the day", List.of("metric", "min", "mean", "max", "samples"),
                d.metrics().stream().map(m -> List.of(m.title(), num(m.min(), m.unit()), num(m.mean(), m.unit()),
                        num(m.max(), m.unit()), String.valueOf(m.samples()))).toList(),
                d.metrics().isEmpty() ? "Prometheus could not be asked" : null));
        out.add(new Section("Slow API queries (analytics-api profiler, since the API started)", List.of("query pattern",
                "runs", "slow", "avg", "p95"), d.slow() == null ? List.of() : d.slow().stream().map(q -> List.of(
                q.pattern(), String.valueOf(q.executions()), String.valueOf(q.slow()), num(q.avgMs(), "ms"),
                num(q.p95Ms(), "ms"))).toList(), d.slow() == null ? "the profiler could not be asked"
                : d.slow().isEmpty() ? "it has timed no query" : null));
        out.add(new Section("Backup", List.of("result", "last backup"), List.of(List.of(d.backup().word(),
                d.backup().value())), null));
        out.add(new Section("Deterministic proof", List.of("verdict"), d.proof() == null ? List.of()
                : List.of(List.of(d.proof().summary())), d.proof() == null ? "not read" : null));
        Instant dayAgo = d.at().minus(Duration.ofDays(1));
        List<List<String>> inc = d.incidents().stream().filter(i -> !i.resolved() || i.resolvedAt().isAfter(dayAgo))
                .map(i -> List.of(i.id(), i.priority().name(), i.state().name().toLowerCase(Locale.ROOT),
                        "L" + i.level(), TIME.format(i.openedAt().atZone(zone)), i.title())).toList();
        out.add(new Section("Incidents open or resolved in the last 24 hours", List.of("id", "priority", "state",
                "level", "opened", "title"), inc, inc.isEmpty() ? "none" : null));
        return out.stream().map(s -> new Section(s.title(), s.header(), s.rows().stream()
                .map(r -> r.stream().map(redaction::text).toList()).toList(), s.note())).toList();
    }

    private static String num(double v, String unit) {
        return Double.isNaN(v) ? "—" : MetricReading.format(v) + (unit.isEmpty() ? "" : " " + unit);
    }

    String markdown(Data d) {
        StringBuilder b = new StringBuilder("# Daily report — " + d.project() + " — " + DAY.format(d.at().atZone(zone))
                + "\n\nWritten " + TIME.format(d.at().atZone(zone)) + " (runbook §1.2).\n");
        for (Section s : sections(d)) {
            b.append("\n## ").append(s.title()).append("\n\n");
            if (s.note() != null) {
                b.append("(").append(s.note()).append(")\n");
                continue;
            }
            b.append("| ").append(String.join(" | ", s.header())).append(" |\n|");
            s.header().forEach(h -> b.append("---|"));
            b.append('\n');
            s.rows().forEach(r -> b.append("| ").append(String.join(" | ", r.stream().map(x -> x.replace("|", "\\|")
                    .replace("\n", " ")).toList())).append(" |\n"));
        }
        return b.toString();
    }

    String html(Data d) {
        StringBuilder b = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Daily report " + esc(d.project()) + " " + DAY.format(d.at().atZone(zone)) + "</title><style>"
                + "body{font-family:sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse;margin:.5em 0 1.5em}"
                + "td,th{border:1px solid #ccc;padding:4px 10px;text-align:left;vertical-align:top}"
                + "th{background:#f2f2f2}"
                + "td.pass{color:#1a7f37}td.warn{color:#9a6700}td.fail{color:#cf222e}</style></head><body>\n<h1>Daily "
                + "report — " + esc(d.project()) + " — " + DAY.format(d.at().atZone(zone)) + "</h1>\n<p>Written "
                + TIME.format(d.at().atZone(zone)) + " (runbook §1.2).</p>\n");
        for (Section s : sections(d)) {
            b.append("<h2>").append(esc(s.title())).append("</h2>\n");
            if (s.note() != null) {
                b.append("<p>(").append(esc(s.note())).append(")</p>\n");
                continue;
            }
            b.append("<table><tr>");
            s.header().forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
            b.append("</tr>\n");
            for (List<String> r : s.rows()) {
                b.append("<tr>");
                r.forEach(x -> b.append(x.equals("pass") || x.equals("warn") || x.equals("fail")
                        ? "<td class=\"" + x + "\">" : "<td>").append(esc(x)).append("</td>"));
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
