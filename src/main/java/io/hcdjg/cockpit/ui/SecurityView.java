package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.present.HealthFormat;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * Runbook §8.1 as a tab: failed authentications, authorisation denials, validation failures, destructive statements
 * and Vault access per service and per user or address (1 h / 24 h), the newest events — a click shows the raw line —
 * and where each source is read from, or why it is missing.
 */
final class SecurityView extends VBox {
    private final Label summary = new Label();
    private final ObservableList<WallModel.SecurityCount> byService = FXCollections.observableArrayList();
    private final ObservableList<WallModel.SecurityCount> byWho = FXCollections.observableArrayList();
    private final ObservableList<WallModel.SecurityRow> events = FXCollections.observableArrayList();
    private final TableView<WallModel.SecurityRow> eventTable = new TableView<>(events);
    private final TextArea raw = new TextArea();
    private final VBox sources = new VBox(2);
    private WallModel.Security shown;

    SecurityView() {
        super(8);
        setId("security-view");
        getStyleClass().add("ck-alerts");
        summary.setId("security-summary");
        summary.getStyleClass().add("ck-section-title");
        TableView<WallModel.SecurityCount> services = counts(byService, "security-by-service", "Service",
                WallModel.SecurityCount::service);
        TableView<WallModel.SecurityCount> who = counts(byWho, "security-by-who", "User or address",
                WallModel.SecurityCount::name);
        HBox tables = new HBox(12, services, who);
        HBox.setHgrow(services, Priority.ALWAYS);
        HBox.setHgrow(who, Priority.ALWAYS);
        eventTable.setId("security-events");
        eventTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        eventTable.setPlaceholder(new Label("no security event in the last 24 hours"));
        eventTable.getColumns().setAll(List.of(
                AlertsView.column("Time", WallModel.SecurityRow::time, 120),
                AlertsView.column("Service", WallModel.SecurityRow::service, 130),
                AlertsView.column("Category", WallModel.SecurityRow::category, 170),
                AlertsView.column("What", WallModel.SecurityRow::what, 380),
                AlertsView.column("User or address", WallModel.SecurityRow::who, 150),
                AlertsView.column("Source", WallModel.SecurityRow::source, 200)));
        eventTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) ->
                raw.setText(row == null ? "" : row.raw()));
        raw.setId("security-raw");
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.setPrefRowCount(3);
        raw.setPromptText("select an event to read the line as it was written");
        raw.getStyleClass().add("ck-mono");
        sources.setId("security-sources");
        VBox.setVgrow(eventTable, Priority.ALWAYS);
        getChildren().addAll(summary, tables, eventTable, raw, sources);
    }

    private static TableView<WallModel.SecurityCount> counts(ObservableList<WallModel.SecurityCount> rows, String id,
                                                            String title,
                                                            Function<WallModel.SecurityCount, String> name) {
        TableView<WallModel.SecurityCount> t = new TableView<>(rows);
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPrefHeight(170);
        t.setPlaceholder(new Label("none"));
        t.getColumns().setAll(List.of(AlertsView.column("Category", WallModel.SecurityCount::category, 170),
                AlertsView.column(title, name, 170), AlertsView.column("1 h", WallModel.SecurityCount::hour, 60),
                AlertsView.column("24 h", WallModel.SecurityCount::day, 60)));
        t.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(WallModel.SecurityCount row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(HealthFormat.STYLE_CRIT, HealthFormat.STYLE_WARN, HealthFormat.STYLE_UNKNOWN);
                if (row != null && !empty) {
                    getStyleClass().add(row.styleClass());
                }
            }
        });
        return t;
    }

    /** Shows the latest state; the selected event stays selected while it is still listed. */
    void apply(WallModel.Security s) {
        if (s.equals(shown)) {
            return;
        }
        shown = s;
        summary.setText(s.summary());
        byService.setAll(s.byService());
        byWho.setAll(s.byWho());
        WallModel.SecurityRow selected = eventTable.getSelectionModel().getSelectedItem();
        events.setAll(s.events());
        if (selected != null && events.contains(selected)) {
            eventTable.getSelectionModel().select(selected);
        }
        sources.getChildren().setAll(s.sources().stream().map(line -> {
            Label l = new Label(line);
            l.getStyleClass().add("ck-muted");
            l.setWrapText(true);
            return l;
        }).toList());
    }
}
