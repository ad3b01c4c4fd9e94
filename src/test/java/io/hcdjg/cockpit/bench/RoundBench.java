package io.hcdjg.cockpit.bench;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.demo.DemoStack;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.probes.Probe;
import io.hcdjg.cockpit.probes.ProbeFactory;
import io.hcdjg.cockpit.runtime.HealthPoller;
import io.hcdjg.cockpit.runtime.SnapshotStore;
import io.hcdjg.cockpit.testing.BlackHole;
import io.hcdjg.cockpit.testing.Fixtures;
import io.hcdjg.cockpit.testing.Services;
import io.hcdjg.cockpit.testing.StandInServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.Arrays;
import java.util.function.Function;

/**
 * How long one round of 15 services takes when one of them black-holes (accepts, never answers), against the same 15
 * with all healthy, both measured in this run. Not a test: run it with
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.hcdjg.cockpit.bench.RoundBench}.
 */
public final class RoundBench {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        List<AutoCloseable> closers = new ArrayList<>();
        try (DemoStack gremlin = DemoStack.start(); BlackHole hole = new BlackHole();
                ProbeFactory factory = new ProbeFactory()) {
            List<ServiceConfig> healthy = new ArrayList<>();
            healthy.add(Services.at("janusgraph-server", ProbeKind.GREMLIN, gremlin.gremlinPort(), TIMEOUT));
            Object[][] standIns = {
                    {ProbeKind.VAULT, 200, "http/vault-200.json"},
                    {ProbeKind.OPENSEARCH, 200, "http/opensearch-green.json"},
                    {ProbeKind.OPENSEARCH_DASHBOARDS, 200, "http/dashboards-status.json"},
                    {ProbeKind.PULSAR, 200, "http/pulsar-clusters.json"},
                    {ProbeKind.GRAFANA, 200, "http/grafana-health.json"},
                    {ProbeKind.LOKI, 200, "http/loki-ready.txt"}, {ProbeKind.JUPYTER, 200, "http/jupyter-api.json"},
                    {ProbeKind.ANALYTICS_API, 200, "http/analytics-api-healthy.json"},
                    {ProbeKind.METRICS, 200, "http/exporter-metrics.txt"},
                    {ProbeKind.PROMETHEUS, 200, "http/loki-ready.txt"},
                    {ProbeKind.ALERTMANAGER, 200, "http/loki-ready.txt"}, {ProbeKind.HTTP, 200, "http/loki-ready.txt"},
                    {ProbeKind.HTTP, 200, "http/loki-ready.txt"}, {ProbeKind.HTTP, 200, "http/loki-ready.txt"}};
            for (int i = 0; i < standIns.length; i++) {
                ProbeKind kind = (ProbeKind) standIns[i][0];
                StandInServer s = StandInServer.answering(kind.defaultPath(), (int) standIns[i][1],
                        Fixtures.read((String) standIns[i][2]));
                closers.add(s);
                healthy.add(Services.at("service-" + i, kind, s.port(), TIMEOUT));
            }
            List<ServiceConfig> allHealthy = healthy.subList(0, 15);
            List<ServiceConfig> oneBlackHole = new ArrayList<>(healthy.subList(0, 14));
            oneBlackHole.add(Services.at("black-hole", ProbeKind.HTTP, hole.port(), TIMEOUT));

            Map<String, Probe> probes = new HashMap<>();
            Duration[] baseline = rounds(allHealthy, s -> probes.computeIfAbsent(s.name(), n -> factory.create(s)));
            Duration[] faulty = rounds(oneBlackHole, s -> probes.computeIfAbsent(s.name(), n -> factory.create(s)));
            double base = median(baseline);
            double hung = median(faulty);
            System.out.printf("round of 15 healthy services (baseline): median %.1f ms over %d rounds%n", base, ROUNDS);
            System.out.printf("round of 15 services, one black-holed:  median %.1f ms, max %.1f ms%n",
                    hung, max(faulty));
            System.out.printf("ratio to the probe timeout (%d ms): median %.3f×, max %.3f×%n", TIMEOUT.toMillis(),
                    hung / TIMEOUT.toMillis(), max(faulty) / TIMEOUT.toMillis());
            System.out.printf("ratio to the baseline round: %.0f×%n", hung / base);
            probes.values().forEach(Probe::close);
        } finally {
            for (AutoCloseable c : closers) {
                c.close();
            }
        }
        System.exit(0);
    }

    private static Duration[] rounds(List<ServiceConfig> services,
                                     Function<ServiceConfig, Probe> probes) throws Exception {
        CockpitConfig config = Services.stack(Duration.ofSeconds(10), services);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        var threads = Executors.newCachedThreadPool();
        StackSnapshot initial = StackSnapshot.initial(Instant.now(), "bench", "bench", false, List.of());
        Duration[] took = new Duration[ROUNDS];
        try {
            for (int i = -1; i < ROUNDS; i++) { // round -1 warms the drivers up and is not counted
                // A fresh poller per round: no back-off, every service is probed every time; the probes (and their
                // connections) are shared across rounds, as in the app.
                try (HealthPoller poller = new HealthPoller(config, new SnapshotStore(initial, s -> { }), probes,
                        HostStats::unread, Clock.systemUTC(), scheduler, threads)) {
                    StackSnapshot s = poller.runRound().get(30, TimeUnit.SECONDS);
                    if (i >= 0) {
                        took[i] = s.lastRoundTook();
                    }
                }
            }
        } finally {
            scheduler.shutdownNow();
            threads.shutdownNow();
        }
        return took;
    }

    private static double median(Duration[] d) {
        double[] ms = Arrays.stream(d).mapToDouble(x -> x.toNanos() / 1e6).sorted().toArray();
        return ms[ms.length / 2];
    }

    private static double max(Duration[] d) {
        return Arrays.stream(d).mapToDouble(x -> x.toNanos() / 1e6).max().orElse(0);
    }
}
