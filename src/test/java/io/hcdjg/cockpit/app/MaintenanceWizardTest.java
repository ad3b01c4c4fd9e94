package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.testing.PodmanStack;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.scene.control.ButtonType;

/**
 * The planned-maintenance wizard on the real demo project, every step for real: Alertmanager silence, backup,
 * nodetool drain, restart of the stack, health verified, silence expired.
 */
@ExtendWith({PodmanStack.class, ApplicationExtension.class})
class MaintenanceWizardTest {
    static final String KS = "cockpit_maintenance";
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
    void everyStepInTurn(FxRobot robot) throws Exception {
        w.cockpit().runbook().refresh();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.cockpit().store().get().runbook().at() != null);
        w.publish();
        robot.clickOn("#tab-runbook");
        robot.clickOn("#rb-maintenance");
        assertEquals("not in maintenance", robot.lookup("#maintenance-state").queryAs(Label.class).getText());
        robot.clickOn("#maintenance-wizard-open");
        robot.clickOn("#maintenance-reason").write("JVM flags of hcd-server");
        DialogPane d = robot.lookup("#maintenance-dialog").queryAs(DialogPane.class);
        robot.clickOn((Button) d.lookupButton(ButtonType.OK));

        for (int step = 1; step <= 6; step++) {
            int s = step;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#maintenance-next").queryButton()
                    .getText().equals("Run step " + s));
            robot.clickOn("#maintenance-next");
            WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> {
                String t = robot.lookup("#maintenance-step-" + s).queryAs(Label.class).getText();
                return t.startsWith("✓") || t.startsWith("✗");
            });
            String mark = robot.lookup("#maintenance-step-" + s).queryAs(Label.class).getText();
            assertTrue(mark.startsWith("✓"), mark + "\n" + robot.lookup("#maintenance-outcome").queryAs(Label.class)
                    .getText());
            if (step == 1) {
                assertTrue(w.cockpit().maintenance().active().isPresent());
                assertTrue(w.cockpit().monitoring().client().silences().stream()
                        .anyMatch(x -> x.state().equals("active")
                                && x.comment().equals("maintenance: JVM flags of hcd-server")));
            }
        }
        assertEquals("Done", robot.lookup("#maintenance-next").queryButton().getText());
        assertFalse(w.cockpit().maintenance().active().isPresent(), "maintenance mode is off again");
        String output = robot.lookup("#maintenance-output").queryAs(TextArea.class).getText();
        assertTrue(output.contains("=> done: maintenance mode off: silence "), output);
        try (var logs = Files.list(w.home().resolve(".local/share/hcd-janusgraph-cockpit/maintenance"))) {
            String log = Files.readString(logs.findFirst().orElseThrow());
            for (int i = 1; i <= 6; i++) {
                assertTrue(log.contains("== " + i + ". "), log);
            }
            assertTrue(log.contains("=> done: " + PodmanStack.container("hcd-server") + ": exit 0"), log);
        }
        String audit = Files.readString(w.home().resolve(".local/state/hcd-janusgraph-cockpit/audit.jsonl"));
        assertTrue(audit.contains("\"drain\"]"), audit);
        assertTrue(audit.contains("\"action\":\"restart --all\",\"kind\":\"outcome\",\"outcome\":\"done\""), audit);
    }
}
