package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.IncidentsModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * Presenter mode's part of the window: a head with the stack, the connection and a clock, large type, and none of the
 * window's controls (toolbar, banners' buttons, tab headers, status bar, the tiles' action menus) — a wall for a big
 * screen that nobody can act through by accident. FX thread.
 */
final class Wallboard {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final HBox head;
    private final Label stack = new Label();
    private final Label connection = new Label();
    private final Label clock = new Label();
    private final Label incident = new Label();
    private String incidentStyle;
    private final Timeline ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final Node root;
    private final TabPane tabs;
    private final List<Node> controls;
    private final Runnable logErrors;
    private final Timeline rotation = new Timeline();
    private int step;
    private boolean on;

    /**
     * @param controls  what the wall hides (it shows them again when it ends)
     * @param logErrors the log pane on every service's errors, the rotation's last view
     */
    Wallboard(Node root, TabPane tabs, List<Node> controls, Runnable logErrors) {
        this.root = root;
        this.tabs = tabs;
        this.controls = controls;
        this.logErrors = logErrors;
        stack.setId("wallboard-stack");
        stack.getStyleClass().add("ck-wallboard-stack");
        connection.setId("wallboard-connection");
        connection.getStyleClass().add("ck-wallboard-connection");
        clock.setId("wallboard-clock");
        clock.getStyleClass().add("ck-wallboard-clock");
        clock.setMinWidth(Region.USE_PREF_SIZE); // the clock and the stack whole; the connection gives way
        connection.setMinWidth(0);
        stack.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        incident.setId("wallboard-incident");
        incident.getStyleClass().addAll("ck-prio", "ck-wallboard-incident");
        incident.setMinWidth(Region.USE_PREF_SIZE);
        show(incident, false);
        head = new HBox(24, stack, connection, gap, incident, clock);
        head.setId("wallboard-head");
        head.getStyleClass().add("ck-wallboard-head");
        head.setAlignment(Pos.CENTER_LEFT);
        ticking.setCycleCount(Timeline.INDEFINITE);
        show(head, false);
    }

    Node head() {
        return head;
    }

    boolean on() {
        return on;
    }

    /**
     * Shows the wall (the Services view first) or the whole window again.
     *
     * @param rotateSeconds above 0: wall → incidents → metrics → logs (errors only), one view every that many seconds
     */
    void set(boolean presenting, int rotateSeconds) {
        on = presenting;
        rotation.stop();
        if (presenting) {
            root.getStyleClass().add("ck-presenter");
            tabs.getSelectionModel().select(0);
            tick();
            ticking.play();
            if (rotateSeconds > 0) {
                step = 0;
                rotation.getKeyFrames().setAll(new KeyFrame(Duration.seconds(rotateSeconds), e -> next()));
                rotation.setCycleCount(Timeline.INDEFINITE);
                rotation.play();
            }
        } else {
            root.getStyleClass().remove("ck-presenter");
            ticking.stop();
        }
        show(head, presenting);
        controls.forEach(n -> show(n, !presenting));
        logErrors.run(); // the log pane's lines read again, with the redaction of the mode now on
    }

    /** The stack's name (the window's title without the product's) and the connection, as the model words them. */
    void update(String title, String podman) {
        int dash = title.indexOf(" — ");
        stack.setText(dash < 0 ? title : title.substring(dash + 3));
        connection.setText(podman);
    }

    /**
     * The wall's announcement of incidents: the most urgent open one (lowest priority number, then the newest) in the
     * head, in its priority's colour — never a dialog on a big screen.
     */
    void incidents(List<IncidentsModel.Row> rows) {
        IncidentsModel.Row top = rows.stream().filter(r -> !r.resolved())
                .min(Comparator.comparing(IncidentsModel.Row::priority)).orElse(null);
        if (incidentStyle != null) {
            incident.getStyleClass().remove(incidentStyle);
        }
        incidentStyle = top == null ? null : top.badgeStyle();
        if (top != null) {
            incident.getStyleClass().add(incidentStyle);
            long more = rows.stream().filter(r -> !r.resolved()).count() - 1;
            incident.setText(top.head() + (more > 0 ? "  (+" + more + " open)" : ""));
        }
        show(incident, top != null);
    }

    /** The rotation's next view. */
    void next() {
        step = (step + 1) % 4;
        String id = List.of("tab-services", "tab-incidents", "tab-metrics", "tab-logs").get(step);
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        if (step == 3) {
            logErrors.run();
        }
    }

    private void tick() {
        clock.setText(CLOCK.format(LocalTime.now()));
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
