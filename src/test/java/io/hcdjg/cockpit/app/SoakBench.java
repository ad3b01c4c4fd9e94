package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.LogClassifier;
import io.hcdjg.cockpit.logs.LogIngest;
import io.hcdjg.cockpit.present.SnapshotFeed;
import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.present.WallPresenter;
import io.hcdjg.cockpit.testing.FrameGaps;
import io.hcdjg.cockpit.testing.FxBackground;
import io.hcdjg.cockpit.ui.FxPublisher;
import io.hcdjg.cockpit.ui.MainView;
import io.hcdjg.cockpit.ui.Ports;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;

/**
 * The soak harness: the whole window (the wall, its presenter thread, the pollers of a cockpit on the built-in demo
 * stack) with the log pane shown and fed 10,000 lines/s, for an hour; every 10 s the heap retained after the last
 * collection, the resident set, the live threads and the longest FX frame gap, then their growth per hour after the
 * warm-up (the first fifth, at least 60 s: the log buffer fills and the code is compiled). Not a test: needs a
 * display. {@code DISPLAY=:99 mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.hcdjg.cockpit.app.SoakBench -Dsoak.seconds=3600}; CI runs it for 300 s.
 */
public final class SoakBench {
    static final long SECONDS = Long.getLong("soak.seconds", 3600);
    static final int RATE = Integer.getInteger("soak.rate", 10_000);
    static final long SAMPLE_S = 10;
    /** The same window before the flood starts: the idle baseline the frame gaps are compared with. */
    static final long BASELINE_S = Long.getLong("soak.baseline", 60);

    public static void main(String[] args) {
        Application.launch(App.class);
    }

    /** One sample. */
    record Sample(long at, long heap, long rss, int threads, double gapMs) {
    }

    public static final class App extends Application {
        final LogBuffer buffer = new LogBuffer(200_000);
        final LogIngest ingest = new LogIngest(LogClassifier.defaults(), buffer, null, System::currentTimeMillis);
        FrameGaps gaps;
        final ExecutorService presenterThread = Executors.newSingleThreadExecutor();
        Cockpit cockpit;

