package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.present.LogFormat;
import eu.hansolo.tilesfx.Tile;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.model.LogClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.Objects;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.layout.Priority;

/**
 * One service: its name, the TilesFX tile with the latest probe latency and its sparkline, and under it the state and
 * the reason in words. (TilesFX sizes a title by the tile's short side, too small to read across a room.)
 */
final class ServiceCard extends VBox {
    private final Tile tile;
    private final Label title = new Label();
    private final Label state = new Label();
    private final Label reason = new Label();
    private final Label retry = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final VBox containers = new VBox(3);
    private final Label alerts = new Label();
    private Instant lastSample;
    private String styleClass;
    private WallModel.Card shown;

    private final MenuButton actions = new MenuButton("⋯");
    private int replicas;

    private final HBox logCounts = new HBox(6);
    private final BiConsumer<String, Integer> onLogs;

    ServiceCard(String name, int history, ActionController controller, BiConsumer<String, Integer> onLogs) {
        this.onLogs = onLogs;
        setId("card-" + name);
        getStyleClass().add("ck-card");
        tile = TileFactory.latencyTile(history);
        title.setText(name);
        title.getStyleClass().add("ck-card-title");
        actions.setId("actions-" + name);
        actions.getStyleClass().add("ck-card-actions");
        actions.getItems().addAll(
                item("Restart", "restart-" + name,
                        () -> controller.act(ActionRequest.of(ActionRequest.Kind.RESTART, name))),
                item("Stop", "stop-" + name, () -> controller.act(ActionRequest.of(ActionRequest.Kind.STOP, name))),
                item("Start", "start-" + name, () -> controller.act(ActionRequest.of(ActionRequest.Kind.START, name))),
                item("Up (create if missing)", "up-" + name,
                        () -> controller.act(ActionRequest.of(ActionRequest.Kind.UP, name))),
                item("Scale…", "scale-" + name, () -> controller.scale(name, replicas)),
                item("Exec…", "exec-" + name, () -> controller.exec(name)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(4, title, gap, actions);
        head.setAlignment(Pos.CENTER_LEFT);
        state.setId("state-" + name);
        state.getStyleClass().add("ck-state");
        reason.setId("reason-" + name);
        reason.getStyleClass().add("ck-reason");
        reason.setWrapText(true);
        reason.setMaxHeight(Region.USE_PREF_SIZE);
        retry.getStyleClass().add("ck-muted");
        VBox words = new VBox(2, state, reason, retry);
        words.getStyleClass().add("ck-card-words");
        containers.getStyleClass().add("ck-containers");
        containers.setId("containers-" + name);
        alerts.getStyleClass().add("ck-card-alerts");
        alerts.setId("alerts-" + name);
        alerts.setWrapText(true);
        logCounts.getStyleClass().add("ck-log-counts");
        logCounts.setId("logcounts-" + name);
        getChildren().addAll(head, tile, words, alerts, logCounts, containers);
        Tooltip.install(this, tooltip);
    }

    /** One row per container: name, then state · uptime · restarts · CPU · memory, with a CPU sparkline. */
    private void applyContainers(List<WallModel.Container> list) {
        while (containers.getChildren().size() > list.size()) {
            containers.getChildren().remove(containers.getChildren().size() - 1);
        }
        while (containers.getChildren().size() < list.size()) {
            containers.getChildren().add(new ContainerRow());
        }
        for (int i = 0; i < list.size(); i++) {
            ((ContainerRow) containers.getChildren().get(i)).apply(list.get(i));
        }
        containers.setVisible(!list.isEmpty());
        containers.setManaged(!list.isEmpty());
    }

    private static final class ContainerRow extends VBox {
        private final Label name = new Label();
        private final Label line = new Label();
        private final Sparkline cpu = new Sparkline(60, 14);
        private String styleClass;

        ContainerRow() {
            getStyleClass().add("ck-container");
            name.getStyleClass().add("ck-container-name");
            line.getStyleClass().add("ck-container-line");
            line.setWrapText(true);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox head = new HBox(6, name, spacer, cpu);
            head.setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(head, line);
        }

        void apply(WallModel.Container c) {
            if (!Objects.equals(styleClass, c.styleClass())) {
                getStyleClass().remove(styleClass);
                getStyleClass().add(c.styleClass());
                styleClass = c.styleClass();
            }
            name.setText(c.name());
            line.setText(c.line());
            cpu.setValues(c.cpu());
        }
    }

    /** The last hour's log counters; a click opens the log pane on those lines. */
    private void applyLogs(String service, WallModel.LogReview logs) {
        if (logs == null) {
            logCounts.setVisible(false);
            logCounts.setManaged(false);
            return;
        }
        if (logCounts.getChildren().isEmpty()) {
            for (int i = 0; i < LogClass.ALL.size(); i++) {
                int bit = LogClass.ALL.get(i).bit();
                Label l = new Label();
                l.setId("logcount-" + service + "-" + i);
                l.getStyleClass().addAll("ck-log-count", LogFormat.CLASS_STYLES[i]);
                l.setOnMouseClicked(e -> onLogs.accept(service, bit));
                logCounts.getChildren().add(l);
            }
        }
        for (int i = 0; i < LogClass.ALL.size(); i++) {
            Label l = (Label) logCounts.getChildren().get(i);
            int n = logs.hour().get(i);
            String tag = LogClass.ALL.get(i).tag();
            l.setText(n + " " + tag);
            l.setOpacity(n == 0 ? 0.45 : 1);
            Tooltip.install(l, new Tooltip(n + " " + tag + " in the last hour, " + logs.day().get(i)
                    + " in 24 h — click to see them"));
        }
        logCounts.setVisible(true);
        logCounts.setManaged(true);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }

    void apply(WallModel.Card c) {
        if (c.equals(shown)) {
            return; // nothing to redraw
        }
        shown = c;
        replicas = c.replicas();
        if (!Objects.equals(styleClass, c.styleClass())) {
            getStyleClass().remove(styleClass);
            getStyleClass().add(c.styleClass());
            styleClass = c.styleClass();
            tile.setBarColor(Palette.of(c.level()));
        }
        state.setText(c.state());
        tile.setValueVisible(!Double.isNaN(c.latencyMs()));
        tile.setVisible(c.probed());
        tile.setManaged(c.probed());
        applyContainers(c.containers());
        applyLogs(c.name(), c.logs());
        alerts.setText(String.join("\n", c.alerts()));
        alerts.setVisible(!c.alerts().isEmpty());
        alerts.setManaged(!c.alerts().isEmpty());
        reason.setText(c.reason());
        retry.setText(c.retry());
        retry.setManaged(!c.retry().isEmpty());
        tooltip.setText(c.name() + "  " + c.endpoint() + "\n" + c.state() + ": " + c.reason()
                + "\nlatency " + c.latency());
        if (c.sampleAt() != null && !c.sampleAt().equals(lastSample) && !Double.isNaN(c.latencyMs())) {
            lastSample = c.sampleAt();
            // The sparkline adds a point when the value changes; an identical latency must still count as a sample.
            double v = c.latencyMs() == tile.getValue() ? Math.nextUp(c.latencyMs()) : c.latencyMs();
            tile.setValue(v);
        }
    }
}
