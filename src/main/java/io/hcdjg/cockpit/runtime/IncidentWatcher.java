package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.incidents.IncidentDesk;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.StackSnapshot;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Once a second, on its own thread: reads what the CLI appended to the incident store, lets the desk observe the
 * latest snapshot when the stack's part of it changed, lets it tick its timers, and publishes the incident state when
 * it changed.
 */
public final class IncidentWatcher implements AutoCloseable {
    private final IncidentDesk desk;
    private final SnapshotStore store;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> schedule;
    private StackSnapshot seen;
    private IncidentState published;

    public IncidentWatcher(IncidentDesk desk, SnapshotStore store, Clock clock, ScheduledExecutorService scheduler) {
        this.desk = desk;
        this.store = store;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    public void start() {
        schedule = scheduler.scheduleWithFixedDelay(Rounds.guarded("incident watcher", this::run, why -> { }), 0, 1,
                TimeUnit.SECONDS);
    }

    /** Runs now, off the caller's thread (after an operator's change, so the panel does not wait a second). */
    public void poke() {
        scheduler.execute(this::run);
    }

    private void run() {
        try {
            desk.refresh();
            StackSnapshot s = store.get();
            if (seen == null || s.services() != seen.services() || s.monitoring() != seen.monitoring()
                    || s.logs() != seen.logs() || s.lastRoundAt() != seen.lastRoundAt()) {
                seen = s;
                desk.observe(s);
            }
            desk.tick();
            IncidentState state = desk.state();
            if (!state.equals(published)) {
                published = state;
                store.update(x -> x.withIncidents(state, clock.instant()));
            }
        } catch (RuntimeException e) {
            System.err.println("cockpit: incident watcher: " + e); // the next second tries again
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
