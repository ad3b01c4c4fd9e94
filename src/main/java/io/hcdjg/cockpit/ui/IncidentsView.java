package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.present.IncidentFormat;
import io.hcdjg.cockpit.present.IncidentsModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.layout.Priority;

/**
 * The incident escalation panel: what is due now, the incidents (open first), and the chosen one in detail. A desktop
 * notification says when an incident opens, an escalation falls due, a reminder comes or an escalation is sent. The
 * rows come sorted and worded ({@link IncidentsModel}); the panel copies them into nodes.
 */
public final class IncidentsView extends VBox {
    /** Work behind a button: runs off the FX thread. */
    @FunctionalInterface
    interface Request {
        Incident run() throws Exception;
    }

    private final Background background;
    private final IncidentPort commands;
    private final IncidentDialogs dialogs;
    private final VBox prompts = new VBox(4);
    private final ListView<IncidentsModel.Row> list = new ListView<>();
    private final ToggleButton showResolved = new ToggleButton("Show resolved");
    private final Label summary = new Label();
    private final Label empty = new Label("No incidents. One opens when a service goes DOWN, an alert fires or a log "
            + "spike crosses a rule (config: incidents.rules) — or by hand with New incident.");
    private final IncidentDetail detail;
    private final ScrollPane detailScroll;
    private final SplitPane split;
    private IncidentsModel model = IncidentsModel.none();
    private List<String> services = List.of();
    private Set<String> notified = Set.of();
    private boolean onTheWall; // presenter mode: the wall's head announces incidents, no pop-up
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final Showing.Switch ticking = new Showing.Switch(() -> {
        tick();
        clock.play();
    }, clock::stop);

    public IncidentsView(IncidentPort commands, Supplier<Window> owner, Background background) {
        super(8);
        this.commands = commands;
        this.background = background;
        this.dialogs = new IncidentDialogs(commands, owner, this::act);
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
        detail = new IncidentDetail(commands, this::act, dialogs, this::bundle);
        detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setFitToHeight(true);
        detailScroll.getStyleClass().add("ck-scroll");
        split = new SplitPane(list, detailScroll);
        split.setDividerPositions(0.36);
        empty.setId("incident-empty");
        empty.setWrapText(true);
        empty.getStyleClass().add("ck-muted");
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, prompts, split);
        clock.setCycleCount(Timeline.INDEFINITE);
        ticking.follow(Showing.inWindow(this));
    }

    /** The once-a-second countdown runs only while {@code shown} holds (MainView: the Incidents tab is selected). */
    void tickWhile(ObservableValue<Boolean> shown) {
        ticking.follow(shown);
    }

    /** Whether the countdown clock runs. */
    boolean isTicking() {
        return ticking.on();
    }

    /** @param known the services on the wall, for the New incident dialog */
    public void apply(IncidentsModel m, List<String> known) {
        if (m.equals(model) && known.equals(services)) {
            return;
        }
        notify(m);
        model = m;
        services = known;
        render();
    }

    private void render() {
        IncidentsModel m = model;
        String keep = detail.shown() == null ? null : detail.shown().id();
        List<IncidentsModel.Row> shown = m.rows().stream().filter(r -> showResolved.isSelected() || !r.resolved())
                .toList();
        list.getItems().setAll(shown);
        IncidentsModel.Row select = shown.stream().filter(r -> r.id().equals(keep)).findFirst()
                .orElse(shown.isEmpty() ? null : shown.get(0));
        list.getSelectionModel().select(select);
        Node right = select == null ? empty : detailScroll;
        if (split.getItems().get(1) != right) { // setting the same node again would detach it for a moment
            split.getItems().set(1, right);
        }
        showSelected();
        summary.setText(m.summary());
        prompts.getChildren().clear();
        for (IncidentsModel.Prompt p : m.prompts()) {
            Label text = new Label(p.text());
            text.setWrapText(true);
            Button b = new Button(p.button());
            b.setId(p.buttonId());
            b.setOnAction(e -> {
                if (p.escalate()) {
                    m.rows().stream().filter(r -> r.id().equals(p.incident())).findFirst()
                            .ifPresent(r -> dialogs.confirmEscalation(r, p.level()));
                } else {
                    act("acknowledge", () -> commands.acknowledge(p.incident()));
                }
            });
            HBox row = new HBox(10, b, text);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().addAll("ck-banner", p.styleClass());
            prompts.getChildren().add(row);
        }
    }

    private void showSelected() {
        IncidentsModel.Row r = list.getSelectionModel().getSelectedItem();
        if (r != null) {
            detail.show(r, model.stackTimeline(), Instant.now());
        }
    }

    /** The palette: this incident chosen and one of its buttons ("incident-ack") pressed, as a click would. */
    void press(String id, String button) {
        list.getItems().stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(r -> {
            list.getSelectionModel().select(r);
            detail.press(button);
        });
    }

    private void tick() {
        detail.tick(Instant.now());
        list.refresh();
    }

    /** Presenter mode: new incidents are announced on the wall (its head), not in notifications. */
    void announceOnTheWall(boolean on) {
        onTheWall = on;
    }

    /** A notification for each event worth one that was not there before. */
    private void notify(IncidentsModel after) {
        Set<String> seen = new HashSet<>();
        List<String> fresh = after.notices().stream().filter(n -> seen.add(n.key()) && !notified.contains(n.key()))
                .map(IncidentsModel.Notice::text).toList();
        notified = seen;
        if (fresh.isEmpty() || onTheWall || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        Notifications.create().owner(getScene().getWindow()).title("Incident").text(IncidentFormat.notification(fresh))
                .darkStyle().hideAfter(Duration.seconds(10)).showWarning();
    }

    private void act(String what, Request r) {
        // The change comes back with the desk's next snapshot; only a refusal or failure is said here.
        background.run(r::run, done -> { }, e -> {
            if (e instanceof IllegalArgumentException) {
                dialogs.error(what + " refused", e.getMessage());
            } else {
                dialogs.error(what + " failed", String.valueOf(e));
            }
        });
    }

    /** Writes the evidence bundle off the FX thread (podman and Prometheus are asked), then says where it is. */
    private void bundle(String id) {
        background.run(() -> commands.bundle(id), zip -> dialogs.info("Evidence of " + id + " preserved",
                zip + "\n\nSecrets are redacted in every file; readable by you only."),
                e -> dialogs.error("evidence bundle failed", String.valueOf(e)));
    }

    /** The New incident dialog. */
    void newIncident() {
        dialogs.newIncident(services);
    }

    /** A list row: the priority badge, then id, title and timer. */
    private static final class Row extends ListCell<IncidentsModel.Row> {
        private final Label badge = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(10, badge, text);

        Row() {
            box.setAlignment(Pos.CENTER_LEFT);
            badge.getStyleClass().add("ck-prio");
        }

        @Override
        protected void updateItem(IncidentsModel.Row r, boolean isEmpty) {
            super.updateItem(r, isEmpty);
            if (isEmpty || r == null) {
                setGraphic(null);
                return;
            }
            badge.setText(r.priority().name());
            badge.getStyleClass().removeIf(c -> c.startsWith("ck-prio-"));
            badge.getStyleClass().add(r.badgeStyle());
            text.setText(r.text(Instant.now()));
            setGraphic(box);
            setId("incident-row-" + r.id());
        }
    }
}
