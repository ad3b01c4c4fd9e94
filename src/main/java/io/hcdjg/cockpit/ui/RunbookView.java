package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.CertStatus;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.RunbookState;
import javafx.application.Platform;
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

/**
 * The runbook as buttons: summary tiles (checklist, proof, last backup, certificates) over a tab per procedure. Only
 * copies prepared rows into nodes; the work behind the buttons runs off the FX thread.
 */
public final class RunbookView extends VBox {
    private final Commands commands;
    private final ActionController actions;
    private final ZoneId zone = ZoneId.systemDefault();
    private final HBox tiles = new HBox(12);
    private final GridPane checklist = grid("checklist-results");
    private final Label checklistAt = new Label("not run yet");
    private final Button runChecklist = new Button("Run checklist");
    private final Label reportAt = new Label();
    private final Label proofSummary = new Label();
    private final Label proofDetail = new Label();
    private final ListView<String> notebooks = new ListView<>();
    private final ListView<BackupInfo> backups = new ListView<>();
    private final GridPane certificates = grid("certificate-list");
    private final GridPane schedule = grid("maintenance-schedule");
    private final GridPane recovery = grid("recovery-steps");
    private final GridPane codes = grid("recovery-codes");
    private final Label recoveryAt = new Label("not checked yet");
    private final Label maintenanceState = new Label();
    private final Button maintenanceMode = new Button("Maintenance mode on…");
    private RunbookState shown;
    private final PlaybookView playbooks;

