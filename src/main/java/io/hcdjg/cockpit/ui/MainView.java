package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import javafx.geometry.Insets;
import io.hcdjg.cockpit.model.LogClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

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
    private final ActionController controller;
    private final Background background;
    private final MainToolbar toolbar;
    private WallModel latest;
    private final Map<String, ViewFeed> feeds = new HashMap<>();
    private final MetricsView metricsView;
    private final AlertsView alertsView;
    private final Tab alertsTab = new Tab("Alerts");
    private final Tab logsTab = new Tab("Logs");
    private final LogsView logsView;
    private final LogReviewView logReview;
    private final IncidentsView incidentsView;
    private final RunbookView runbookView;
    private final Tab runbookTab = new Tab("Runbook");
    private final Tab incidentsTab = new Tab("Incidents");
    private final SecurityView securityView = new SecurityView();
    private final Tab securityTab = new Tab("Security");
    private TabPane tabs;
    private final Wallboard wallboard;
    private Runnable presenterToggle = () -> { };

    /**
     * @param project    the compose project, shown before the cockpit behind the window has started
     * @param background where every view's blocking work runs, and how its result comes back
     */
    public MainView(int history, Ports ports, String project, Background background) {
        this.history = history;
        this.background = background;
        this.controller = new ActionController(ports.actions(), ports.runbook(), () -> getScene().getWindow(),
                background);
        this.metricsView = new MetricsView(ports.monitoring(), background);
        this.alertsView = new AlertsView(ports.monitoring(), () -> getScene().getWindow(), background);
        this.logsView = new LogsView(ports.logs()::sources, background);
        this.logReview = new LogReviewView(this::showLogs);
        this.incidentsView = new IncidentsView(ports.incidents(), () -> getScene().getWindow(), background);
        this.runbookView = new RunbookView(ports.runbook(), ports.incidents(), controller, background);
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
        toolbar = new MainToolbar(project, controller, background, this::showAudit, this::showPalette);
        banners.getChildren().addAll(toolbar, problems, podmanProblem, notice);
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
        Tab services = new Tab("Services", scroll);
        services.setId("tab-services");
        ScrollPane metricsScroll = new ScrollPane(metricsView);
        metricsScroll.setFitToWidth(true);
        metricsScroll.getStyleClass().add("ck-scroll");
        metricsView.setPadding(new Insets(12));
        Tab metrics = new Tab("Metrics", metricsScroll);
        metrics.setId("tab-metrics");
        alertsView.setPadding(new Insets(12));
        alertsTab.setContent(alertsView);
        alertsTab.setId("tab-alerts");
        VBox logs = new VBox(8, logReview, logsView);
        logs.setPadding(new Insets(8));
        VBox.setVgrow(logsView, Priority.ALWAYS);
        logsTab.setContent(logs);
        logsTab.setId("tab-logs");
        incidentsTab.setContent(incidentsView);
        incidentsTab.setId("tab-incidents");
        runbookTab.setContent(runbookView);
        runbookTab.setId("tab-runbook");
        securityView.setPadding(new Insets(12));
        securityTab.setContent(securityView);
        securityTab.setId("tab-security");
        tabs = new TabPane(services, incidentsTab, metrics, alertsTab, logsTab, securityTab, runbookTab);
        logsView.runWhile(Showing.onTab(logsView, logsTab));
        incidentsView.tickWhile(Showing.onTab(incidentsView, incidentsTab));
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        wallboard = new Wallboard(this, tabs, List.of(toolbar, status),
                () -> logsView.show(null, LogClass.ERROR.bit()));
        banners.getChildren().add(0, wallboard.head());
        setCenter(tabs);
        setRight(gauges);
        setBottom(status);
        show(problems, false);
        show(notice, false);
        show(podmanProblem, false);
    }

    /** Opens the log pane on a service's lines of one class (0: all lines). */
    public void showLogs(String service, int classBit) {
        tabs.getSelectionModel().select(logsTab);
        logsView.show(service, classBit);
    }

    /** Ctrl+F: the log pane's find field. */
    public void find() {
        tabs.getSelectionModel().select(logsTab);
        logsView.focusFind();
    }

    /** The id of the view shown ("tab-incidents"), for the next start. */
    public String currentView() {
        return tabs.getSelectionModel().getSelectedItem().getId();
    }

    /** Shows the view of this id, if there is one. */
    public void selectView(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Ctrl+I: the incident panel. */
    public void showIncidents() {
        tabs.getSelectionModel().select(incidentsTab);
    }

    /** The window's keys, for the scene ({@link Shortcuts#install}); {@code presenter} toggles presenter mode. */
    public Shortcuts shortcuts(Runnable probeNow, Runnable presenter, Runnable quit) {
        this.presenterToggle = presenter;
        return Shortcuts.of(this, tabs, probeNow, presenter, quit);
    }

    /** Presenter mode: the wall for a big screen, read-only, rotating its views when {@code rotateSeconds} > 0. */
    public void presenting(boolean on, int rotateSeconds) {
        wallboard.set(on, rotateSeconds);
        incidentsView.announceOnTheWall(on);
    }

    /** Dark or light, the stylesheet's and the tiles' (in the scene: after its stylesheet is added). */
    public void theme(Theme t) {
        t.apply(this); // the log pane's canvas picks the colours up on its next frame
    }

    public Theme theme() {
        return Theme.current();
    }

    public boolean presenting() {
        return wallboard.on();
    }

    /** Ctrl+K; not on the wall, which nobody acts through. */
    public void showPalette() {
        if (wallboard.on()) {
            return;
        }
        CommandPalette.show(getScene().getWindow(), PaletteCommands.of(controller, List.of(
                new CommandPalette.Command("Probe every service now", controller.actions()::probeNow),
                new CommandPalette.Command("Audit log", this::showAudit),
                new CommandPalette.Command("Presenter mode: the wall for a big screen (F11)", presenterToggle),
                new CommandPalette.Command("Incidents (Ctrl+I)", this::showIncidents),
                new CommandPalette.Command("Theme: dark or light (Ctrl+T)", () -> theme(theme().other())),
                new CommandPalette.Command("Run the morning checklist", () -> {
                    tabs.getSelectionModel().select(runbookTab);
                    runbookView.runChecklist();
                }),
                new CommandPalette.Command("Back up hcd-server now…", controller::backup),
                new CommandPalette.Command("New incident…", () -> {
                    showIncidents();
                    incidentsView.newIncident();
                })), latest, new PaletteCommands.Views(runbookView, this::selectView, incidentsView::press,
                alertsView::acknowledge)));
    }

    /** Ctrl+L: the newest actions from the append-only audit log. */
    public void showAudit() {
        AuditDialog.show(getScene().getWindow(), controller.actions(), background);
    }

    public void apply(WallModel m) {
        latest = m;
        notice.setText(m.demo() ? m.notice() : "");
        show(notice, m.demo());
        if (problems.getChildren().size() != m.problems().size() + (m.problems().isEmpty() ? 0 : 1)) {
            problems.getChildren().clear();
            if (!m.problems().isEmpty()) {
                Label head = new Label(m.problemsHead());
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
        List<Node> order = new ArrayList<>();
        for (WallModel.Card c : m.cards()) {
            ServiceCard card = cards.computeIfAbsent(c.name(), n -> {
                ServiceCard made = new ServiceCard(n, history, controller, this::showLogs);
                wall.getChildren().add(made);
                return made;
            });
            card.apply(c);
            order.add(card);
        }
        // the model's order (services not deployed move to the end once podman has listed the project)
        if (!wall.getChildren().subList(0, Math.min(order.size(), wall.getChildren().size())).equals(order)) {
            List<Node> rest = new ArrayList<>(wall.getChildren());
            rest.removeAll(order);
            order.addAll(rest);
            wall.getChildren().setAll(order);
        }
        gauges.apply(m.disk(), m.memory(), m.self());
        feed("tab-metrics", m.metrics(), () -> metricsView.apply(m.metrics()));
        feed("tab-alerts", List.of(m.alerts(), m.silences(), m.monitoringProblem()),
                () -> alertsView.apply(m.alerts(), m.silences(), m.monitoringProblem()));
        alertsTab.setText(m.alertsTitle());
        feed("tab-logs", m.logs(), () -> logReview.apply(m.logs()));
        incidentsView.apply(m.incidents(), m.cards().stream().map(WallModel.Card::name).toList());
        feed("tab-runbook", List.of(m.runbook(), m.incidents().choices()),
                () -> runbookView.apply(m.runbook(), m.incidents().choices()));
        feed("tab-security", m.security(), () -> securityView.apply(m.security()));
        incidentsTab.setText(m.incidents().tabTitle());
        logsView.offer(m.logs().stream().map(WallModel.LogReview::service).toList());
        podmanTarget.setText(m.podman());
        toolbar.connectionPrompt(m.connectionPrompt());
        podmanProblem.setText(m.podmanProblem());
        show(podmanProblem, !m.podmanProblem().isEmpty());
        status.setText(m.status());
        wallboard.update(m.title(), m.connectionPrompt());
        wallboard.incidents(m.incidents().rows());
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setTitle(m.title());
        }
    }

    /** A tab's view gets its part only when it changed, and only while it is shown (then brought up to date). */
    private void feed(String tabId, Object part, Runnable apply) {
        feeds.computeIfAbsent(tabId, id -> tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .map(t -> new ViewFeed(Showing.onTab(t.getContent(), t))).orElseThrow()).offer(part, apply);
    }

    /** Something kept the cockpit from starting at all: say so in the window rather than leave it empty. */
    public void showFatal(String message) {
        problems.getChildren().setAll(new Label(message));
        show(problems, true);
        status.setText("not running");
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
