package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.HealthLevel;

import java.time.Instant;
import java.util.List;

/** What the wall shows, already formatted: the FX side only copies these values into nodes. */
public record WallModel(String title, String notice, boolean demo, List<String> problems, List<Card> cards,
                        Gauge disk, Gauge memory, String status, String podman, String podmanProblem) {

    public WallModel {
        problems = List.copyOf(problems);
        cards = List.copyOf(cards);
    }

    /**
     * @param latencyMs  the latest latency, NaN before the first probe
     * @param sampleAt   when the latest sample was taken; a new value adds a point to the sparkline
     * @param probed     false for a service that only has containers (no health endpoint): no latency tile
     * @param containers its containers, replicas in order
     * @param replicas   how many containers it has (for the scale dialog)
     */
    public record Card(String name, String endpoint, HealthLevel level, String state, String reason, String latency,
                       double latencyMs, Instant sampleAt, String retry, String styleClass, boolean probed,
                       List<Container> containers, int replicas) {
        public Card {
            containers = List.copyOf(containers);
        }
    }

    /** @param cpu recent CPU %, oldest first */
    public record Container(String name, String line, String styleClass, List<Double> cpu) {
        public Container {
            cpu = List.copyOf(cpu);
        }
    }

    /** @param percent 0..100, NaN when the value could not be read */
    public record Gauge(String title, double percent, String text, HealthLevel level) {
    }
}
