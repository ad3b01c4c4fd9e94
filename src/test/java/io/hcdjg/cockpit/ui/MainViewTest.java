package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallPresenter;
import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.present.HealthFormat;
import io.hcdjg.cockpit.model.ConfigProblem;
import io.hcdjg.cockpit.present.IncidentFixtures;
import io.hcdjg.cockpit.testing.Snapshots;
import io.hcdjg.cockpit.testing.UnusedPorts;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.ServiceStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.hcdjg.cockpit.config.Redaction;
import java.util.concurrent.TimeUnit;

/** The wall shows the states of a snapshot; a broken config shows its banner. Headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    MainView view;

    @Start
    void start(Stage stage) {
        view = new MainView(30, UnusedPorts.all(), "janusgraph-demo", Background.direct());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private void show(List<ConfigProblem> problems, boolean demo) {
        WallModel m = new WallPresenter(ZoneOffset.UTC).present(Snapshots.mixed(problems, demo), Snapshots.AT);
        WaitForAsyncUtils.asyncFx(() -> view.apply(m));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theWallShowsEveryServiceWithItsStateAndReason(FxRobot robot) {
        show(List.of(), false);
        assertEquals("DOWN", text(robot, "#state-hcd-server"));
        assertEquals("connection refused on 127.0.0.1:19042", text(robot, "#reason-hcd-server"));
        assertEquals("UP", text(robot, "#state-janusgraph-server"));
        assertEquals("DEGRADED", text(robot, "#state-opensearch"));
        assertEquals("Vault is sealed: unseal it with 3 of the 5 keys", text(robot, "#reason-vault"));
        assertEquals("UNKNOWN", text(robot, "#state-grafana"));
        assertTrue(robot.lookup("#card-hcd-server").query().getStyleClass().contains(HealthFormat.STYLE_CRIT));
        assertTrue(robot.lookup("#card-janusgraph-server").query().getStyleClass().contains(HealthFormat.STYLE_OK));
        assertTrue(robot.lookup("#card-opensearch").query().getStyleClass().contains(HealthFormat.STYLE_WARN));
        assertEquals(5, robot.lookup(".ck-card").queryAll().size());
        assertTrue(robot.lookup("#status").queryAs(StatusBar.class).getText().startsWith("1 of 5 up"));
        assertFalse(robot.lookup("#config-banner").query().isVisible());
        assertFalse(robot.lookup("#demo-notice").query().isVisible());
        // the cockpit as one more service, under the gauges
        assertEquals("2.01 s", text(robot, "#self-probe-round"));
        assertEquals("4 ms", text(robot, "#self-FX-delay-p99-1-min-"));
        assertEquals("350 ms", text(robot, "#self-log-ingest-lag"));
        assertEquals("180.0 MiB", text(robot, "#self-heap-used"));
        assertEquals("47", text(robot, "#self-threads"));
        assertEquals("2.40 s to live tiles", text(robot, "#self-start-up"));
    }

    @Test
    void aNewSnapshotUpdatesTheSameCardsInPlace(FxRobot robot) {
        show(List.of(), false);
        var card = robot.lookup("#card-hcd-server").query();
        show(List.of(), true);
        assertEquals(card, robot.lookup("#card-hcd-server").query());
        assertEquals(5, robot.lookup(".ck-card").queryAll().size());
        assertTrue(robot.lookup("#demo-notice").query().isVisible());
        assertTrue(text(robot, "#demo-notice").startsWith("Demo stack: test"));
    }

    @Test
    void aBrokenConfigShowsEveryErrorInTheBanner(FxRobot robot) {
        show(List.of(new ConfigProblem("/home/op/.config/hcd-janusgraph-cockpit/cockpit.yaml", 9, 5, "services[0].port",
                        "must be a whole number from 1 to 65535, not '190420'"),
                new ConfigProblem("/home/op/.config/hcd-janusgraph-cockpit/cockpit.yaml", 11, 5, "services[1].probe",
                        "unknown probe 'vaultt'")), false);
        VBox banner = robot.lookup("#config-banner").queryAs(VBox.class);
        assertTrue(banner.isVisible());
        List<String> lines = banner.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of(
                "The config has 2 errors; the shipped defaults are in use until it is fixed:",
                "/home/op/.config/hcd-janusgraph-cockpit/cockpit.yaml:9:5: services[0].port: "
                        + "must be a whole number from 1 to 65535, not '190420'",
                "/home/op/.config/hcd-janusgraph-cockpit/cockpit.yaml:11:5: services[1].probe: "
                        + "unknown probe 'vaultt'"), lines);
        assertEquals(5, robot.lookup(".ck-card").queryAll().size(), "the wall still works on the defaults");
    }

    @Test
    void theLogPaneAndTheIncidentClockRunOnlyWhileTheirTabIsShown(FxRobot robot) {
        show(List.of(), false);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        LogsView logs = robot.lookup("#logs-view").queryAs(LogsView.class);
        IncidentsView incidents = robot.lookup("#incidents").queryAs(IncidentsView.class);
        assertFalse(logs.isRunning(), "the Services tab is shown: the log pane's frame timer stays off");
        assertFalse(incidents.isTicking());

        select(robot, tabs, "tab-logs");
        assertTrue(logs.isRunning());
        assertFalse(incidents.isTicking());

        select(robot, tabs, "tab-incidents");
        assertFalse(logs.isRunning(), "hidden again: the timer is stopped");
        assertTrue(incidents.isTicking());

        select(robot, tabs, "tab-services");
        assertFalse(logs.isRunning());
        assertFalse(incidents.isTicking());
    }

    private static void select(FxRobot robot, TabPane tabs, String id) {
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }

    @Test
    void incidentsReachTheirTabAndThePlaybooksChoice(FxRobot robot) throws Exception {
        show(List.of(), false);
        WallModel m = new WallPresenter(ZoneOffset.UTC, IncidentFixtures.ladder(), Redaction.DEFAULT).present(
                Snapshots.mixed(List.of(), false).withIncidents(IncidentFixtures.state(), IncidentFixtures.NOW),
                IncidentFixtures.NOW);
        // the first open incident once there were none: nothing chosen yet in the playbooks' list
        WaitForAsyncUtils.asyncFx(() -> view.apply(m)).get(10, TimeUnit.SECONDS);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("Incidents (2 open, 1 due)", tabs.getTabs().stream().filter(t -> "tab-incidents".equals(t.getId()))
                .findFirst().orElseThrow().getText());
        // a hidden view does no work: the runbook's playbooks get the incidents once their tab is shown
        WaitForAsyncUtils.asyncFx(() -> view.selectView("tab-runbook")).get(10, TimeUnit.SECONDS);
        assertEquals("INC-0002  Data loss reported", robot.lookup("#playbook-incident")
                .queryComboBox().getValue());
        assertEquals("2 open · 3 recorded", text(robot, "#incident-summary"));
    }

    /** Once podman has listed the project, the services it does not deploy move to the end of the wall. */
    @Test
    void theWallFollowsTheModelsOrder(FxRobot robot) {
        show(List.of(), false);
        var s = Snapshots.mixed(List.of(), false);
        var services = new ArrayList<>(s.services());
        ServiceStatus hcd = services.get(0);
        services.set(0, new ServiceStatus(hcd.name(), hcd.kind(), hcd.endpoint(),
                Health.unreachable("connection refused on 127.0.0.1:19042"), List.of(), Snapshots.AT, 3, null));
        WallModel m = new WallPresenter(ZoneOffset.UTC).present(s.withServices(services, Snapshots.AT)
                .withPodman(new PodmanState("on the local engine", null, List.of(), Snapshots.AT, true), Snapshots.AT),
                Snapshots.AT);
        WaitForAsyncUtils.asyncFx(() -> view.apply(m));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> order = robot.lookup("#wall").queryAs(Pane.class).getChildren().stream().map(Node::getId)
                .toList();
        assertEquals(List.of("card-janusgraph-server", "card-opensearch", "card-vault", "card-grafana",
                "card-hcd-server"), order);
        assertEquals("NOT DEPLOYED", text(robot, "#state-hcd-server"));
    }
}
