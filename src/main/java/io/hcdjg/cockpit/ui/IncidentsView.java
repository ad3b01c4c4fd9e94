package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.IncidentFormat;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.Priority;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.Notifications;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The incident escalation panel: what is due now, the incidents (open first), and the chosen one in detail. A desktop
 * notification says when an incident opens, an escalation falls due, a reminder comes or an escalation is sent.
 */
public final class IncidentsView extends VBox {
    /** Work behind a button: runs off the FX thread. */
    @FunctionalInterface
    interface Request {
        Incident run() throws Exception;
    }

    /** The dialogs the detail's buttons open. */
    interface Dialogs {
        void confirmEscalation(Incident i, Integer level);

        Optional<String> text(String title, String prompt);

        void export(Incident i);
    }

    private final IncidentCommands commands;
    private final Supplier<Window> owner;
    private final Background background;
    private final ZoneId zone = ZoneId.systemDefault();
    private final VBox prompts = new VBox(4);
    private final ListView<Incident> list = new ListView<>();
    private final ToggleButton showResolved = new ToggleButton("Show resolved");
    private final Label summary = new Label();
    private final Label empty = new Label("No incidents. One opens when a service goes DOWN, an alert fires or a log "
            + "spike crosses a rule (config: incidents.rules) — or by hand with New incident.");
    private final IncidentDetail detail;
    private final ScrollPane detailScroll;
    private final SplitPane split;
    private IncidentState state = IncidentState.none();
    private List<String> services = List.of();
    private Set<String> notified = Set.of();
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final Showing.Switch ticking = new Showing.Switch(() -> {
        tick();
        clock.play();
    }, clock::stop);

    public IncidentsView(IncidentCommands commands, Supplier<Window> owner, Background background) {
        super(8);
        this.commands = commands;
        this.owner = owner;
        this.background = background;
        setId("incidents");
        setPadding(new Insets(8));
        Button open = new Button("New incident…");
        open.setId("incident-new");
        open.setOnAction(e -> newIncident());
        showResolved.setId("incident-show-resolved");
        showResolved.setOnAction(e -> render());
        summary.setId("incident-summary");
        summary.getStyleClass().add("ck-muted");
        HBox bar = new HBox(10, open, showResolved, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        prompts.setId("incident-prompts");
        list.setId("incident-list");
        list.getStyleClass().add("ck-incident-list");
        list.setCellFactory(v -> new Row());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showSelected());
        list.setPrefWidth(420);
        detail = new IncidentDetail(commands, zone, this::act, dialogs());
        detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setFitToHeight(true);
        detailScroll.getStyleClass().add("ck-scroll");
        split = new SplitPane(list, detailScroll);
        split.setDividerPositions(0.36);
        empty.setId("incident-empty");
        empty.setWrapText(true);
        empty.getStyleClass().add("ck-muted");
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(bar, prompts, split);
        clock.setCycleCount(Timeline.INDEFINITE);
        ticking.follow(Showing.inWindow(this));
    }

    /** The once-a-second countdown runs only while {@code shown} holds (MainView: the Incidents tab is selected). */
    void tickWhile(javafx.beans.value.ObservableValue<Boolean> shown) {
        ticking.follow(shown);
    }

    /** Whether the countdown clock runs. */
    boolean isTicking() {
        return ticking.on();
    }

    /** @param known the services on the wall, for the New incident dialog */
    public void apply(IncidentState s, List<String> known) {
        if (s == state && known.equals(services)) {
            return; // the desk publishes a new state only when something changed
        }
        notify(s);
        state = s;
        services = known;
        render();
    }

