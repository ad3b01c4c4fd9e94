package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.present.IncidentFormat;
import io.hcdjg.cockpit.present.IncidentsModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.layout.Region;

/**
 * One incident: its timer, the operator's buttons, the §9.2 steps, the escalation ladder and the timeline (its own or
 * the whole stack's, filterable). Copies a presented {@link IncidentsModel.Row}; only the FX thread touches it; the
 * work behind the buttons goes to {@code act}.
 */
final class IncidentDetail extends VBox {
    /** §9.2's sub-steps, shown as each step's tooltip. */
    private static final Map<String, String> STEP_HINTS = Map.of(
            "detect", "Detect and alert: automated alerts, user reports, health-check failures",
            "assess", "Assess and classify: severity, affected systems, impact",
            "respond", "Respond and mitigate: follow the playbook, work around, communicate status",
            "resolve", "Resolve and recover: fix the root cause, verify, watch for recurrence",
            "document", "Document and learn: incident report, post-mortem, update the runbook");

    private final Label title = new Label();
    private final Label meta = new Label();
    private final Label countdown = new Label();
    private final Button ack = new Button("Acknowledge");
    private final Button escalate = new Button("Escalate");
    private final Button resolve = new Button("Resolve…");
    private final Button note = new Button("Add note…");
    private final Button export = new Button("Export report…");
    private final Button bundle = new Button("Evidence bundle");
    private final ComboBox<Priority> priority = new ComboBox<>();
    private final Map<String, CheckBox> steps = new LinkedHashMap<>();
    private final GridPane ladder = new GridPane();
    private final Map<String, ToggleButton> groups = new LinkedHashMap<>();
    private final TextField filter = new TextField();
    private final ToggleButton wholeStack = new ToggleButton("Whole stack");
    private final ListView<String> timeline = new ListView<>();
    private IncidentsModel.Row shown;
    private List<IncidentsModel.TimelineLine> stackTimeline = List.of();
    private boolean applying;

    /**
     * @param act    runs a labelled request off the FX thread and reports a refusal
     * @param bundle writes the incident's evidence bundle (runbook §8.2) and says where
     */
    IncidentDetail(IncidentPort commands, BiConsumer<String, IncidentsView.Request> act, IncidentDialogs dialogs,
                   Consumer<String> bundle) {
        super(10);
        setId("incident-detail");
        setPadding(new Insets(12));
        getStyleClass().add("ck-incident-detail");
        title.setId("incident-title");
        title.getStyleClass().add("ck-incident-title");
        title.setWrapText(true);
        meta.setId("incident-meta");
        meta.getStyleClass().add("ck-muted");
        meta.setWrapText(true);
        meta.setMinHeight(Region.USE_PREF_SIZE);
        countdown.setId("incident-countdown");
        countdown.getStyleClass().add("ck-countdown");
        ack.setId("incident-ack");
        escalate.setId("incident-escalate");
        resolve.setId("incident-resolve");
        note.setId("incident-note");
        export.setId("incident-export");
        this.bundle.setId("incident-bundle");
        this.bundle.setTooltip(new Tooltip("Preserve evidence (§8.2): one zip of the incident's window — logs, "
                + "metrics, timeline, compose files, podman inspect, probe history, audit lines — secrets redacted"));
        priority.setId("incident-priority");
        priority.getItems().setAll(Priority.values());
        priority.setTooltip(new Tooltip("Change the priority (§9.1)"));
        ack.setOnAction(e -> act.accept("acknowledge", () -> commands.acknowledge(shown.id())));
        escalate.setOnAction(e -> dialogs.confirmEscalation(shown, null));
        resolve.setOnAction(e -> {
            if (shown.resolved()) {
                dialogs.text("Reopen " + shown.id(), "Why is it back?").ifPresent(why ->
                        act.accept("reopen", () -> commands.reopen(shown.id(), why)));
            } else {
                dialogs.text("Resolve " + shown.id(), "Resolution (root cause, fix, verification):").ifPresent(n ->
                        act.accept("resolve", () -> commands.resolve(shown.id(), n)));
            }
        });
        note.setOnAction(e -> dialogs.text("Note on " + shown.id(), "Note:").filter(t -> !t.isBlank())
                .ifPresent(t -> act.accept("note", () -> commands.note(shown.id(), t))));
        export.setOnAction(e -> dialogs.export(shown.id()));
        this.bundle.setOnAction(e -> bundle.accept(shown.id()));
        priority.setOnAction(e -> {
            Priority p = priority.getValue();
            if (!applying && p != null && shown != null && p != shown.priority()) {
                act.accept("priority", () -> commands.priority(shown.id(), p));
            }
        });
        // whole labels, on a second row when the panel is narrow: never "Acknowle..."
        FlowPane buttons = new FlowPane(8, 8, ack, escalate, resolve, note, priority, export, this.bundle);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getChildren().forEach(b -> ((Region) b).setMinWidth(Region.USE_PREF_SIZE));

        HBox stepBox = new HBox(14);
        for (String s : Incident.STEPS) {
            CheckBox c = new CheckBox(s);
            c.setId("step-" + s);
            c.setTooltip(new Tooltip(STEP_HINTS.get(s)));
            c.setOnAction(e -> {
                if (!applying) {
                    act.accept("step", () -> commands.step(shown.id(), s, c.isSelected()));
                }
            });
            steps.put(s, c);
            stepBox.getChildren().add(c);
        }
        ladder.setId("incident-ladder");
        ladder.setHgap(16);
        ladder.setVgap(4);
        ladder.getStyleClass().add("ck-ladder");

        FlowPane filters = new FlowPane(6, 6);
        for (String g : IncidentFormat.GROUPS) {
            ToggleButton b = new ToggleButton(g);
            b.setId("timeline-" + g);
            b.setSelected(true);
            b.setOnAction(e -> showTimeline());
            groups.put(g, b);
            filters.getChildren().add(b);
        }
        filter.setId("timeline-filter");
        filter.setPromptText("filter the timeline");
        filter.textProperty().addListener((o, a, b) -> showTimeline());
        wholeStack.setId("timeline-stack");
        wholeStack.setTooltip(new Tooltip("The whole stack's timeline instead of this incident's"));
        wholeStack.setOnAction(e -> showTimeline());
        filters.getChildren().addAll(filter, wholeStack);
        timeline.setId("incident-timeline");
        timeline.getStyleClass().addAll("ck-list", "ck-mono");
        VBox.setVgrow(timeline, javafx.scene.layout.Priority.ALWAYS);

        getChildren().addAll(title, meta, countdown, buttons, section("Response steps (runbook §9.2)"), stepBox,
                section("Escalation matrix (runbook §10.1)"), ladder, section("Timeline"), filters, timeline);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("ck-section");
        return l;
    }

