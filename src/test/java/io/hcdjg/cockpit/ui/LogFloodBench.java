package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.testing.FxBackground;
import io.hcdjg.cockpit.app.LogSources;
import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.LogClassifier;
import io.hcdjg.cockpit.logs.LogIngest;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.lang.management.ManagementFactory;

/**
 * The log pane under a 100,000 lines/s flood: the longest gap between two FX frames (an AnimationTimer), against the
 * same window idle in the same run. Not a test: needs a display (Xvfb). The window runs under ZGC
 * ({@code WindowLaunch}); so does the bench —
 * {@code DISPLAY=:99 MAVEN_OPTS=-XX:+UseZGC mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.hcdjg.cockpit.ui.LogFloodBench} (leave MAVEN_OPTS out to see G1).
 */
public final class LogFloodBench {
    static final int RATE = 100_000;
    static final long IDLE_S = 5;
    static final long FLOOD_S = 10;

    public static void main(String[] args) {
        Application.launch(App.class);
    }

    public static final class App extends Application {
        final LogBuffer buffer = new LogBuffer(1_000_000);
        final LogIngest ingest = new LogIngest(LogClassifier.defaults(), buffer, null, System::currentTimeMillis);
        final AtomicLong maxGapNs = new AtomicLong();
        final AtomicLong over50 = new AtomicLong();
        volatile long last;

        @Override
        public void start(Stage stage) {
            LogsView view = new LogsView(() -> List.of(LogSources.source("analytics-api", "api_1", buffer,
                    Redaction.DEFAULT)), FxBackground.threads());
            Scene scene = new Scene(view, 1400, 900);
            scene.getStylesheets().add(MainView.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            view.offer(List.of("analytics-api"));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last != 0) {
                        maxGapNs.accumulateAndGet(now - last, Math::max);
                        if (now - last > 50_000_000L) {
                            over50.incrementAndGet();
                        }
                    }
                    last = now;
                }
            }.start();
            Thread.ofPlatform().daemon(true).start(this::run);
        }

        private void run() {
            try {
                // a running app has ingested the containers' history before any flood: its code is compiled
                byte[] line = ("2026-11-28T06:00:00.000Z 2026-11-28 06:00:00,000 [ERROR] banking.api - "
                        + "Unhandled exception #0000000\n").getBytes(StandardCharsets.UTF_8);
                LogIngest warm = new LogIngest(LogClassifier.defaults(), new LogBuffer(100_000), null,
                        System::currentTimeMillis);
                for (int i = 0; i < 500_000; i++) {
                    warm.accept(line, 0, line.length);
                }
                Thread.sleep(2000); // the window settles
                maxGapNs.set(0);
                Thread.sleep(IDLE_S * 1000);
                double idle = maxGapNs.get() / 1e6;
                maxGapNs.set(0);
                over50.set(0);
                long t0 = System.nanoTime();
                long written = 0;
                while (System.nanoTime() - t0 < FLOOD_S * 1_000_000_000L) {
                    long due = (System.nanoTime() - t0) * RATE / 1_000_000_000L;
                    while (written < due) {
                        synchronized (ingest) {
                            ingest.accept(line, 0, line.length);
                        }
                        written++;
                    }
                    Thread.sleep(1);
                }
                double flood = maxGapNs.get() / 1e6;
                String gc = ManagementFactory.getGarbageCollectorMXBeans().getFirst().getName();
                System.out.printf("log pane under %d lines/s for %d s (%d lines, %d retained, %s): longest FX frame gap"
                                + " %.1f ms (%d frames over 50 ms); idle baseline in the same run %.1f ms:"
                                + " ratio %.2f×%n", RATE,
                        FLOOD_S, written, buffer.size(), gc, flood, over50.get(), idle, flood / idle);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.exit();
        }
    }
}
