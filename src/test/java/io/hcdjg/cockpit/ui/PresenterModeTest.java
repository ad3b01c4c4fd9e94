package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.present.IncidentFixtures;
import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.present.WallPresenter;
import io.hcdjg.cockpit.testing.Snapshots;
import io.hcdjg.cockpit.testing.UnusedPorts;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presenter mode, by keys: F11 shows the wall with its head (stack, connection, clock) and none of the window's
 * controls, the palette does not open on it, and every text it shows is without addresses and user names; F11 again
 * gives the window back.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    MainView view;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new MainView(30, UnusedPorts.all(), "janusgraph-demo", Background.direct());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        view.shortcuts(() -> { }, () -> view.presenting(!view.presenting(), 0), () -> { }).install(scene);
        stage.setScene(scene);
        stage.show();
        // the wall's words as the app presents them in presenter mode: the wallboard redaction
        Redaction wall = Redaction.DEFAULT.forWallboard(List.of(System.getProperty("user.name")));
        WallModel m = new WallPresenter(ZoneOffset.UTC, List.of(), wall).present(Snapshots.mixed(List.of(), false),
                Snapshots.AT);
        view.apply(m);
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.push(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void texts(Node node, StringBuilder out) {
        if (node instanceof Labeled l && node.isVisible()) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof Parent p && node.isVisible()) {
            p.getChildrenUnmodifiable().forEach(child -> texts(child, out));
        }
    }

    @Test
    void theWallForABigScreenAndBackByKeys(FxRobot robot) {
        assertTrue(robot.lookup("#toolbar").query().isVisible());
        assertFalse(robot.lookup("#wallboard-head").query().isVisible());

        press(robot, KeyCode.F11);
        assertTrue(view.presenting());
        assertFalse(robot.lookup("#toolbar").query().isVisible(), "no toolbar on the wall");
        assertFalse(robot.lookup("#status").query().isVisible(), "no status bar");
        assertTrue(robot.lookup("#wallboard-head").query().isVisible());
        assertTrue(robot.lookup("#wallboard-clock").queryLabeled().getText().matches("\\d\\d:\\d\\d:\\d\\d"));
        assertEquals("janusgraph-demo on ***", robot.lookup("#wallboard-stack").queryLabeled().getText());
        assertTrue(robot.lookup(".ck-card-actions").queryAll().stream().noneMatch(Node::isVisible),
                "no action menu on any tile");
        press(robot, KeyCode.ESCAPE);
        assertTrue(view.presenting(), "Esc does not leave it: only F11");

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, Window.getWindows().size(), "no palette on the wall: nobody acts through it");

        StringBuilder shown = new StringBuilder();
        robot.interact(() -> texts(view, shown));
        assertTrue(shown.toString().contains("hcd-server") && shown.toString().contains("***"), shown.toString());
        assertFalse(shown.toString().contains("127.0.0.1"), shown.toString());

        // An incident open: announced in the wall's head, in its priority's colour, no dialog.
        assertFalse(robot.lookup("#wallboard-incident").query().isVisible(), "none open yet");
        WallModel withIncidents = new WallPresenter(ZoneOffset.UTC, IncidentFixtures.ladder(), Redaction.DEFAULT)
                .present(Snapshots.mixed(List.of(), false).withIncidents(IncidentFixtures.state(),
                        IncidentFixtures.NOW), IncidentFixtures.NOW);
        robot.interact(() -> view.apply(withIncidents));
        Node banner = robot.lookup("#wallboard-incident").query();
        assertTrue(banner.isVisible());
        assertTrue(((Labeled) banner).getText().startsWith("INC-"), ((Labeled) banner).getText());
        assertTrue(banner.getStyleClass().stream().anyMatch(c -> c.matches("ck-prio-p[0-3]")));
        assertEquals(1, Window.getWindows().size(), "announced on the wall, not in a window of its own");

        press(robot, KeyCode.F11);
        assertFalse(view.presenting());
        assertTrue(robot.lookup("#toolbar").query().isVisible());
        assertTrue(robot.lookup("#status").query().isVisible());
        assertFalse(robot.lookup("#wallboard-head").query().isVisible());
        assertTrue(robot.lookup(".ck-card-actions").queryAll().stream().allMatch(Node::isVisible));
    }

    /** --rotate: wall → incidents → metrics → the logs' errors, then the wall again. */
    @Test
    void theRotationShowsEachViewInTurn(FxRobot robot) {
        TabPane tabs = new TabPane();
        for (String id : List.of("services", "incidents", "metrics", "alerts", "logs")) {
            Tab t = new Tab(id);
            t.setId("tab-" + id);
            tabs.getTabs().add(t);
        }
        List<String> shown = new ArrayList<>();
        int[] logErrors = new int[1];
        robot.interact(() -> {
            Wallboard w = new Wallboard(new VBox(), tabs, List.of(), () -> logErrors[0]++);
            w.set(true, 30);
            shown.add(tabs.getSelectionModel().getSelectedItem().getId());
            for (int i = 0; i < 4; i++) {
                w.next();
                shown.add(tabs.getSelectionModel().getSelectedItem().getId());
            }
            w.set(false, 0);
        });
        assertEquals(List.of("tab-services", "tab-incidents", "tab-metrics", "tab-logs", "tab-services"), shown);
        assertEquals(3, logErrors[0], "the log pane read again on the way in and out, and on every service's errors "
                + "when it comes round");
    }
}
