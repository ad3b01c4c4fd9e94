package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.model.LogSummary;
import io.hcdjg.cockpit.ops.DailyReport;
import io.hcdjg.cockpit.probes.MetricDiagnosis;
import io.hcdjg.cockpit.probes.PromJson;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers the daily report (§1.2) from a cockpit and writes it; the window uses what its log hub holds. */
public final class ReportRun {
    private ReportRun() {
    }

    public static List<Path> run(Cockpit c, boolean running, Path dir) throws Exception {
        Instant now = Instant.now();
        CockpitConfig cfg = c.loaded().config();
        Map<String, long[]> counts = new LinkedHashMap<>();
        List<String> samples;
        List<String> services = new ArrayList<>();
        if (running) {
            for (LogSummary l : c.store().get().logs()) {
                counts.put(l.service(), l.lastDay().stream().mapToLong(Integer::longValue).toArray());
                services.add(l.service());
            }
            samples = c.logs().keyLines(services, now.minus(Duration.ofDays(1)), now, 25);
        } else if (c.podman().problem() == null) {
            LogTails.Classified found = LogTails.classify(c, "24h", 25);
            counts.putAll(found.counts());
            samples = found.samples();
        } else {
            samples = List.of();
        }
        List<DailyReport.MetricDay> metrics = new ArrayList<>();
        for (CockpitConfig.MetricConfig m : cfg.metrics()) {
            try {
                List<Double> values = new ArrayList<>();
                for (PromJson.Series s : c.monitoring().client().queryRange(m.query(), now.minus(Duration.ofDays(1)),
                        now, Duration.ofMinutes(15))) {
                    s.points().forEach(p -> values.add(p.value()));
                    break;
                }
                List<Double> finite = values.stream().filter(Double::isFinite).toList();
                metrics.add(new DailyReport.MetricDay(m.title(), m.unit(),
                        finite.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                        finite.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                        finite.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), finite.size()));
            } catch (Exception e) {
                metrics.clear(); // Prometheus is not there: the report says so once
                break;
            }
        }
        var files = c.runbookState(running);
        c.desk().refresh();
        var monitoring = running ? c.store().get().monitoring() : c.monitoring().refresh();
        DailyReport.Data data = new DailyReport.Data(now, c.actions().project(), counts, samples, metrics,
                MetricDiagnosis.profiled(monitoring), files.lastBackup(), files.proof(), c.desk().state().incidents());
        return new DailyReport(ZoneId.systemDefault(), c.redaction()).write(data, dir);
    }
}
