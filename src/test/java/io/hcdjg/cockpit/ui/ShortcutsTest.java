package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.testing.UnusedPorts;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window driven by keys alone: every view by number, the probe, the help that lists every key. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {
    final AtomicInteger probes = new AtomicInteger();
    final AtomicInteger quits = new AtomicInteger();
    MainView view;
    Shortcuts keys;

    @Start
    void start(Stage stage) {
        view = new MainView(30, UnusedPorts.all(), "janusgraph-demo", Background.direct());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        keys = view.shortcuts(probes::incrementAndGet, () -> view.presenting(!view.presenting(), 0),
                quits::incrementAndGet);
        keys.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void press(FxRobot robot, KeyCode... combination) {
        robot.push(combination);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Ctrl+T: the light theme from the same stylesheet, the tiles repainted with its colours, and back. */
    @Test
    void theThemeTogglesWithItsKeyAndTheTilesFollow(FxRobot robot) {
        Tile disk = robot.lookup("#gauge-disk").queryAs(Tile.class);
        robot.interact(() -> view.theme(Theme.DARK));
        assertEquals(Color.web("#23272f"), disk.getBackgroundColor());
        press(robot, KeyCode.CONTROL, KeyCode.T);
        assertEquals(Theme.LIGHT, view.theme());
        assertTrue(view.getStyleClass().contains("ck-light"));
        assertEquals(Color.web("#ffffff"), disk.getBackgroundColor(), "the light theme's -ck-card");
        assertEquals(Color.web("#1c2330"), disk.getTitleColor(), "its -ck-text");
        assertEquals(Color.web("#c62828"), LogCanvas.color("ck-log-error"), "the log pane's classes follow too");
        press(robot, KeyCode.CONTROL, KeyCode.T);
        assertEquals(Theme.DARK, view.theme());
        assertEquals(Color.web("#23272f"), disk.getBackgroundColor());
    }

    @Test
    void everyViewHasItsNumberAndTheHelpListsEveryKey(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        for (int i = tabs.getTabs().size(); i >= 1; i--) {
            press(robot, KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + i));
            assertEquals(i - 1, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+" + i);
        }
        press(robot, KeyCode.F5);
        assertEquals(1, probes.get());
        press(robot, KeyCode.CONTROL, KeyCode.I);
        assertEquals("tab-incidents", view.currentView(), "what the next start shows again");
        robot.interact(() -> view.selectView("tab-runbook"));
        assertEquals("tab-runbook", tabs.getSelectionModel().getSelectedItem().getId());
        robot.interact(() -> view.selectView("tab-gone-since"));
        assertEquals("tab-runbook", view.currentView(), "a view that is no more: the one shown stays");

        press(robot, KeyCode.F1);
        GridPane help = robot.lookup("#shortcuts-help").queryAs(GridPane.class);
        List<String> shown = help.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(2 * keys.all().size(), shown.size());
        for (Shortcuts.Shortcut s : keys.all()) {
            assertTrue(shown.contains(s.keys().getDisplayText()) && shown.contains(s.what()), s.what());
        }
        assertTrue(shown.contains("Show Incidents") && shown.contains("Show Runbook"), String.valueOf(shown));
        press(robot, KeyCode.ESCAPE);
        assertEquals(Optional.empty(), robot.lookup("#shortcuts-help").tryQuery());
        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#shortcuts-help").tryQuery().isPresent(), "? shows the keys too");
        press(robot, KeyCode.ESCAPE);
        assertEquals(0, quits.get());
    }

    @Test
    void aQuestionMarkTypedInAFieldIsAQuestionMark(FxRobot robot) {
        press(robot, KeyCode.CONTROL, KeyCode.F); // the log pane's find field, focused
        robot.write("why?");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.empty(), robot.lookup("#shortcuts-help").tryQuery());
        assertTrue(robot.lookup(".text-field").queryAllAs(TextField.class).stream()
                .anyMatch(f -> f.getText().equals("why?")), "typed into the field");
    }
}
