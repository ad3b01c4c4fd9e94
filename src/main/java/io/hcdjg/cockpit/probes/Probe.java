package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;

/**
 * One service's health check. {@link #check()} blocks for at most about the probe's timeout and never throws: every
 * failure becomes a {@link Health} with a reason. The poller measures latency and enforces the timeout from outside
 * too, so a probe that hangs regardless cannot hold up a round.
 */
public interface Probe extends AutoCloseable {

    Health check();

    /** False for a placeholder that probes nothing: its answer gets no latency and adds nothing to the history. */
    default boolean measures() {
        return true;
    }

    /** Releases connections kept between checks. */
    @Override
    default void close() {
    }
}
