package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.Priority;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A desk's state with one incident of each kind, and the shipped escalation ladder (config/cockpit.yaml). */
public final class IncidentFixtures {
    public static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    /** Six minutes after INC-0001 opened: its reminder (at five) is recent, its opening is not. */
    public static final Instant NOW = T0.plus(Duration.ofMinutes(6));

    private IncidentFixtures() {
    }

    public static List<IncidentConfig.Level> ladder() {
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "cockpit-present-test-home");
        return new ConfigLoader(Map.of("HOME", nowhere.toString())).load(Optional.empty()).config().incidents()
                .ladder();
    }

    static IncidentEvent event(Instant at, String type, String incident, String service, String text) {
        return new IncidentEvent(at, type, incident, service, text, Map.of());
    }

    static final IncidentEvent HCD_DOWN = event(T0.minusSeconds(60), IncidentEvent.HEALTH, null, "hcd-server",
            "hcd-server UP → DOWN: connection refused");
    static final IncidentEvent OPENED_1 = event(T0, IncidentEvent.OPENED, "INC-0001", null,
            "opened P1 from down: Graph queries time out");
    static final IncidentEvent REMINDER_1 = event(T0.plusSeconds(300), IncidentEvent.REMINDER, "INC-0001", null,
            "not acknowledged after 5 min");
    static final IncidentEvent RESTART = event(T0.plusSeconds(200), IncidentEvent.ACTION, null, null,
            "restart all: done");
    static final IncidentEvent OTHER_ALERT = event(T0.plusSeconds(100), IncidentEvent.ALERT, null, "grafana",
            "GrafanaDown firing");
    static final IncidentEvent OPENED_2 = event(T0.plusSeconds(60), IncidentEvent.OPENED, "INC-0002", null,
            "opened P0 by hand: Data loss reported");
    static final IncidentEvent OPENED_3 = event(T0.minusSeconds(3600), IncidentEvent.OPENED, "INC-0003", null,
            "opened P2 from degraded: OpenSearch yellow");

    static final Incident INC_1 = new Incident("INC-0001", "Graph queries time out", Priority.P1, Incident.State.OPEN,
            "down", "down:hcd-server", List.of("hcd-server"), T0, null, null, 1, Set.of("detect"),
            List.of(OPENED_1, REMINDER_1));
    static final Incident INC_2 = new Incident("INC-0002", "Data loss reported", Priority.P0,
            Incident.State.ACKNOWLEDGED, "manual", "manual:2", List.of(), T0.plusSeconds(60), T0.plusSeconds(90), null,
            2, Set.of(), List.of(OPENED_2));
    static final Incident INC_3 = new Incident("INC-0003", "OpenSearch yellow", Priority.P2, Incident.State.RESOLVED,
            "degraded", "degraded:opensearch", List.of("opensearch"), T0.minusSeconds(3600), null,
            T0.minusSeconds(1800), 1, Set.of(), List.of(OPENED_3));

    public static IncidentState state() {
        return new IncidentState(List.of(INC_2, INC_1, INC_3),
                List.of(OPENED_3, HCD_DOWN, OPENED_1, OPENED_2, OTHER_ALERT, RESTART, REMINDER_1),
                List.of(new IncidentState.Prompt("INC-0001", IncidentState.Prompt.ESCALATE, 2,
                        "INC-0001 (P1) is due for L2: unresolved 30 min")),
                Map.of("INC-0001", T0.plus(Duration.ofHours(1)), "INC-0002", T0.plus(Duration.ofMinutes(16))),
                Map.of(), null);
    }
}
