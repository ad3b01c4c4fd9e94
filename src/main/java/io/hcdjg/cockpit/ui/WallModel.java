package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.HealthLevel;

import java.time.Instant;
import java.util.List;

/** What the wall shows, already formatted: the FX side only copies these values into nodes. */
public record WallModel(String title, String notice, boolean demo, List<String> problems, List<Card> cards,
                        Gauge disk, Gauge memory, String status) {

    public WallModel {
        problems = List.copyOf(problems);
        cards = List.copyOf(cards);
    }

    /**
     * @param latencyMs the latest latency, NaN before the first probe
     * @param sampleAt  when the latest sample was taken; a new value adds a point to the sparkline
     */
    public record Card(String name, String endpoint, HealthLevel level, String state, String reason, String latency,
                       double latencyMs, Instant sampleAt, String retry, String styleClass) {
    }

    /** @param percent 0..100, NaN when the value could not be read */
    public record Gauge(String title, double percent, String text, HealthLevel level) {
    }
}
