package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;

import java.io.IOException;

/**
 * Carries out an escalation the desk decided on: the level's command, its webhook, the audit record. The desk decides
 * who and when; how the contact is reached runs processes and the network, which belong to {@code ops} and
 * {@code podman}, so the desk only holds this port and {@code app} plugs in {@code ops.Escalator}.
 */
@FunctionalInterface
public interface EscalationChannel {
    /** @param ok false when an action failed; true when all succeeded or none is configured */
    record Result(boolean ok, String text) {
    }

    /** Runs the level's actions for {@code i}; a failed action is a result, not an exception. */
    Result escalate(Incident i, IncidentConfig.Level level, String summary, String link) throws IOException;
}