    IncidentsModel.Row shown() {
        return shown;
    }

    /** Presses the button of this id ("incident-ack", "incident-escalate") as a click would, when it is enabled. */
    void press(String id) {
        for (Button b : List.of(ack, escalate)) {
            if (b.getId().equals(id) && !b.isDisabled()) {
                b.fire();
            }
        }
    }

    void show(IncidentsModel.Row r, List<IncidentsModel.TimelineLine> stack, Instant now) {
        applying = true;
        try {
            shown = r;
            stackTimeline = stack;
            IncidentsModel.Detail d = r.detail();
            title.setText(d.title());
            meta.setText(d.meta());
            ack.setDisable(!d.canAcknowledge());
            escalate.setDisable(r.resolved());
            escalate.setText(d.escalate());
            resolve.setText(d.resolve());
            priority.setValue(r.priority());
            steps.forEach((name, c) -> c.setSelected(d.stepsDone().contains(name)));
            ladder.getChildren().clear();
            int row = 0;
            for (IncidentFormat.Rung rung : d.ladder()) {
                Label status = new Label(rung.status());
                status.getStyleClass().add(rung.styleClass());
                ladder.addRow(row++, new Label(rung.level()), new Label(rung.role()), new Label(rung.contact()),
                        new Label(rung.when()), status);
            }
            tick(now);
            showTimeline();
        } finally {
            applying = false;
        }
    }

    /** Once a second: the countdown. */
    void tick(Instant now) {
        if (shown == null) {
            return;
        }
        countdown.setText(shown.countdown(now));
        countdown.getStyleClass().removeAll("ck-overdue");
        if (shown.overdue(now)) {
            countdown.getStyleClass().add("ck-overdue");
        }
    }

    private void showTimeline() {
        if (shown == null) {
            return;
        }
        Set<String> on = new HashSet<>();
        groups.forEach((g, b) -> {
            if (b.isSelected()) {
                on.add(g);
            }
        });
        List<String> lines = IncidentFormat.filter(wholeStack.isSelected() ? stackTimeline : shown.detail().timeline(),
                on, filter.getText());
        if (!lines.equals(timeline.getItems())) {
            timeline.getItems().setAll(lines);
            timeline.scrollTo(Math.max(0, lines.size() - 1));
        }
    }
}
