package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.model.ActionOutcome;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.TableRow;
import javafx.stage.Window;

/**
 * Alertmanager's alerts, firing first and by severity, with Acknowledge (a silence with author, comment and expiry),
 * and the active silences with Expire.
 */
final class AlertsView extends VBox {
    static final Map<String, Duration> DURATIONS = Map.of("30 minutes", Duration.ofMinutes(30), "1 hour",
            Duration.ofHours(1), "2 hours", Duration.ofHours(2), "4 hours", Duration.ofHours(4), "8 hours",
            Duration.ofHours(8), "24 hours", Duration.ofHours(24));

    private final MonitoringPort commands;
    private final Supplier<Window> owner;
    private final Background background;
    private final ObservableList<WallModel.AlertRow> alerts = FXCollections.observableArrayList();
    private final ObservableList<WallModel.SilenceRow> silences = FXCollections.observableArrayList();
    private final TableView<WallModel.AlertRow> alertTable = new TableView<>(alerts);
    private final TableView<WallModel.SilenceRow> silenceTable = new TableView<>(silences);
    private final Label problem = new Label();

    AlertsView(MonitoringPort commands, Supplier<Window> owner, Background background) {
        super(8);
        this.commands = commands;
        this.owner = owner;
        this.background = background;
        setId("alerts-view");
        getStyleClass().add("ck-alerts");
        alertTable.setId("alert-table");
        alertTable.getColumns().setAll(List.of(
                column("Severity", WallModel.AlertRow::severity, 80), column("Alert", WallModel.AlertRow::name, 180),
                column("Service", WallModel.AlertRow::service, 150), column("State", WallModel.AlertRow::state, 80),
                column("Since", WallModel.AlertRow::since, 100), column("Summary", WallModel.AlertRow::summary, 480)));
        alertTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(WallModel.AlertRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("ck-row-critical", "ck-row-warning", "ck-row-silenced");
                if (row != null && !empty) {
                    getStyleClass().add(!row.firing() ? "ck-row-silenced"
                            : row.severity().equals("critical") ? "ck-row-critical" : "ck-row-warning");
                }
            }
        });
        alertTable.setPlaceholder(new Label("No alerts."));
        silenceTable.setId("silence-table");
        silenceTable.getColumns().setAll(List.of(
                column("Matchers", WallModel.SilenceRow::matchers, 260),
                column("By", WallModel.SilenceRow::createdBy, 110),
                column("Comment", WallModel.SilenceRow::comment, 360),
                column("Until", WallModel.SilenceRow::until, 110),
                column("State", WallModel.SilenceRow::state, 80)));
        silenceTable.setPlaceholder(new Label("No active silences."));
        silenceTable.setPrefHeight(180);
        Button ack = new Button("Acknowledge…");
        ack.setId("acknowledge");
        ack.disableProperty().bind(alertTable.getSelectionModel().selectedItemProperty().isNull());
        ack.setOnAction(e -> acknowledge(alertTable.getSelectionModel().getSelectedItem()));
        Button expire = new Button("Expire silence");
        expire.setId("expire-silence");
        expire.disableProperty().bind(silenceTable.getSelectionModel().selectedItemProperty().isNull());
        expire.setOnAction(e -> expire(silenceTable.getSelectionModel().getSelectedItem()));
        problem.getStyleClass().addAll("ck-banner", "ck-banner-warn");
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setWrapText(true);
        Label silencesTitle = new Label("Silences");
        silencesTitle.getStyleClass().add("ck-chart-title");
        getChildren().addAll(problem, new HBox(8, ack), alertTable, new HBox(8, silencesTitle, expire), silenceTable);
        VBox.setVgrow(alertTable, Priority.ALWAYS);
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    void apply(List<WallModel.AlertRow> a, List<WallModel.SilenceRow> s, String monitoringProblem) {
        if (!alerts.equals(a)) {
            WallModel.AlertRow keep = alertTable.getSelectionModel().getSelectedItem();
            alerts.setAll(a);
            if (keep != null) {
                a.stream().filter(r -> r.name().equals(keep.name()) && r.labels().equals(keep.labels())).findFirst()
                        .ifPresent(r -> alertTable.getSelectionModel().select(r));
            }
        }
        if (!silences.equals(s)) {
            silences.setAll(s);
        }
        problem.setText(monitoringProblem);
        problem.setVisible(!monitoringProblem.isEmpty());
        problem.setManaged(!monitoringProblem.isEmpty());
    }

    /** A silence on exactly this alert's labels, with who, why and until when (the button, or the palette). */
    void acknowledge(WallModel.AlertRow row) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("Acknowledge " + row.name());
        d.setHeaderText("Acknowledge " + row.name() + (row.service().isEmpty() ? "" : " on " + row.service())
                + ": a silence in Alertmanager");
        d.getDialogPane().setId("silence-dialog");
        Theme.dress(d.getDialogPane());
        TextField author = new TextField(System.getProperty("user.name"));
        author.setId("silence-author");
        TextArea comment = new TextArea();
        comment.setId("silence-comment");
        comment.setPromptText("Why, and what is being done (required)");
        comment.setPrefRowCount(3);
        ChoiceBox<String> duration = new ChoiceBox<>(FXCollections.observableArrayList(
                "30 minutes", "1 hour", "2 hours", "4 hours", "8 hours", "24 hours"));
        duration.setId("silence-duration");
        duration.setValue("2 hours");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Author"), author);
        grid.addRow(1, new Label("Comment"), comment);
        grid.addRow(2, new Label("For"), duration);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(comment.textProperty().isEmpty()
                .or(author.textProperty().isEmpty()));
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> run(() -> commands.silence(row.name(),
                row.labels(), DURATIONS.get(duration.getValue()), author.getText().strip(),
                comment.getText().strip())));
    }

    private void expire(WallModel.SilenceRow row) {
        run(() -> commands.expireSilence(row.id()));
    }

    private void run(Supplier<ActionOutcome> work) {
        background.run(work::get, this::outcome, e -> outcome(new ActionOutcome(ActionOutcome.Status.FAILED,
                String.valueOf(e.getMessage()), List.of())));
    }

    private void outcome(ActionOutcome o) {
        Alert a = new Alert(o.status() == ActionOutcome.Status.DONE ? Alert.AlertType.INFORMATION
                : Alert.AlertType.ERROR, o.message(), ButtonType.OK);
        a.initOwner(owner.get());
        a.setHeaderText(o.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        a.getDialogPane().setId("silence-outcome");
        Theme.dress(a.getDialogPane());
        a.show();
    }
}
