package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.app.LogSources;
import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.LogClassifier;
import io.hcdjg.cockpit.logs.LogIngest;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log pane on real buffers: filter with context, find, pause and resume, export. */
@ExtendWith(ApplicationExtension.class)
class LogsViewTest {
    final LogBuffer api = new LogBuffer(100_000);
    final LogBuffer hcd = new LogBuffer(100_000);
    final LogIngest apiIn = new LogIngest(LogClassifier.defaults(), api, null, System::currentTimeMillis);
    LogsView view;

    @Start
    void start(Stage stage) {
        for (int i = 0; i < 200; i++) {
            write(apiIn, i, "line " + i + (i % 10 == 0 ? " [ERROR] boom" : " [INFO] fine")
                    + (i % 70 == 5 ? " needle" : ""));
        }
        LogIngest hcdIn = new LogIngest(LogClassifier.defaults(), hcd, null, System::currentTimeMillis);
        for (int i = 0; i < 50; i++) {
            write(hcdIn, i, "cassandra " + i);
        }
        List<LogSource> sources = List.of(LogSources.source("analytics-api", "api_1", api, Redaction.DEFAULT),
                LogSources.source("hcd-server", "hcd_1", hcd, Redaction.DEFAULT));
        view = new LogsView(() -> sources, Background.direct());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        view.offer(List.of("analytics-api", "hcd-server"));
    }

    private static void write(LogIngest in, int i, String text) {
        byte[] b = String.format("2026-11-28T06:%02d:%02d.000Z %s%n", i / 60 % 60, i % 60, text)
                .getBytes(StandardCharsets.UTF_8);
        in.accept(b, 0, b.length);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#log-status").queryAs(Label.class).getText();
    }

    private static void awaitStatus(FxRobot robot, String prefix) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).startsWith(prefix));
    }

    @Test
    void filterWithContextFindPauseResumeAndExport(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitStatus(robot, "200 lines");
        robot.clickOn("#log-filter").write("ERROR").type(KeyCode.ENTER);
        awaitStatus(robot, "20 lines");
        Spinner<?> context = robot.lookup("#log-context").queryAs(Spinner.class);
        WaitForAsyncUtils.asyncFx(() -> context.getValueFactory().increment(1)).get(5, TimeUnit.SECONDS);
        awaitStatus(robot, "59 lines"); // 20 matches, each with the line before and after (the first has none before)

        robot.clickOn("#log-find").write("needle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#log-find-count").queryAs(Label.class).getText().equals("0 matches"));
        // The needles (lines 5, 75, 145) are neither errors nor next to one: clear the filter to see all three.
        robot.doubleClickOn("#log-filter").eraseText(5).type(KeyCode.ENTER);
        awaitStatus(robot, "200 lines");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#log-find-count").queryAs(Label.class).getText().equals("3 matches"));

        ToggleButton follow = robot.lookup("#log-follow").queryAs(ToggleButton.class);
        robot.clickOn(follow);
        assertFalse(follow.isSelected());
        for (int i = 200; i < 205; i++) {
            write(apiIn, i, "line " + i + " [INFO] late");
        }
        Button jump = robot.lookup("#log-jump").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, jump::isVisible);
        assertEquals("5 new lines — jump to end", jump.getText());
        robot.clickOn(jump);
        assertTrue(follow.isSelected());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !jump.isVisible());

        WaitForAsyncUtils.asyncFx(() -> context.getValueFactory().decrement(1)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#log-filter").write("late").type(KeyCode.ENTER);
        awaitStatus(robot, "5 lines");
        Path out = dir.resolve("export.txt");
        WaitForAsyncUtils.asyncFx(() -> view.export(out)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).contains("exported 5 lines"));
        List<String> lines = Files.readAllLines(out);
        assertEquals(5, lines.size());
        assertEquals("2026-11-28T06:03:20Z analytics-api | line 200 [INFO] late", lines.get(0));
    }

    @Test
    void severalServicesMergeByTime(FxRobot robot) throws Exception {
        awaitStatus(robot, "200 lines");
        WaitForAsyncUtils.asyncFx(() -> view.show("hcd-server", 0)).get(5, TimeUnit.SECONDS);
        awaitStatus(robot, "50 lines");
        WaitForAsyncUtils.asyncFx(() -> view.show("analytics-api", LogClassifier.ERROR)).get(5, TimeUnit.SECONDS);
        awaitStatus(robot, "20 lines");
    }
}
