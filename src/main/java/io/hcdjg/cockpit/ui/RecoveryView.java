package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.RecoveryFormat;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import io.hcdjg.cockpit.model.RecoveryStep;

/** The fresh-machine recovery chain: seven live checks, the first failing one with its R-code, the R-01..R-18 table. */
final class RecoveryView extends VBox {
    private final RunbookPort commands;
    private final Background background;
    private final GridPane recovery = RunbookView.grid("recovery-steps");
    private final GridPane codes = RunbookView.grid("recovery-codes");
    private final Label recoveryAt = new Label("not checked yet");

    RecoveryView(RunbookPort commands, Background background) {
        super(10);
        this.commands = commands;
        this.background = background;
        setPadding(new Insets(10));
        Button check = new Button("Check the chain");
        check.setId("recovery-check");
        check.setOnAction(e -> checkRecovery(check));
        recoveryAt.setId("recovery-at");
        recoveryAt.getStyleClass().add("ck-muted");
        HBox recoveryBar = new HBox(10, check, recoveryAt);
        recoveryBar.setAlignment(Pos.CENTER_LEFT);
        showCodes("");
        getChildren().addAll(recoveryBar, recovery, new Label("Recovery codes (stack-reference §4.8)"), codes);

    }

    /** The fresh-machine recovery chain, checked off the FX thread; the first failing step stands out. */
    private void checkRecovery(Button check) {
        check.setDisable(true);
        recoveryAt.setText("checking…");
        background.run(() -> RecoveryFormat.chain(commands.recovery()), chain -> {
            check.setDisable(false);
            showRecovery(chain);
        }, e -> {
            check.setDisable(false);
            recoveryAt.setText("the chain could not be checked: " + e.getMessage());
        });
    }

    private void showRecovery(RecoveryFormat.Chain chain) {
        recovery.getChildren().clear();
        int row = 0;
        for (RecoveryFormat.Row s : chain.rows()) {
            Label name = new Label(s.name());
            Label found = new Label(s.found());
            found.setWrapText(true);
            found.setMaxWidth(760);
            if (s.first()) {
                name.getStyleClass().add("ck-rb-first");
                found.getStyleClass().add("ck-rb-first");
                name.setId("recovery-first");
            }
            recovery.addRow(row++, RunbookView.badge(s.badge(), s.styleClass()), name, found);
        }
        recoveryAt.setText(chain.summary());
        showCodes(chain.code());
    }

    private void showCodes(String highlighted) {
        codes.getChildren().clear();
        int row = 0;
        for (var c : RecoveryStep.CODES) {
            Label id = new Label(c.id());
            Label symptom = new Label(c.symptom());
            Label fix = new Label(c.fix());
            if (c.id().equals(highlighted)) {
                List.of(id, symptom, fix).forEach(l -> l.getStyleClass().add("ck-rb-first"));
            }
            codes.addRow(row++, id, symptom, fix);
        }
    }

}
