package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.ConfigProblem;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityState;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.Silence;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.present.IncidentFixtures;
import io.hcdjg.cockpit.present.WallPresenter;
import io.hcdjg.cockpit.testing.Snapshots;
import io.hcdjg.cockpit.testing.UnusedPorts;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret in every field the window shows — a reason, an endpoint, a config error, a metric, an alert and its
 * silence, a security line, an incident's title and timeline, the podman banner — and every tab opened: no text in
 * the window holds it.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSecretsSweepTest {
    static final String SECRET = "Sw33p-s3cret-7";
    MainView view;

    @Start
    void start(Stage stage) {
        Ports unused = UnusedPorts.all();
        Ports ports = new Ports(unused.actions(), unused.logs(), UnusedPorts.unusedBut(MonitoringPort.class, "range",
                args -> List.of()), unused.incidents(), unused.runbook());
        view = new MainView(30, ports, "janusgraph-demo", Background.direct());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        Redaction redaction = new Redaction(List.of(SECRET), List.of(), List.of());
        view.apply(new WallPresenter(ZoneOffset.UTC, IncidentFixtures.ladder(), redaction).present(leaky(),
                Snapshots.AT));
    }

    private static StackSnapshot leaky() {
        var at = Snapshots.AT;
        StackSnapshot s = Snapshots.mixed(List.of(new ConfigProblem("/etc/cockpit.yaml", 3, 5, "monitoring.prometheus",
                "must be an http:// URL, not 'ftp://ops:" + SECRET + "@x'")), false);
        List<ServiceStatus> services = new ArrayList<>(s.services());
        ServiceStatus v = services.get(3);
        services.set(3, new ServiceStatus(v.name(), v.kind(), "http://ops:" + SECRET + "@127.0.0.1:8200/v1/sys/health",
                Health.down("token " + SECRET + " refused"), List.of(), at, 1, null));
        IncidentEvent opened = new IncidentEvent(at, IncidentEvent.OPENED, "INC-0042", null,
                "opened P1 by hand: leaked " + SECRET, Map.of());
        Incident incident = new Incident("INC-0042", "Password " + SECRET + " in a log", Priority.P1,
                Incident.State.OPEN, "manual", "manual:42", List.of("vault"), at, null, null, 1, Set.of(),
                List.of(opened));
        return s.withServices(services, at)
                .withMonitoring(new MonitoringState(List.of(new MetricReading("error-rate", "Error rate", "%", 1.0,
                        HealthLevel.DEGRADED, "no value: " + SECRET, List.of(1.0), "Prometheus: x")), List.of(),
                        List.of(new Alert("f1", "HighErrorRate", "warning", "vault", "active", at,
                                "token " + SECRET, Map.of("alertname", "HighErrorRate", "pw", SECRET), List.of())),
                        List.of(new Silence("s1", "active", "ops", "because " + SECRET, at, at.plusSeconds(600),
                                List.of("pw=" + SECRET))), null, null, at), at)
                .withSecurity(new SecurityState(at, List.of(new SecurityEvent(at, "analytics-api",
                        SecurityEvent.Category.AUTH_FAILURE, "cqlsh -u admin -p " + SECRET, "", "log",
                        "cqlsh -u admin -p " + SECRET)), List.of()), at)
                .withIncidents(new IncidentState(List.of(incident), List.of(opened), List.of(), Map.of(), Map.of(),
                        null), at)
                .withPodman(new PodmanState("podman on ops", "ssh://ops:" + SECRET + "@host: connection refused",
                        List.of(), at, false), at);
    }

    @Test
    void noTabShowsTheSecret(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int tab = i;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> collect(view, all));
        }
        String shown = all.toString();
        assertTrue(shown.contains("HighErrorRate") && shown.contains("INC-0042") && shown.contains("***"),
                "the fields were shown, redacted");
        assertFalse(shown.contains(SECRET), () -> "the window shows the secret: " + around(shown));
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof Labeled l) {
            out.append(l.getText()).append('\n');
        } else if (node instanceof Text t) {
            out.append(t.getText()).append('\n');
        } else if (node instanceof TextInputControl t) {
            out.append(t.getText()).append('\n');
        }
        if (node instanceof ListView<?> list) {
            list.getItems().forEach(item -> out.append(item).append('\n'));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }

    private static String around(String shown) {
        int i = shown.indexOf(SECRET);
        return shown.substring(Math.max(0, i - 80), Math.min(shown.length(), i + 40));
    }
}