    private void render() {
        IncidentState s = state;
        String keep = detail.shown() == null ? null : detail.shown().id();
        List<Incident> shown = s.incidents().stream().filter(i -> showResolved.isSelected() || !i.resolved())
                .sorted(java.util.Comparator.comparing(Incident::resolved).thenComparing(Incident::priority)
                        .thenComparing(Incident::openedAt, java.util.Comparator.reverseOrder())).toList();
        list.getItems().setAll(shown);
        Incident select = shown.stream().filter(i -> i.id().equals(keep)).findFirst()
                .orElse(shown.isEmpty() ? null : shown.get(0));
        list.getSelectionModel().select(select);
        javafx.scene.Node right = select == null ? empty : detailScroll;
        if (split.getItems().get(1) != right) { // setting the same node again would detach it for a moment
            split.getItems().set(1, right);
        }
        showSelected();
        summary.setText(s.unresolved() + " open · " + s.incidents().size() + " recorded"
                + (s.problem() == null ? "" : " · " + s.problem()));
        prompts.getChildren().clear();
        for (IncidentState.Prompt p : s.prompts()) {
            Label text = new Label(p.text());
            text.setWrapText(true);
            Button b = new Button(p.kind().equals(IncidentState.Prompt.ESCALATE) ? "Escalate to L" + p.level() + "…"
                    : "Acknowledge");
            b.setId("prompt-" + p.kind() + "-" + p.incident());
            Incident i = s.incidents().stream().filter(x -> x.id().equals(p.incident())).findFirst().orElseThrow();
            b.setOnAction(e -> {
                if (p.kind().equals(IncidentState.Prompt.ESCALATE)) {
                    confirmEscalation(i, p.level());
                } else {
                    act("acknowledge", () -> commands.acknowledge(i.id()));
                }
            });
            HBox row = new HBox(10, b, text);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().addAll("ck-banner", p.kind().equals(IncidentState.Prompt.ESCALATE) ? "ck-banner-crit"
                    : "ck-banner-warn");
            prompts.getChildren().add(row);
        }
    }

    private void showSelected() {
        Incident i = list.getSelectionModel().getSelectedItem();
        if (i != null) {
            detail.show(i, state, Instant.now());
        }
    }

    private void tick() {
        detail.tick(Instant.now());
        list.refresh();
    }

    /** Opening, escalation due, reminder, escalated: a notification each, only for what just happened. */
    private void notify(IncidentState after) {
        Instant recent = Instant.now().minusSeconds(120);
        Set<String> seen = new HashSet<>();
        List<String> fresh = new ArrayList<>();
        for (Incident i : after.incidents()) {
            for (IncidentEvent e : i.events()) {
                String k = i.id() + "|" + e.time() + "|" + e.type() + "|" + e.text();
                seen.add(k);
                boolean worth = switch (e.type()) {
                    case IncidentEvent.OPENED, IncidentEvent.ESCALATION_DUE, IncidentEvent.REMINDER,
                         IncidentEvent.ESCALATED -> true;
                    default -> false;
                };
                if (worth && !notified.contains(k) && e.time().isAfter(recent)) {
                    fresh.add(i.id() + " (" + i.priority() + "): " + (e.type().equals(IncidentEvent.OPENED)
                            ? "opened — " + i.title() : e.text()));
                }
            }
        }
        notified = seen;
        if (fresh.isEmpty() || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        Notifications.create().owner(getScene().getWindow()).title("Incident")
                .text(String.join("\n", fresh.subList(0, Math.min(4, fresh.size())))
                        + (fresh.size() > 4 ? "\n… and " + (fresh.size() - 4) + " more" : ""))
                .darkStyle().hideAfter(Duration.seconds(10)).showWarning();
    }

    private void act(String what, Request r) {
        // The change comes back with the desk's next snapshot; only a refusal or failure is said here.
        background.run(r::run, done -> { }, e -> {
            if (e instanceof IllegalArgumentException) {
                error(what + " refused", e.getMessage());
            } else {
                error(what + " failed", String.valueOf(e));
            }
        });
    }

    private void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.initOwner(owner.get());
        a.setHeaderText(header);
        a.getDialogPane().getStylesheets().add(MainView.STYLESHEET);
        a.show();
    }

