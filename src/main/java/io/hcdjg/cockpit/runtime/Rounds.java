package io.hcdjg.cockpit.runtime;

import java.util.function.Consumer;

/**
 * A poller's scheduled round that survives itself: an executor stops a periodic task for good the first time it
 * throws, so one malformed answer (a value that is not a number, a time that does not parse) would freeze a panel
 * until the cockpit restarts. Wrapped, the round's failure goes to {@code failed} (the poller shows it on its panel)
 * and the next round runs on schedule.
 */
final class Rounds {
    private Rounds() {
    }

    static Runnable guarded(String poller, Runnable round, Consumer<String> failed) {
        return () -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                String why = poller + ": a round failed and is tried again on schedule: " + e;
                System.err.println("cockpit: " + why);
                failed.accept(why);
            }
        };
    }
}
