package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.CockpitConfig.MetricConfig;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.ScrapeTarget;
import io.hcdjg.cockpit.model.Silence;
import io.hcdjg.cockpit.model.SlowQuery;
import io.hcdjg.cockpit.probes.Failures;
import io.hcdjg.cockpit.probes.MetricDiagnosis;
import io.hcdjg.cockpit.probes.MonitoringClient;
import io.hcdjg.cockpit.probes.PromJson;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every poll interval: the configured metrics (instant queries), the scrape targets, the alerts and the silences, into
 * the snapshot. A bad PromQL expression marks its own tile only; Prometheus or Alertmanager being down is said once.
 */
public final class MonitoringPoller implements AutoCloseable {
    private final CockpitConfig.Monitoring config;
    private final List<MetricConfig> metrics;
    private final MonitoringClient client;
    private final SnapshotStore store;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final int history;
    private final String apiUrl;
    private final Map<String, List<Double>> histories = new HashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private ScheduledFuture<?> schedule;

    /** @param apiUrl the analytics-api's base URL, whose query profiler gives the slow-query tiles; null: none */
    public MonitoringPoller(CockpitConfig.Monitoring config, List<MetricConfig> metrics, MonitoringClient client,
                            SnapshotStore store, Clock clock, ScheduledExecutorService scheduler, int history,
                            String apiUrl) {
        this.apiUrl = apiUrl;
        this.config = config;
        this.metrics = List.copyOf(metrics);
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.scheduler = scheduler;
        this.history = history;
    }

    public void start() {
        schedule = scheduler.scheduleWithFixedDelay(Rounds.guarded("monitoring", this::refresh, this::failed), 0,
                config.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A round that broke: the panel keeps what it showed and says why it is not fresh. */
    private void failed(String why) {
        store.update(s -> s.withMonitoring(s.monitoring().failed(why), clock.instant()));
    }

    public MonitoringClient client() {
        return client;
    }

    /**
     * A configured metric over the last {@code range} from Prometheus: [epoch seconds, value] points of its first
     * series, about 240 whatever the range (15 s steps for an hour, 6 min for a day).
     */
    public List<double[]> history(String metric, Duration range) throws IOException, InterruptedException {
        MetricConfig wanted = metrics.stream().filter(m -> m.name().equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no history: Prometheus does not keep it (the tile's "
                        + "sparkline shows what was read since the cockpit started)"));
        Instant end = clock.instant();
        Duration step = Duration.ofSeconds(Math.max(15, range.toSeconds() / 240));
        List<double[]> out = new ArrayList<>();
        // Aggregations return one series; the tile shows the highest, the chart the first.
        for (var series : client.queryRange(wanted.query(), end.minus(range), end, step).stream().limit(1).toList()) {
            for (var p : series.points()) {
                out.add(new double[]{p.at().getEpochSecond(), p.value()});
            }
        }
        return out;
    }

    /** Asks everything now; an overlapping refresh is dropped. */
    public MonitoringState refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return store.get().monitoring();
        }
        try {
            String promProblem = null;
            List<MetricReading> readings = new ArrayList<>();
            List<ScrapeTarget> targets = List.of();
            try {
                targets = client.targets();
            } catch (IOException e) {
                promProblem = unreachable("Prometheus", client.prometheusUrl(), e);
            }
            for (MetricConfig m : metrics) {
                List<Double> h = histories.getOrDefault(m.name(), List.of());
                MetricReading r;
                if (promProblem != null) {
                    r = MetricDiagnosis.failed(m, "no value: " + promProblem, h);
                } else {
                    try {
                        r = MetricDiagnosis.read(m, client.query(m.query()), h, history);
                    } catch (PromJson.ApiError e) {
                        r = MetricDiagnosis.failed(m, "bad query: " + e.getMessage(), h);
                    } catch (PromJson.BadAnswer e) {
                        r = MetricDiagnosis.failed(m, "no value: " + e.getMessage(), h);
                    } catch (IOException e) {
                        r = MetricDiagnosis.failed(m,
                                "no value: " + unreachable("Prometheus", client.prometheusUrl(), e), h);
                    }
                }
                histories.put(m.name(), r.history());
                readings.add(r);
            }
            List<SlowQuery> slow = List.of();
            if (apiUrl != null) {
                List<MetricReading> profiled;
                try {
                    slow = client.slowQueries(apiUrl);
                    profiled = MetricDiagnosis.profiler(slow, histories.getOrDefault("slow-queries", List.of()),
                            histories.getOrDefault("api-p95", List.of()), history);
                } catch (IOException e) {
                    String why = "no value: " + unreachable("the analytics-api profiler", apiUrl, e);
                    profiled = List.of(MetricDiagnosis.failed(MetricDiagnosis.SLOW_QUERIES, why,
                                    histories.getOrDefault("slow-queries", List.of())),
                            MetricDiagnosis.failed(MetricDiagnosis.API_P95, why, histories.getOrDefault("api-p95",
                                    List.of())));
                }
                profiled.forEach(r -> histories.put(r.name(), r.history()));
                readings.addAll(profiled);
            }
            String amProblem = null;
            List<Alert> alerts = List.of();
            List<Silence> silences = List.of();
            try {
                alerts = client.alerts();
                silences = client.silences();
            } catch (IOException e) {
                amProblem = unreachable("Alertmanager", client.alertmanagerUrl(), e);
            }
            MonitoringState state = new MonitoringState(readings, targets, alerts, silences, promProblem, amProblem,
                    clock.instant(), slow);
            store.update(s -> s.withMonitoring(state, clock.instant()));
            return state;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return store.get().monitoring();
        } finally {
            refreshing.set(false);
        }
    }

    private String unreachable(String what, String url, IOException e) {
        if (e instanceof PromJson.ApiError) {
            return what + " at " + url + " answered " + e.getMessage();
        }
        URI u = URI.create(url);
        return what + " at " + url + ": " + Failures.describe(e, u.getHost(), u.getPort(), config.timeout());
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
