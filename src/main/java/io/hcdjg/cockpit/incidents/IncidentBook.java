package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The unresolved incidents by key while one write is prepared, and what it adds. */
final class IncidentBook {
    final Map<String, String> open = new HashMap<>();
    final Map<String, List<String>> services = new HashMap<>();
    final Map<String, String> alertIncident = new HashMap<>();
    final List<IncidentEvent> added = new ArrayList<>();
    private int opened;

    IncidentBook(List<IncidentEvent> stored, List<Incident> incidents) {
        opened = Math.max(incidents.size(), StoreRotation.lastIncident(stored)); // archived ones count too
        for (Incident i : incidents) {
            if (!i.resolved() && i.key() != null) {
                open.put(i.key(), i.id());
                services.put(i.id(), new ArrayList<>(i.services()));
            }
        }
        for (IncidentEvent e : stored) {
            if (e.type().equals(IncidentEvent.ALERT) && e.incident() != null) {
                alertIncident.put(e.get("fingerprint"), e.incident());
            }
        }
    }

    String open(Instant now, String source, String key, String service, String title, Priority p) {
        String id = "INC-%04d".formatted(++opened);
        Map<String, String> data = new HashMap<>(Map.of("priority", p.name(), "source", source));
        if (key != null) {
            data.put("key", key);
            open.put(key, id);
        }
        services.put(id, new ArrayList<>(service == null ? List.of() : List.of(service)));
        added.add(event(now, IncidentEvent.OPENED, id, service, title, data));
        return id;
    }

    void affects(String incident, String service, Instant now) {
        if (incident != null && service != null && !services.get(incident).contains(service)) {
            services.get(incident).add(service);
            added.add(event(now, IncidentEvent.AFFECTED, incident, service, service + " affected", Map.of()));
        }
    }

    String incidentOf(String service) {
        return services.entrySet().stream().filter(e -> e.getValue().contains(service)).map(Map.Entry::getKey)
                .sorted().findFirst().orElse(null);
    }

    static IncidentEvent event(Instant at, String type, String incident, String service, String text,
                               Map<String, String> data) {
        return new IncidentEvent(at, type, incident, service, text, data);
    }
}