        @Override
        public void start(Stage stage) throws Exception {
            Path home = Files.createTempDirectory("cockpit-soak-");
            WallPresenter presenter = new WallPresenter(ZoneId.systemDefault(), List.<IncidentConfig.Level>of(),
                    Redaction.DEFAULT);
            MainView[] view = new MainView[1];
            FxPublisher<WallModel> toFx = new FxPublisher<>(Platform::runLater, m -> view[0].apply(m));
            SnapshotFeed<WallModel> feed = new SnapshotFeed<>(presenterThread,
                    s -> presenter.present(s, Instant.now()), toFx);
            cockpit = new Cockpit(new CockpitOptions(Optional.empty(), true, null, "cockpit-soak"),
                    Map.of("HOME", home.toString()), true, feed);
            Ports window = WindowPorts.of(() -> cockpit, name -> { }, "cockpit-soak");
            Ports ports = new Ports(window.actions(), () -> List.of(LogSources.source("analytics-api", "api_1",
                    buffer, cockpit.redaction())), window.monitoring(), window.incidents(), window.runbook());
            view[0] = new MainView(30, ports, "cockpit-soak", FxBackground.threads());
            Scene scene = new Scene(view[0], 1400, 900);
            scene.getStylesheets().add(MainView.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            ((TabPane) scene.lookup("#tabs")).getSelectionModel().select(4); // the log pane, drawing
            gaps = new FrameGaps().start();
            cockpit.start();
            Thread.ofPlatform().daemon(true).name("soak-flood").start(this::flood);
            Thread.ofPlatform().daemon(true).name("soak-sampler").start(this::sample);
        }

        private void flood() {
            byte[][] lines = {
                    "2026-11-28 06:00:00,000 [INFO] banking.api - GET /api/v1/accounts 200 12ms\n".getBytes(
                            StandardCharsets.UTF_8),
                    "2026-11-28 06:00:00,000 [ERROR] banking.api - query failed: timeout after 30000 ms\n".getBytes(
                            StandardCharsets.UTF_8),
                    "2026-11-28 06:00:00,000 [WARN] banking.auth - login failed for user ops from 10.0.0.5\n"
                            .getBytes(StandardCharsets.UTF_8)};
            try {
                Thread.sleep(BASELINE_S * 1000);
            } catch (InterruptedException e) {
                return;
            }
            long t0 = System.nanoTime();
            long written = 0;
            try {
                while (true) {
                    long due = (System.nanoTime() - t0) * RATE / 1_000_000_000L;
                    while (written < due) {
                        byte[] line = lines[(int) (written % 97 == 0 ? written % 3 : 0)];
                        synchronized (ingest) {
                            ingest.accept(line, 0, line.length);
                        }
                        written++;
                    }
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void sample() {
            List<Sample> samples = new ArrayList<>();
            long t0 = System.nanoTime();
            try {
                List<Sample> idle = new ArrayList<>();
                for (long s = SAMPLE_S; s <= BASELINE_S + SECONDS; s += SAMPLE_S) {
                    Thread.sleep(Math.max(0, t0 / 1_000_000 + s * 1000 - System.nanoTime() / 1_000_000));
                    Sample x = new Sample(s, retainedHeap(), rss(), ManagementFactory.getThreadMXBean()
                            .getThreadCount(), gaps.takeMaxNs() / 1e6);
                    if (s <= BASELINE_S) {
                        idle.add(x);
                        System.out.printf("idle %5d s  heap %6.1f MB  rss %6.1f MB  threads %3d  frame gap %6.1f ms%n",
                                x.at(), x.heap() / 1e6, x.rss() / 1e6, x.threads(), x.gapMs());
                        continue;
                    }
                    x = new Sample(s - BASELINE_S, x.heap(), x.rss(), x.threads(), x.gapMs());
                    samples.add(x);
                    System.out.printf("soak %5d s  heap %6.1f MB  rss %6.1f MB  threads %3d  frame gap %6.1f ms%n",
                            x.at(), x.heap() / 1e6, x.rss() / 1e6, x.threads(), x.gapMs());
                }
                long warm = Math.max(60, SECONDS / 5);
                List<Sample> after = samples.stream().filter(x -> x.at() > warm).toList();
                System.out.printf("soak: %d s at %d lines/s (%d lines retained, %d dropped); after %d s of warm-up, "
                                + "growth per hour: heap %+.1f MB, rss %+.1f MB, threads %+.1f; longest frame gap "
                                + "%.1f ms (median of the samples %.1f ms)%n", SECONDS, RATE, buffer.size(),
                        buffer.dropped(), warm, slope(after, Sample::heap) * 3600 / 1e6,
                        slope(after, Sample::rss) * 3600 / 1e6, slope(after, x -> x.threads()) * 3600,
                        after.stream().mapToDouble(Sample::gapMs).max().orElse(0),
                        after.stream().mapToDouble(Sample::gapMs).sorted().skip(after.size() / 2).findFirst()
                                .orElse(0));
                List<Sample> base = idle.size() > 1 ? idle.subList(1, idle.size()) : idle; // the first: start-up
                Sample end = samples.get(samples.size() - 1);
                double gapIdle = median(base, Sample::gapMs);
                double heapIdle = median(base, Sample::heap);
                double rssIdle = median(base, Sample::rss);
                System.out.printf("soak: against the idle window before the flood (%d samples): frame gap median "
                                + "%.2f× (%.1f ms vs %.1f ms), longest %.2f× (%.1f vs %.1f ms); at the end retained "
                                + "heap "
                                + "%.2f× (%.1f vs %.1f MB), rss %.2f× (%.1f vs %.1f MB), threads %d vs %d%n",
                        base.size(), median(after, Sample::gapMs) / gapIdle, median(after, Sample::gapMs), gapIdle,
                        max(after, Sample::gapMs) / max(base, Sample::gapMs), max(after, Sample::gapMs),
                        max(base, Sample::gapMs), end.heap() / heapIdle, end.heap() / 1e6, heapIdle / 1e6,
                        end.rss() / rssIdle, end.rss() / 1e6, rssIdle / 1e6, end.threads(),
                        (int) median(base, x -> x.threads()));
            } catch (Exception e) {
                e.printStackTrace();
            }
            cockpit.close();
            presenterThread.shutdownNow();
            Platform.exit();
            System.exit(0);
        }

        private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
            double[] v = samples.stream().mapToDouble(value).sorted().toArray();
            return v.length == 0 ? Double.NaN : v[v.length / 2];
        }

        private static double max(List<Sample> samples, ToDoubleFunction<Sample> value) {
            return samples.stream().mapToDouble(value).max().orElse(Double.NaN);
        }

        /** The least-squares slope of {@code value} over the samples' times, per second. */
        private static double slope(List<Sample> samples, ToDoubleFunction<Sample> value) {
            double n = samples.size();
            if (n < 2) {
                return 0;
            }
            double mx = samples.stream().mapToDouble(Sample::at).sum() / n;
            double my = samples.stream().mapToDouble(value).sum() / n;
            double num = 0;
            double den = 0;
            for (Sample s : samples) {
                num += (s.at() - mx) * (value.applyAsDouble(s) - my);
                den += (s.at() - mx) * (s.at() - mx);
            }
            return num / den;
        }

        private static long retainedHeap() {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getCollectionUsage() != null) {
                    used += pool.getCollectionUsage().getUsed();
                }
            }
            return used;
        }

        private static long rss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (Exception e) {
                return -1;
            }
            return -1;
        }
    }
}
