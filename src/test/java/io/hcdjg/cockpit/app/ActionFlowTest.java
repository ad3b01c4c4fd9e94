package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.testing.FxBackground;
import io.hcdjg.cockpit.testing.PodmanStack;
import io.hcdjg.cockpit.ui.MainView;
import io.hcdjg.cockpit.present.WallPresenter;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.HashMap;
import java.util.Optional;
import javafx.scene.control.ButtonType;

/**
 * The window's action flow against the real demo stack: a restart asks for confirmation, shows its progress and ends
 * verified; a destructive action without the project name typed in is refused before anything runs.
 */
@ExtendWith({PodmanStack.class, ApplicationExtension.class})
class ActionFlowTest {
    Cockpit cockpit;
    MainView view;
    Path state;

    @Start
    void start(Stage stage) throws Exception {
        state = Files.createTempDirectory("cockpit-state");
        Map<String, String> env = new HashMap<>(PodmanStack.env(state));
        env.put("XDG_STATE_HOME", state.toString());
        cockpit = new Cockpit(new CockpitOptions(Optional.empty(), false, null, null), env, false, s -> { });
        view = new MainView(30, WindowPorts.of(() -> cockpit, name -> { }, PodmanStack.PROJECT),
                PodmanStack.PROJECT, FxBackground.threads());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        cockpit.close();
    }

    private void showStack() throws Exception {
        cockpit.poller().runRound().get(30, TimeUnit.SECONDS);
        cockpit.containers().list(true);
        var model = new WallPresenter(ZoneOffset.UTC).present(cockpit.store().get(), Instant.now());
        WaitForAsyncUtils.asyncFx(() -> view.apply(model)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String outcome(FxRobot robot) {
        return robot.lookup("#progress-outcome").queryAs(Label.class).getText();
    }

    @Test
    void aRestartAsksShowsProgressAndEndsVerified(FxRobot robot) throws Exception {
        showStack();
        robot.clickOn("#actions-janusgraph-server");
        robot.clickOn("#restart-janusgraph-server");
        DialogPane confirm = robot.lookup("#confirm-dialog").queryAs(DialogPane.class);
        assertTrue(confirm.getHeaderText().startsWith("restart janusgraph-server"), confirm.getHeaderText());
        robot.clickOn((Button) confirm.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !outcome(robot).equals("running…"));
        assertTrue(outcome(robot).startsWith("done: janusgraph-server UP after "), outcome(robot));
        String log = robot.lookup("#progress-log").queryAs(TextArea.class).getText();
        assertTrue(log.contains("restart janusgraph-server on the local engine"), log);
        assertTrue(log.contains(PodmanStack.container("janusgraph-server")), log);
        assertEquals("Close", robot.lookup("#progress-cancel").queryAs(Button.class).getText());
        String audit = Files.readString(state.resolve("hcd-janusgraph-cockpit/audit.jsonl"));
        assertTrue(audit.contains("\"action\":\"restart janusgraph-server\"")
                && audit.contains("\"outcome\":\"done\""), audit);
    }

    @Test
    void downWithoutTheProjectNameTypedInIsRefused(FxRobot robot) throws Exception {
        showStack();
        robot.clickOn("#down-all");
        robot.clickOn("#confirm-project").write("yes");
        DialogPane dialog = robot.lookup("#input-dialog").queryAs(DialogPane.class);
        robot.clickOn((Button) dialog.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !outcome(robot).equals("running…"));
        assertTrue(outcome(robot).startsWith("refused: down --all is destructive: confirm it with the project name "
                + "'" + PodmanStack.PROJECT + "'"), outcome(robot));
        assertEquals(7, cockpit.podman().podman().containers(PodmanStack.PROJECT).stream()
                .filter(c -> c.running()).count());
    }
}
