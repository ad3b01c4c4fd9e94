package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.HealthFormat;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.PlaybookResult;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.hcdjg.cockpit.model.HealthLevel;
import javafx.scene.layout.Region;

/**
 * The troubleshooting playbooks (§4.1–§4.5) as guided panels: pick one, its symptoms are checked live and its
 * diagnosis runs; the findings and the ticked resolution steps can be added to an open incident's timeline.
 */
final class PlaybookView extends VBox {
    static final List<String> TITLES = List.of("High CPU", "High memory", "Slow queries", "Connection pool",
            "Disk space");

    private final RunbookPort commands;
    private final IncidentPort incidents;
    private final Background background;
    private final Label title = new Label("Pick a playbook: its symptoms are checked and its diagnosis runs now.");
    private final VBox result = new VBox(8);
    private final ComboBox<String> incident = new ComboBox<>();
    private final Button addToIncident = new Button("Add to incident");
    private final Label said = new Label();
    private final List<CheckBox> steps = new ArrayList<>();
    private PlaybookResult shown;

    PlaybookView(RunbookPort commands, IncidentPort incidents, Background background) {
        super(10);
        this.commands = commands;
        this.incidents = incidents;
        this.background = background;
        setId("playbooks");
        setPadding(new Insets(10));
        HBox picks = new HBox(8);
        for (int i = 0; i < PlaybookResult.IDS.size(); i++) {
            String id = PlaybookResult.IDS.get(i);
            Button b = new Button(TITLES.get(i));
            b.setId("playbook-" + id);
            b.setOnAction(e -> run(id));
            picks.getChildren().add(b);
        }
        title.setId("playbook-title");
        title.getStyleClass().add("ck-rb-headline");
        title.setWrapText(true);
        incident.setId("playbook-incident");
        incident.setPromptText("open incident");
        addToIncident.setId("playbook-add");
        addToIncident.setDisable(true);
        addToIncident.setOnAction(e -> add());
        said.setId("playbook-said");
        said.getStyleClass().add("ck-muted");
        HBox toIncident = new HBox(8, incident, addToIncident, said);
        toIncident.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(picks, title, result, toIncident);
    }

    /** @param open "INC-0001  title" of each open incident */
    void offerIncidents(List<String> open) {
        if (!open.equals(incident.getItems())) {
            String keep = incident.getValue();
            incident.getItems().setAll(open);
            incident.setValue(keep != null && open.contains(keep) ? keep : open.isEmpty() ? null : open.get(0));
        }
    }

    private void run(String id) {
        title.setText("running " + id + "…");
        result.getChildren().clear();
        addToIncident.setDisable(true);
        background.run(() -> commands.playbook(id), this::show,
                e -> title.setText(id + " could not run: " + e.getMessage()));
    }

    private void show(PlaybookResult r) {
        shown = r;
        title.setText(r.title() + (r.present() ? " — symptoms present" : " — no symptom present"));
        GridPane symptoms = new GridPane();
        symptoms.setId("playbook-symptoms");
        symptoms.setHgap(14);
        symptoms.setVgap(6);
        symptoms.getStyleClass().add("ck-rb-grid");
        int row = 0;
        for (CheckResult s : r.symptoms()) {
            Label badge = new Label(s.level() == HealthLevel.UP ? "NO"
                    : s.level() == HealthLevel.UNKNOWN ? "?" : "YES");
            badge.getStyleClass().addAll("ck-rb-badge", HealthFormat.styleClass(s.level()));
            badge.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(s.value());
            value.setWrapText(true);
            value.setMaxWidth(820);
            symptoms.addRow(row++, badge, new Label(s.name()), value);
        }
        VBox diagnosis = new VBox(4);
        for (CheckResult d : r.diagnosis()) {
            TextArea text = new TextArea(d.value());
            text.setEditable(false);
            text.setPrefRowCount(Math.min(10, Math.max(2, (int) d.value().lines().count())));
            text.getStyleClass().add("ck-mono");
            TitledPane pane = new TitledPane(d.name() + (d.level() == HealthLevel.UNKNOWN
                    ? " — could not run" : ""), text);
            pane.setExpanded(r.diagnosis().indexOf(d) < 2);
            diagnosis.getChildren().add(pane);
        }
        VBox resolution = new VBox(4);
        resolution.setId("playbook-resolution");
        steps.clear();
        for (String step : r.resolution()) {
            CheckBox c = new CheckBox(step);
            steps.add(c);
            resolution.getChildren().add(c);
        }
        result.getChildren().setAll(section("Symptoms"), symptoms, section("Diagnosis"), diagnosis,
                section("Resolution"), resolution);
        addToIncident.setDisable(false);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("ck-section");
        return l;
    }

    /** The findings and the ticked steps, as a note on the chosen incident's timeline. */
    private void add() {
        String choice = incident.getValue();
        if (choice == null || shown == null) {
            said.setText("no open incident to add to");
            return;
        }
        String id = choice.split("\\s+")[0];
        StringBuilder note = new StringBuilder("playbook " + shown.title() + ": ");
        shown.symptoms().forEach(s -> note.append(s.name()).append(" ").append(s.level() == io.hcdjg.cockpit.model
                .HealthLevel.UP ? "no" : "YES").append(" (").append(s.value().lines().findFirst().orElse(""))
                .append("); "));
        shown.diagnosis().forEach(d -> note.append(d.name()).append(": ").append(d.value().lines().findFirst()
                .orElse("")).append("; "));
        List<String> done = steps.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
        note.append(done.isEmpty() ? "no resolution step done yet" : "done: " + String.join(", ", done));
        background.run(() -> incidents.note(id, note.toString()),
                i -> said.setText("added to " + i.id() + "'s timeline"),
                e -> said.setText("not added: " + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)));
    }
}
