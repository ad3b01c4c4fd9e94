package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.Priority;

import java.nio.file.Path;
import java.util.List;

/**
 * What the incident panel can ask of the desk behind it. Each call writes the store (briefly) and returns the
 * incident as it now is; {@code escalate} also runs the level's action. Called off the FX thread. A refused request
 * (unknown id, already resolved ...) throws {@link IllegalArgumentException} with a message for the operator.
 */
public interface IncidentPort {
    List<IncidentConfig.Level> ladder();

    Incident open(String title, Priority priority, List<String> services, String note) throws Exception;

    Incident acknowledge(String id) throws Exception;

    /** @param level null: the level that is due, else the next one */
    Incident escalate(String id, Integer level) throws Exception;

    Incident resolve(String id, String note) throws Exception;

    Incident reopen(String id, String why) throws Exception;

    Incident note(String id, String text) throws Exception;

    Incident priority(String id, Priority priority) throws Exception;

    Incident step(String id, String step, boolean done) throws Exception;

    /** Writes the incident's Markdown report to {@code target}. */
    void report(String id, Path target) throws Exception;

    /** Writes the incident's evidence bundle (runbook §8.2) beside its reports; returns the zip. */
    Path bundle(String id) throws Exception;
}
