package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallPresenter;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.testing.Snapshots;
import io.hcdjg.cockpit.testing.UnusedPorts;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.concurrent.TimeUnit;

/** The command palette reaches the actions by name; here it only records what it would run. */
@ExtendWith(ApplicationExtension.class)
class CommandPaletteTest {
    final List<String> ran = new CopyOnWriteArrayList<>();
    MainView view;

    @Start
    void start(Stage stage) {
        ActionPort recording = UnusedPorts.unusedBut(ActionPort.class, "run", args -> {
            ran.add(((ActionRequest) args[0]).describe());
            return new ActionOutcome(ActionOutcome.Status.DONE, "recorded", List.of());
        });
        view = new MainView(30, UnusedPorts.with(recording), "janusgraph-demo", Background.direct());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        view.apply(new WallPresenter(ZoneOffset.UTC).present(Snapshots.mixed(List.of(), false), Snapshots.AT));
    }

    @Test
    void typingFiltersTheCommandsAndEnterRunsTheFirst(FxRobot robot) throws Exception {
        robot.clickOn("#palette");
        robot.clickOn("#palette-filter").write("start vault");
        ListView<?> list = robot.lookup("#palette-list").queryAs(ListView.class);
        assertEquals(List.of("restart vault", "start vault"), list.getItems().stream().map(Object::toString).toList());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // restart asks for confirmation first
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ran.isEmpty());
        assertEquals(List.of("restart vault"), ran);
    }
}