    private void confirmEscalation(Incident i, Integer level) {
        Optional<IncidentConfig.Level> target = level != null
                ? commands.ladder().stream().filter(l -> l.level() == level).findFirst()
                : commands.ladder().stream().filter(l -> l.level() > i.level() && l.priorities().contains(i.priority()))
                .findFirst();
        if (target.isEmpty()) {
            error("Escalate " + i.id(), i.id() + " is at L" + i.level() + ", the top of its ladder for " + i.priority());
            return;
        }
        IncidentConfig.Level l = target.get();
        String how = l.command().isEmpty() && l.webhook() == null ? "No action is configured for " + l.name()
                + ": the escalation is recorded and you contact them yourself."
                : "This runs " + (l.command().isEmpty() ? "" : "the command " + l.command().get(0) + " ")
                + (l.webhook() == null ? "" : (l.command().isEmpty() ? "" : "and ") + "the webhook "
                + l.webhook().replaceFirst("\\?.*", "?…")) + ".";
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, how, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setHeaderText("Escalate " + i.id() + " to " + l.name() + " — " + l.role()
                + (l.contact().isBlank() ? "" : " <" + l.contact() + ">") + "?");
        a.getDialogPane().setId("escalate-dialog");
        a.getDialogPane().getStylesheets().add(MainView.STYLESHEET);
        if (a.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            act("escalate", () -> commands.escalate(i.id(), l.level()));
        }
    }

    private Optional<String> text(String title, String prompt) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(prompt);
        d.getDialogPane().setId("incident-text-dialog");
        d.getDialogPane().getStylesheets().add(MainView.STYLESHEET);
        d.getEditor().setPrefColumnCount(40);
        return d.showAndWait();
    }

    private void export(Incident i) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report of " + i.id());
        chooser.setInitialFileName(i.id() + ".md");
        File f = chooser.showSaveDialog(owner.get());
        if (f != null) {
            act("export", () -> {
                commands.report(i.id(), f.toPath());
                return null;
            });
        }
    }

    private Dialogs dialogs() {
        return new Dialogs() {
            @Override
            public void confirmEscalation(Incident i, Integer level) {
                IncidentsView.this.confirmEscalation(i, level);
            }

            @Override
            public Optional<String> text(String title, String prompt) {
                return IncidentsView.this.text(title, prompt);
            }

            @Override
            public void export(Incident i) {
                IncidentsView.this.export(i);
            }
        };
    }

    /** The New incident dialog. */
    void newIncident() {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("New incident");
        d.setHeaderText("Open an incident by hand (a user report, a problem the checks do not see)");
        TextField title = new TextField();
        title.setId("new-incident-title");
        title.setPromptText("what is wrong");
        title.setPrefColumnCount(40);
        ComboBox<Priority> priority = new ComboBox<>();
        priority.setId("new-incident-priority");
        priority.getItems().setAll(Priority.values());
        priority.setValue(Priority.P2);
        CheckComboBox<String> affected = new CheckComboBox<>();
        affected.setId("new-incident-services");
        affected.getItems().setAll(services);
        TextField note = new TextField();
        note.setId("new-incident-note");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Title"), title);
        g.addRow(1, new Label("Priority"), priority);
        g.addRow(2, new Label("Services"), affected);
        g.addRow(3, new Label("Note"), note);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("new-incident-dialog");
        d.getDialogPane().getStylesheets().add(MainView.STYLESHEET);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(title.textProperty().isEmpty());
        if (d.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            List<String> picked = List.copyOf(affected.getCheckModel().getCheckedItems());
            act("open", () -> commands.open(title.getText(), priority.getValue(), picked, note.getText()));
        }
    }

    /** A list row: the priority badge, then id, title and timer. */
    private final class Row extends ListCell<Incident> {
        private final Label badge = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(10, badge, text);

        Row() {
            box.setAlignment(Pos.CENTER_LEFT);
            badge.getStyleClass().add("ck-prio");
        }

        @Override
        protected void updateItem(Incident i, boolean isEmpty) {
            super.updateItem(i, isEmpty);
            if (isEmpty || i == null) {
                setGraphic(null);
                return;
            }
            badge.setText(i.priority().name());
            badge.getStyleClass().removeIf(c -> c.startsWith("ck-prio-"));
            badge.getStyleClass().add(IncidentFormat.priorityStyle(i));
            text.setText(IncidentFormat.row(i, state.deadlines().get(i.id()), Instant.now()));
            setGraphic(box);
            setId("incident-row-" + i.id());
        }
    }
}