    public RunbookView(Commands commands, ActionController actions) {
        super(10);
        this.commands = commands;
        this.actions = actions;
        this.playbooks = new PlaybookView(commands);
        setId("runbook");
        setPadding(new Insets(10));
        tiles.setId("runbook-tiles");
        tiles.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Folder for the daily report");
            java.io.File f = chooser.showDialog(getScene().getWindow());
            if (f != null) {
                exportReport(f.toPath());
            }
        });
        reportAt.setId("report-at");
        reportAt.getStyleClass().add("ck-muted");
        HBox checklistBar = new HBox(10, runChecklist, report, reportTo, checklistAt);
        checklistBar.setAlignment(Pos.CENTER_LEFT);
        checklistBar.getChildren().forEach(n -> ((javafx.scene.control.Control) n).setMinWidth(
                javafx.scene.layout.Region.USE_PREF_SIZE));
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
        backups.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(BackupInfo b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : RunbookFormat.backupRow(b, Instant.now()));
            }
        });
        VBox.setVgrow(backups, Priority.ALWAYS);
        HBox backupBar = new HBox(10, backupNow, restore);
        VBox backupTab = new VBox(10, backupBar, backups);

        Button wizard = new Button("Planned maintenance…");
        wizard.setId("maintenance-wizard-open");
        wizard.setOnAction(e -> window("Planned maintenance", "runs: maintenance mode on → backup → nodetool drain → "
                + "restart → verify health → maintenance mode off, one step at a time").ifPresent(w ->
                new MaintenanceWizardView(commands.maintenance(w.duration(), w.reason()), getScene().getWindow()).show()));
        maintenanceMode.setId("maintenance-mode");
        maintenanceMode.setOnAction(e -> toggleMaintenance());
        maintenanceState.setId("maintenance-state");
        maintenanceState.getStyleClass().add("ck-muted");
        HBox maintenanceBar = new HBox(10, wizard, maintenanceMode, maintenanceState);
        maintenanceBar.setAlignment(Pos.CENTER_LEFT);
        VBox maintenanceTab = new VBox(10, maintenanceBar, new Label("Routine schedule (runbook §5.1, config "
                + "runbook.maintenance)"), schedule);

        Button check = new Button("Check the chain");
        check.setId("recovery-check");
        check.setOnAction(e -> checkRecovery(check));
        recoveryAt.setId("recovery-at");
        recoveryAt.getStyleClass().add("ck-muted");
        HBox recoveryBar = new HBox(10, check, recoveryAt);
        recoveryBar.setAlignment(Pos.CENTER_LEFT);
        showCodes("");
        VBox recoveryTab = new VBox(10, recoveryBar, recovery, new Label("Recovery codes (stack-reference §4.8)"), codes);
        ScrollPane recoveryScroll = new ScrollPane(recoveryTab);
        recoveryScroll.setFitToWidth(true);

        TabPane procedures = new TabPane(tab("Checklist", "rb-checklist", checklistTab), tab("Proof status", "rb-proof",
                proofTab), tab("Backups", "rb-backups", backupTab), tab("Maintenance", "rb-maintenance", maintenanceTab),
                tab("Certificates", "rb-certificates", new ScrollPane(certificates)),
                tab("Playbooks", "rb-playbooks", scroll(playbooks)), tab("Recovery chain", "rb-recovery", recoveryScroll));
        recoveryTab.setPadding(new Insets(10));
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

    private static GridPane grid(String id) {
        GridPane g = new GridPane();
        g.setId(id);
        g.setHgap(14);
        g.setVgap(6);
        g.setPadding(new Insets(6));
        g.getStyleClass().add("ck-rb-grid");
        return g;
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("ck-rb-badge", style);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** @param incidents for the playbooks' "add to incident" */
    public void apply(RunbookState r, io.hcdjg.cockpit.model.IncidentState incidents) {
        playbooks.offerIncidents(incidents);
        if (r == shown) {
            return;
        }
        shown = r;
        Instant now = Instant.now();
        tiles.getChildren().clear();
        for (RunbookFormat.Tile t : RunbookFormat.tiles(r, zone)) {
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
            tile.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tiles.getChildren().add(tile);
        }
        showChecklist(r.checklist(), r.checkedAt());
        showMaintenance(r);
        ProofStatus p = r.proof();
        if (p != null) {
            proofSummary.setText(p.summary());
            proofDetail.setText("exports: " + p.exports()
                    + (p.status().file() == null ? "" : "\nstatus: exit " + p.status().exitCode() + ", written "
                    + p.status().timestamp() + (p.status().problems().isEmpty() ? ""
                    : " — " + String.join("; ", p.status().problems())))
                    + (p.gate().runDir() == null ? "" : "\nrun: " + p.gate().runDir().getFileName() + ", gate "
                    + (p.gate().token() == null || p.gate().token().isEmpty() ? "(empty)" : p.gate().token()) + " — "
                    + p.gate().meaning()));
            List<String> rows = new java.util.ArrayList<>(p.notebooks().rows().stream().map(RunbookFormat::notebookRow)
                    .toList());
            p.notebooks().problems().forEach(x -> rows.add("! " + x));
            notebooks.getItems().setAll(rows);
        }
        BackupInfo selected = backups.getSelectionModel().getSelectedItem();
        backups.getItems().setAll(r.backups());
        if (selected != null && r.backups().contains(selected)) {
            backups.getSelectionModel().select(selected);
        }
        certificates.getChildren().clear();
        int row = 0;
        for (CertStatus c : r.certificates()) {
            String word = switch (c.level()) {
                case UP -> "OK";
                case DEGRADED -> "WARN";
                case DOWN -> c.notAfter() == null ? "NO TLS" : "CRITICAL";
                default -> "MISSING";
            };
            certificates.addRow(row++, badge(word, HealthFormat.styleClass(c.level())),
                    new Label(c.source()), new Label(c.subject()), new Label(c.text()));
        }
    }

    private void showMaintenance(RunbookState r) {
        schedule.getChildren().clear();
        int row = 0;
        for (var t : r.schedule()) {
            schedule.addRow(row++, new Label(t.task()), new Label(t.when()), new Label(io.hcdjg.cockpit.config.Durations
                    .words(t.duration())), new Label(t.next() == null ? "—" : "next " + java.time.format.DateTimeFormatter
                    .ofPattern("EEE yyyy-MM-dd HH:mm", java.util.Locale.ROOT).format(t.next().atZone(zone))));
        }
        var w = r.maintenance();
        maintenanceState.setText(w == null ? "not in maintenance" : "in maintenance until "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(w.until().atZone(zone)) + " — "
                + w.reason() + " (" + w.by() + "); every alert silenced");
        maintenanceMode.setText(w == null ? "Maintenance mode on…" : "End maintenance mode");
    }

    /** The maintenance window's length and reason. */
    private record MaintenanceWindow(java.time.Duration duration, String reason) {
    }

    private java.util.Optional<MaintenanceWindow> window(String title, String what) {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d = new javafx.scene.control.Dialog<>();
        d.initOwner(getScene().getWindow());
        d.setTitle(title);
        d.setHeaderText(title + ": " + what);
        javafx.scene.control.TextField length = new javafx.scene.control.TextField("1h");
        length.setId("maintenance-length");
        javafx.scene.control.TextField reason = new javafx.scene.control.TextField();
        reason.setId("maintenance-reason");
        reason.setPromptText("what is done (shown on the silence)");
        reason.setPrefColumnCount(36);
        GridPane g = grid("maintenance-window");
        g.addRow(0, new Label("Window (alerts silenced)"), length);
        g.addRow(1, new Label("Reason"), reason);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("maintenance-dialog");
        d.getDialogPane().getStylesheets().add(MainView.STYLESHEET);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).disableProperty().bind(
                reason.textProperty().isEmpty().or(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                        io.hcdjg.cockpit.config.Durations.parse(length.getText()).isEmpty(), length.textProperty())));
        return d.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).map(b -> new MaintenanceWindow(
                io.hcdjg.cockpit.config.Durations.parse(length.getText()).orElseThrow(), reason.getText().strip()));
    }

    private void toggleMaintenance() {
        boolean on = shown == null || shown.maintenance() == null;
        java.util.Optional<MaintenanceWindow> w = on ? window("Maintenance mode", "every alert silenced, tiles marked")
                : java.util.Optional.of(new MaintenanceWindow(java.time.Duration.ZERO, ""));
        w.ifPresent(x -> {
            maintenanceMode.setDisable(true);
            Thread.ofVirtual().name("maintenance-mode").start(() -> {
                var o = commands.maintenanceMode(on, x.duration(), x.reason());
                Platform.runLater(() -> {
                    maintenanceMode.setDisable(false);
                    maintenanceState.setText(o.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + o.message());
                });
            });
        });
    }

    private void showChecklist(List<CheckResult> results, Instant at) {
        checklist.getChildren().clear();
        int row = 0;
        for (CheckResult c : results) {
            Label value = new Label(c.value());
            value.setWrapText(true);
            checklist.addRow(row++, badge(c.word().toUpperCase(java.util.Locale.ROOT), RunbookFormat.style(c)),
                    new Label(c.name()), value);
        }
        if (at != null) {
            checklistAt.setText("saved " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .format(at.atZone(zone)));
        }
    }

    /** The fresh-machine recovery chain, checked off the FX thread; the first failing step stands out. */
    private void checkRecovery(Button check) {
        check.setDisable(true);
        recoveryAt.setText("checking…");
        Thread.ofVirtual().name("recovery").start(() -> {
            try {
                List<io.hcdjg.cockpit.model.RecoveryStep> steps = commands.recovery();
                Platform.runLater(() -> showRecovery(steps));
            } catch (Exception e) {
                Platform.runLater(() -> recoveryAt.setText("the chain could not be checked: " + e.getMessage()));
            } finally {
                Platform.runLater(() -> check.setDisable(false));
            }
        });
    }

    private void showRecovery(List<io.hcdjg.cockpit.model.RecoveryStep> steps) {
        recovery.getChildren().clear();
        int row = 0;
        String first = "";
        for (var s : steps) {
            String word = s.level() == io.hcdjg.cockpit.model.HealthLevel.UP ? "PASS"
                    : s.level() == io.hcdjg.cockpit.model.HealthLevel.DOWN ? "FAIL" : "SKIP";
            Label name = new Label(s.number() + ". " + s.name());
            Label found = new Label(s.found() + (s.code().isEmpty() ? "" : "   [" + s.code() + "]"));
            found.setWrapText(true);
            found.setMaxWidth(760);
            if (s.level() == io.hcdjg.cockpit.model.HealthLevel.DOWN && first.isEmpty()) {
                first = s.code().isEmpty() ? "step " + s.number() : s.code();
                name.getStyleClass().add("ck-rb-first");
                found.getStyleClass().add("ck-rb-first");
                name.setId("recovery-first");
            }
            recovery.addRow(row++, badge(word, HealthFormat.styleClass(s.level())), name, found);
        }
        recoveryAt.setText(first.isEmpty() ? "every step passes" : "first failing: " + first);
        showCodes(steps.stream().filter(s -> s.level() == io.hcdjg.cockpit.model.HealthLevel.DOWN).map(
                io.hcdjg.cockpit.model.RecoveryStep::code).findFirst().orElse(""));
    }

    private void showCodes(String highlighted) {
        codes.getChildren().clear();
        int row = 0;
        for (var c : io.hcdjg.cockpit.model.RecoveryStep.CODES) {
            Label id = new Label(c.id());
            Label symptom = new Label(c.symptom());
            Label fix = new Label(c.fix());
            if (c.id().equals(highlighted)) {
                List.of(id, symptom, fix).forEach(l -> l.getStyleClass().add("ck-rb-first"));
            }
            codes.addRow(row++, id, symptom, fix);
        }
    }

    /** Writes the daily report (§1.2) off the FX thread and says where. */
    private void exportReport(java.nio.file.Path dir) {
        reportAt.setText("writing the daily report…");
        Thread.ofVirtual().name("daily-report").start(() -> {
            try {
                List<java.nio.file.Path> files = commands.report(dir);
                Platform.runLater(() -> reportAt.setText("report: " + files.stream().map(Object::toString)
                        .collect(java.util.stream.Collectors.joining(", "))));
            } catch (Exception e) {
                Platform.runLater(() -> reportAt.setText("the report could not be written: " + e.getMessage()));
            }
        });
    }

    /** Runs the checklist off the FX thread; its results arrive with the next snapshot, and here at once. */
    public void runChecklist() {
        runChecklist.setDisable(true);
        checklistAt.setText("running…");
        Thread.ofVirtual().name("checklist").start(() -> {
            try {
                List<CheckResult> results = commands.checklist();
                Platform.runLater(() -> showChecklist(results, Instant.now()));
            } catch (Exception e) {
                Platform.runLater(() -> checklistAt.setText("the checklist could not run: " + e.getMessage()));
            } finally {
                Platform.runLater(() -> runChecklist.setDisable(false));
            }
        });
    }
}
