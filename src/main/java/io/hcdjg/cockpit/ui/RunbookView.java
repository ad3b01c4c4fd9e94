package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.RunbookFormat;
import io.hcdjg.cockpit.present.RunbookModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.io.File;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;

/**
 * The runbook as buttons: summary tiles (checklist, proof, last backup, certificates) over a tab per procedure. Only
 * copies prepared rows into nodes; the work behind the buttons runs off the FX thread.
 */
public final class RunbookView extends VBox {
    private final RunbookPort commands;
    private final ActionController actions;
    private final Background background;
    private final ZoneId zone = ZoneId.systemDefault();
    private final HBox tiles = new HBox(12);
    private final GridPane checklist = grid("checklist-results");
    private final Label checklistAt = new Label("not run yet");
    private final Button runChecklist = new Button("Run checklist");
    private final Label reportAt = new Label();
    private final Label proofSummary = new Label();
    private final Label proofDetail = new Label();
    private final ListView<String> notebooks = new ListView<>();
    private final ListView<RunbookModel.BackupRow> backups = new ListView<>();
    private final GridPane certificates = grid("certificate-list");
    private RunbookModel shown;
    private final PlaybookView playbooks;
    private final MaintenanceView maintenance;
    private final RecoveryView recovery;

    public RunbookView(RunbookPort commands, IncidentPort incidents, ActionController actions,
                       Background background) {
        super(10);
        this.commands = commands;
        this.actions = actions;
        this.background = background;
        this.playbooks = new PlaybookView(commands, incidents, background);
        this.maintenance = new MaintenanceView(commands, background);
        this.recovery = new RecoveryView(commands, background);
        setId("runbook");
        setPadding(new Insets(10));
        tiles.setId("runbook-tiles");
        tiles.setMinHeight(Region.USE_PREF_SIZE);
        runChecklist.setId("checklist-run");
        runChecklist.setOnAction(e -> runChecklist());
        checklistAt.setId("checklist-at");
        checklistAt.getStyleClass().add("ck-muted");
        Button report = new Button("Export daily report");
        report.setId("report-export");
        report.setOnAction(e -> exportReport(null));
        Button reportTo = new Button("Export to folder…");
        reportTo.setId("report-export-to");
        reportTo.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the daily report");
            File f = chooser.showDialog(getScene().getWindow());
            if (f != null) {
                exportReport(f.toPath());
            }
        });
        reportAt.setId("report-at");
        reportAt.getStyleClass().add("ck-muted");
        HBox checklistBar = new HBox(10, runChecklist, report, reportTo, checklistAt);
        checklistBar.setAlignment(Pos.CENTER_LEFT);
        checklistBar.getChildren().forEach(n -> ((Control) n).setMinWidth(
                Region.USE_PREF_SIZE));
        reportAt.setWrapText(true);
        VBox checklistTab = new VBox(10, checklistBar, reportAt, checklist);

        proofSummary.setId("proof-summary");
        proofSummary.setWrapText(true);
        proofSummary.getStyleClass().add("ck-rb-headline");
        proofDetail.setId("proof-detail");
        proofDetail.setWrapText(true);
        proofDetail.getStyleClass().add("ck-muted");
        notebooks.setId("proof-notebooks");
        notebooks.getStyleClass().addAll("ck-list", "ck-mono");
        VBox.setVgrow(notebooks, Priority.ALWAYS);
        VBox proofTab = new VBox(8, proofSummary, proofDetail, notebooks);

        Button backupNow = new Button("Back up now…");
        backupNow.setId("backup-now");
        backupNow.setOnAction(e -> actions.backup());
        Button restore = new Button("Restore selected…");
        restore.setId("backup-restore");
        restore.disableProperty().bind(backups.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> actions.restore(backups.getSelectionModel().getSelectedItem().file()));
        backups.setId("backup-list");
        backups.getStyleClass().addAll("ck-list", "ck-mono");
        backups.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunbookModel.BackupRow b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.text());
            }
        });
        VBox.setVgrow(backups, Priority.ALWAYS);
        HBox backupBar = new HBox(10, backupNow, restore);
        VBox backupTab = new VBox(10, backupBar, backups);

        TabPane procedures = new TabPane(tab("Checklist", "rb-checklist", checklistTab), tab("Proof status", "rb-proof",
                proofTab), tab("Backups", "rb-backups", backupTab), tab("Maintenance", "rb-maintenance", maintenance),
                tab("Certificates", "rb-certificates", new ScrollPane(certificates)),
                tab("Playbooks", "rb-playbooks", scroll(playbooks)),
                tab("Recovery chain", "rb-recovery", scroll(recovery)));
        procedures.setId("runbook-tabs");
        procedures.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(procedures, Priority.ALWAYS);
        getChildren().addAll(tiles, procedures);
    }

    private static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        if (content instanceof VBox box) {
            box.setPadding(new Insets(10));
        }
        return t;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    static GridPane grid(String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.setHgap(14);
        g.setVgap(6);
        g.setPadding(new Insets(6));
        g.getStyleClass().add("ck-rb-grid");
        return g;
    }

    static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("ck-rb-badge", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** @param openIncidents "INC-0001  title" of the open incidents, for the playbooks' "add to incident" */
    public void apply(RunbookModel r, List<String> openIncidents) {
        playbooks.offerIncidents(openIncidents);
        if (r.equals(shown)) {
            return;
        }
        shown = r;
        tiles.getChildren().clear();
        for (RunbookFormat.Tile t : r.tiles()) {
            Label title = new Label(t.title());
            title.getStyleClass().add("ck-card-title");
            Label word = new Label(t.word());
            word.getStyleClass().add("ck-state");
            Label detail = new Label(t.detail());
            detail.getStyleClass().add("ck-reason");
            detail.setWrapText(true);
            VBox tile = new VBox(4, title, word, detail);
            tile.setId("runbook-tile-" + t.id());
            tile.getStyleClass().addAll("ck-rb-tile", t.styleClass());
            tile.setPadding(new Insets(0, 10, 10, 0));
            tile.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tiles.getChildren().add(tile);
        }
        showChecklist(r.checklist());
        maintenance.apply(r);
        proofSummary.setText(r.proofSummary());
        proofDetail.setText(r.proofDetail());
        notebooks.getItems().setAll(r.notebooks());
        RunbookModel.BackupRow selected = backups.getSelectionModel().getSelectedItem();
        backups.getItems().setAll(r.backups());
        if (selected != null) {
            r.backups().stream().filter(b -> b.file().equals(selected.file())).findFirst()
                    .ifPresent(b -> backups.getSelectionModel().select(b));
        }
        certificates.getChildren().clear();
        int row = 0;
        for (RunbookModel.CertRow c : r.certificates()) {
            certificates.addRow(row++, badge(c.badge(), c.styleClass()), new Label(c.source()), new Label(c.subject()),
                    new Label(c.text()));
        }
    }

    private void showChecklist(RunbookModel.Checklist c) {
        checklist.getChildren().clear();
        int row = 0;
        for (RunbookModel.CheckRow r : c.rows()) {
            Label value = new Label(r.value());
            value.setWrapText(true);
            checklist.addRow(row++, badge(r.badge(), r.styleClass()), new Label(r.name()), value);
        }
        if (c.at() != null) {
            checklistAt.setText(c.at());
        }
    }

    /** Writes the daily report (§1.2) off the FX thread and says where. */
    private void exportReport(Path dir) {
        reportAt.setText("writing the daily report…");
        background.run(() -> commands.report(dir), files -> reportAt.setText("report: " + files.stream()
                        .map(Object::toString).collect(Collectors.joining(", "))),
                e -> reportAt.setText("the report could not be written: " + e.getMessage()));
    }

    /** Runs the checklist off the FX thread; its results arrive with the next snapshot, and here at once. */
    public void runChecklist() {
        runChecklist.setDisable(true);
        checklistAt.setText("running…");
        background.run(() -> RunbookFormat.checklist(commands.checklist(), Instant.now(), zone), results -> {
            runChecklist.setDisable(false);
            showChecklist(results);
        }, e -> {
            runChecklist.setDisable(false);
            checklistAt.setText("the checklist could not run: " + e.getMessage());
        });
    }
}
