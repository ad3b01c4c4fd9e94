package io.hcdjg.cockpit.runtime;

import com.sun.net.httpserver.HttpServer;
import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.CockpitConfig.MetricConfig;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.ops.Backups;
import io.hcdjg.cockpit.probes.MonitoringClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers no real Prometheus, Alertmanager or backup folder holds, from a local stand-in (a fault injector, not a
 * stand-in for a service): each poller keeps running, says what was wrong on its panel, and reads the next good
 * answer on schedule.
 */
class MalformedAnswersTest {

    @Test
    void aValueThatIsNotANumberAndATimeThatDoesNotParseStopNoPoller() throws Exception {
        AtomicReference<String> value = new AtomicReference<>("abc");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answer(server, "/api/v1/targets", () -> "{\"status\":\"success\",\"data\":{\"activeTargets\":[]}}");
        answer(server, "/api/v1/query", () -> "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                + "[{\"metric\":{},\"value\":[1764672000,\"" + value.get() + "\"]}]}}");
        answer(server, "/api/v2/alerts", () -> "[{\"fingerprint\":\"f1\",\"labels\":{\"alertname\":\"HighErrorRate\","
                + "\"severity\":\"warning\"},\"status\":{\"state\":\"active\",\"silencedBy\":[]},"
                + "\"startsAt\":\"yesterday at noon\",\"annotations\":{\"summary\":\"errors\"}}]");
        answer(server, "/api/v2/silences", () -> "[]");
        server.start();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            BlockingQueue<StackSnapshot> published = new LinkedBlockingQueue<>();
            SnapshotStore store = new SnapshotStore(StackSnapshot.initial(Instant.now(), "t", "t", false, List.of()),
                    published::add);
            MetricConfig errors = new MetricConfig("error-rate", "Error rate", "sum(rate(x[5m]))", "", 1.0, 5.0);
            MonitoringPoller poller = new MonitoringPoller(new CockpitConfig.Monitoring(url, url,
                    Duration.ofMillis(200), Duration.ofSeconds(2)), List.of(errors),
                    new MonitoringClient(HttpClient.newHttpClient(), url, url, Duration.ofSeconds(2)), store,
                    Clock.systemUTC(), thread, 10, null);
            poller.start();

            MonitoringState bad = until(store, published, m -> !m.metrics().isEmpty());
            MetricReading reading = bad.metrics().get(0);
            assertEquals("no value: Prometheus answered 'abc' where a number belongs", reading.reason());
            Alert alert = bad.alerts().get(0);
            assertEquals("HighErrorRate", alert.name());
            assertNull(alert.startsAt(), "kept, its start unknown");

            value.set("0.25");
            MonitoringState good = until(store, published,
                    m -> !m.metrics().isEmpty() && m.metrics().get(0).value() == 0.25);
            assertEquals(0.25, good.metrics().get(0).value());
            poller.close();
        } finally {
            thread.shutdownNow();
            server.stop(0);
        }
    }

    @Test
    void aRoundThatThrowsIsReportedAndTheNextRunsOnSchedule() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<String> reported = new AtomicReference<>();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        try {
            CountDownLatch fiveRounds = new CountDownLatch(5);
            thread.scheduleWithFixedDelay(Rounds.guarded("test poller", () -> {
                int n = rounds.incrementAndGet(); // counted before the latch, which the assertion reads after
                fiveRounds.countDown();
                if (n == 1) {
                    throw new NumberFormatException("For input string: \"abc\"");
                }
            }, reported::set), 0, 10, TimeUnit.MILLISECONDS);
            assertTrue(fiveRounds.await(30, TimeUnit.SECONDS), "five rounds ran");
        } finally {
            thread.shutdownNow();
        }
        assertTrue(rounds.get() >= 5, "rounds after the failure: " + rounds.get());
        assertEquals("test poller: a round failed and is tried again on schedule: "
                + "java.lang.NumberFormatException: For input string: \"abc\"", reported.get());
    }

    @Test
    void aFileThatOnlyLooksLikeABackupIsNotListed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hcd-janusgraph-demo-20261201T020000Z.tar.gz"), "ours");
        Files.writeString(dir.resolve("hcd-janusgraph-demo-20261399T999999Z.tar.gz"), "not a time");
        Files.writeString(dir.resolve("notes.txt"), "stray");
        Backups backups = new Backups(null, null, "local", "janusgraph-demo", null, null, dir, null, null,
                Clock.systemUTC());
        assertEquals(List.of("hcd-janusgraph-demo-20261201T020000Z.tar.gz"),
                backups.list().stream().map(BackupInfo::file).map(p -> p.getFileName().toString()).toList());
    }

    private static void answer(HttpServer server, String path, Supplier<String> body) {
        server.createContext(path, x -> {
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
    }

    /** Waits on each publication of the store, not on a clock, for at most 10 s. */
    private static MonitoringState until(SnapshotStore store, BlockingQueue<StackSnapshot> published,
                                         Predicate<MonitoringState> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            MonitoringState m = store.get().monitoring();
            if (done.test(m)) {
                return m;
            }
            published.poll(left, TimeUnit.NANOSECONDS);
        }
        throw new AssertionError("the poller published nothing new in 10 s: " + store.get().monitoring());
    }
}
