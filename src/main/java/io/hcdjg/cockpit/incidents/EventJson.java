package io.hcdjg.cockpit.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.model.IncidentEvent;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** One stored line of the incident store: an event as JSON, and back. */
final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    static ObjectNode toJson(IncidentEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", e.time().toString());
        n.put("type", e.type());
        if (e.incident() != null) {
            n.put("incident", e.incident());
        }
        if (e.service() != null) {
            n.put("service", e.service());
        }
        n.put("text", e.text());
        if (!e.data().isEmpty()) {
            n.set("data", JSON.valueToTree(new TreeMap<>(e.data())));
        }
        return n;
    }

    static IncidentEvent fromJson(JsonNode n) {
        Map<String, String> data = new TreeMap<>();
        JsonNode d = n.path("data");
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
            var f = it.next();
            data.put(f.getKey(), f.getValue().asText());
        }
        if (!n.hasNonNull("time") || !n.hasNonNull("type") || !n.hasNonNull("text")) {
            throw new IllegalArgumentException("time, type and text are required");
        }
        return new IncidentEvent(Instant.parse(n.get("time").asText()), n.get("type").asText(),
                n.hasNonNull("incident") ? n.get("incident").asText() : null,
                n.hasNonNull("service") ? n.get("service").asText() : null, n.get("text").asText(), data);
    }
}
