package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.RunbookModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import io.hcdjg.cockpit.config.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;


/**
 * The Maintenance tab (§5): the routine schedule with next due times, the planned-maintenance wizard, maintenance mode.
 */
final class MaintenanceView extends VBox {
    private final RunbookPort commands;
    private final Background background;
    private final GridPane schedule = RunbookView.grid("maintenance-schedule");
    private final Label maintenanceState = new Label();
    private final Button maintenanceMode = new Button("Maintenance mode on…");
    private RunbookModel shown;

    MaintenanceView(RunbookPort commands, Background background) {
        super(10);
        this.commands = commands;
        this.background = background;
        setPadding(new Insets(10));
        Button wizard = new Button("Planned maintenance…");
        wizard.setId("maintenance-wizard-open");
        wizard.setOnAction(e -> window("Planned maintenance", "runs: maintenance mode on → backup → nodetool drain → "
                + "restart → verify health → maintenance mode off, one step at a time").ifPresent(w ->
                new MaintenanceWizardView(commands.maintenance(w.duration(), w.reason()), getScene().getWindow(),
                        background).show()));
        maintenanceMode.setId("maintenance-mode");
        maintenanceMode.setOnAction(e -> toggleMaintenance());
        maintenanceState.setId("maintenance-state");
        maintenanceState.getStyleClass().add("ck-muted");
        HBox maintenanceBar = new HBox(10, wizard, maintenanceMode, maintenanceState);
        maintenanceBar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(maintenanceBar, new Label("Routine schedule (runbook §5.1, config runbook.maintenance)"),
                schedule);

    }

    void apply(RunbookModel r) {
        shown = r;
        schedule.getChildren().clear();
        int row = 0;
        for (RunbookModel.ScheduleRow t : r.schedule()) {
            schedule.addRow(row++, new Label(t.task()), new Label(t.when()), new Label(t.duration()),
                    new Label(t.next()));
        }
        maintenanceState.setText(r.maintenance());
        maintenanceMode.setText(r.maintenanceButton());
    }

    /** The maintenance window's length and reason. */
    private record MaintenanceWindow(Duration duration, String reason) {
    }

    private Optional<MaintenanceWindow> window(String title, String what) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(getScene().getWindow());
        d.setTitle(title);
        d.setHeaderText(title + ": " + what);
        TextField length = new TextField("1h");
        length.setId("maintenance-length");
        TextField reason = new TextField();
        reason.setId("maintenance-reason");
        reason.setPromptText("what is done (shown on the silence)");
        reason.setPrefColumnCount(36);
        GridPane g = RunbookView.grid("maintenance-window");
        g.addRow(0, new Label("Window (alerts silenced)"), length);
        g.addRow(1, new Label("Reason"), reason);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("maintenance-dialog");
        Theme.dress(d.getDialogPane());
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK,
                ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(
                reason.textProperty().isEmpty().or(Bindings.createBooleanBinding(() ->
                        Durations.parse(length.getText()).isEmpty(), length.textProperty())));
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> new MaintenanceWindow(
                Durations.parse(length.getText()).orElseThrow(), reason.getText().strip()));
    }

    private void toggleMaintenance() {
        boolean on = shown == null || !shown.inMaintenance();
        Optional<MaintenanceWindow> w = on ? window("Maintenance mode", "this stack's alerts silenced, tiles marked")
                : Optional.of(new MaintenanceWindow(Duration.ZERO, ""));
        w.ifPresent(x -> {
            maintenanceMode.setDisable(true);
            background.run(() -> commands.maintenanceMode(on, x.duration(), x.reason()), o -> {
                maintenanceMode.setDisable(false);
                maintenanceState.setText(o.status().name().toLowerCase(Locale.ROOT) + ": " + o.message());
            }, e -> {
                maintenanceMode.setDisable(false);
                maintenanceState.setText("failed: " + e.getMessage());
            });
        });
    }

}
