package io.hcdjg.cockpit.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FxPublisherTest {

    @Test
    void aBurstCostsOneHopAndTheLatestValueWins() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> applied = new ArrayList<>();
        FxPublisher<Integer> publisher = new FxPublisher<>(queued::add, applied::add);
        for (int i = 1; i <= 1000; i++) {
            publisher.accept(i);
        }
        assertEquals(1, queued.size(), "one pending hop, not one per value");
        queued.remove(0).run();
        assertEquals(List.of(1000), applied);
        publisher.accept(1001);
        assertEquals(1, queued.size(), "the next value schedules a new hop");
        queued.remove(0).run();
        assertEquals(List.of(1000, 1001), applied);
    }
}
