package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.testing.PodmanStack;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.scene.control.ButtonType;

/**
 * The runbook tab on the real demo project: the morning checklist and the daily report from their buttons, then a
 * backup from the panel.
 */
@ExtendWith({PodmanStack.class, ApplicationExtension.class})
class RunbookFlowTest {
    static final String KS = "cockpit_runbook_flow";
    RunbookWindow w;

    @Start
    void start(Stage stage) throws Exception {
        w = RunbookWindow.open(stage, KS);
    }

    @AfterEach
    void stop() {
        w.cockpit().close();
    }

    @Test
    void checklistThenBackupFromThePanel(FxRobot robot) throws Exception {
        w.cockpit().containers().list(false);
        w.cockpit().logs().sync(w.cockpit().podman().podman().containers(PodmanStack.PROJECT));
        w.publish();
        robot.clickOn("#tab-runbook");
        robot.clickOn("#checklist-run");
        GridPane rows = robot.lookup("#checklist-results").queryAs(GridPane.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> rows.getChildren().size() == 21);
        Label firstValue = (Label) rows.getChildren().get(2);
        assertEquals("7 of 7 containers running", firstValue.getText());
        assertEquals("FAIL", ((Label) rows.getChildren().get(12)).getText(), "no backup yet");
        assertTrue(robot.lookup("#checklist-at").queryAs(Label.class).getText().startsWith("saved "));
        try (var saved = Files.list(w.home().resolve(".local/share/hcd-janusgraph-cockpit/checklists"))) {
            assertEquals(1, saved.count());
        }

        robot.clickOn("#report-export");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#report-at").queryAs(Label.class).getText()
                .startsWith("report: "));
        Path reports = w.home().resolve(".local/share/hcd-janusgraph-cockpit/reports");
        String md;
        try (var files = Files.list(reports)) {
            assertEquals(2, files.count(), "Markdown and HTML");
        }
        try (var files = Files.list(reports)) {
            md = Files.readString(files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow());
        }
        assertTrue(md.contains("## Log review, last 24 hours") && md.contains("## Incidents open or resolved"), md);

        robot.clickOn("#rb-backups");
        robot.clickOn("#backup-now");
        DialogPane confirm = robot.lookup("#confirm-dialog").queryAs(DialogPane.class);
        robot.clickOn((Button) confirm.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !robot.lookup("#progress-outcome").queryAs(Label.class)
                .getText().equals("running…"));
        String outcome = robot.lookup("#progress-outcome").queryAs(Label.class).getText();
        assertTrue(outcome.startsWith("done: hcd-" + PodmanStack.PROJECT + "-" + KS + "-"), outcome);
        robot.clickOn("#progress-cancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> w.cockpit().store().get().runbook().backups().size() == 1);
        w.publish();
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#backup-list").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        assertTrue(robot.lookup("#runbook-tile-backup").query().getStyleClass().contains("ck-ok"));
    }
}
