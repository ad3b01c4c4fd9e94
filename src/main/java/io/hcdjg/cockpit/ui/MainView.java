package io.hcdjg.cockpit.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main window's content: banners (config errors, demo notice), the tile wall, the host gauges and the status bar.
 * {@link #apply} runs on the FX thread and only copies prepared values into nodes.
 */
public final class MainView extends BorderPane {
    public static final String STYLESHEET = "/io/hcdjg/cockpit/ui/cockpit.css";

    private final int history;
    private final VBox banners = new VBox();
    private final Label notice = new Label();
    private final Label podmanProblem = new Label();
    private final Label podmanTarget = new Label();
    private final VBox problems = new VBox(2);
    private final FlowPane wall = new FlowPane(12, 12);
    private final HostGauges gauges = new HostGauges();
    private final StatusBar status = new StatusBar();
    private final Map<String, ServiceCard> cards = new LinkedHashMap<>();

    public MainView(int history) {
        this.history = history;
        setId("main");
        getStyleClass().add("ck-root");
        notice.setId("demo-notice");
        notice.getStyleClass().addAll("ck-banner", "ck-banner-info");
        notice.setMaxWidth(Double.MAX_VALUE);
        problems.setId("config-banner");
        problems.getStyleClass().addAll("ck-banner", "ck-banner-crit");
        podmanProblem.setId("podman-banner");
        podmanProblem.getStyleClass().addAll("ck-banner", "ck-banner-warn");
        podmanProblem.setMaxWidth(Double.MAX_VALUE);
        podmanProblem.setWrapText(true);
        podmanTarget.setId("podman-target");
        banners.getChildren().addAll(problems, podmanProblem, notice);
        wall.setId("wall");
        wall.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(wall);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("ck-scroll");
        gauges.setPadding(new Insets(12));
        status.setId("status");
        status.setText("starting…");
        status.getRightItems().add(podmanTarget);
        setTop(banners);
        setCenter(scroll);
        setRight(gauges);
        setBottom(status);
        show(problems, false);
        show(notice, false);
        show(podmanProblem, false);
    }

    public void apply(WallModel m) {
        notice.setText(m.demo() ? m.notice() + " — services it does not run are shown as not running." : "");
        show(notice, m.demo());
        if (problems.getChildren().size() != m.problems().size() + (m.problems().isEmpty() ? 0 : 1)) {
            problems.getChildren().clear();
            if (!m.problems().isEmpty()) {
                Label head = new Label("The config has " + m.problems().size() + " error"
                        + (m.problems().size() == 1 ? "" : "s") + "; the shipped defaults are in use until it is fixed:");
                head.getStyleClass().add("ck-banner-head");
                problems.getChildren().add(head);
                m.problems().forEach(p -> {
                    Label line = new Label(p);
                    line.setWrapText(true);
                    problems.getChildren().add(line);
                });
            }
        }
        show(problems, !m.problems().isEmpty());
        for (WallModel.Card c : m.cards()) {
            cards.computeIfAbsent(c.name(), n -> {
                ServiceCard card = new ServiceCard(n, history);
                wall.getChildren().add(card);
                return card;
            }).apply(c);
        }
        gauges.apply(m.disk(), m.memory());
        podmanTarget.setText(m.podman());
        podmanProblem.setText(m.podmanProblem());
        show(podmanProblem, !m.podmanProblem().isEmpty());
        status.setText(m.status());
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setTitle(m.title());
        }
    }

    /** Something kept the cockpit from starting at all: say so in the window rather than leave it empty. */
    public void showFatal(String message) {
        problems.getChildren().setAll(new Label(message));
        show(problems, true);
        status.setText("not running");
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
