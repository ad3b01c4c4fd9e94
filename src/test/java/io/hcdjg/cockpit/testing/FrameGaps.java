package io.hcdjg.cockpit.testing;

import javafx.animation.AnimationTimer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The longest gap between two FX frames since the last reset: an {@link AnimationTimer} asks for a pulse every frame,
 * so a gap is time the FX thread could not draw. Start it on the FX thread.
 */
public final class FrameGaps {
    private final AtomicLong maxNs = new AtomicLong();
    private long last;

    public FrameGaps start() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last != 0) {
                    maxNs.accumulateAndGet(now - last, Math::max);
                }
                last = now;
            }
        }.start();
        return this;
    }

    public long maxNs() {
        return maxNs.get();
    }

    public void reset() {
        maxNs.set(0);
    }

    /** The longest gap since the last reset, and a reset. */
    public long takeMaxNs() {
        return maxNs.getAndSet(0);
    }
}
