package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as Alertmanager holds it (API v2).
 *
 * @param state      active, suppressed (silenced or inhibited) or unprocessed
 * @param silencedBy the ids of the silences that mute it
 */
public record Alert(String fingerprint, String name, String severity, String service, String state, Instant startsAt,
                    String summary, Map<String, String> labels, List<String> silencedBy) {

    public Alert {
        labels = Map.copyOf(labels);
        silencedBy = List.copyOf(silencedBy);
    }

    public boolean firing() {
        return state.equals("active");
    }
}
