package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.incidents.ActionHistory;
import io.hcdjg.cockpit.incidents.IncidentDesk;
import io.hcdjg.cockpit.incidents.IncidentReport;
import io.hcdjg.cockpit.incidents.IncidentRules;
import io.hcdjg.cockpit.incidents.IncidentStore;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.Escalator;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.present.IncidentPresenter;
import io.hcdjg.cockpit.present.IncidentsModel;
import io.hcdjg.cockpit.testing.MutableClock;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;

/** The panel on a real desk and store: open an incident, acknowledge it from its reminder, escalate, resolve. */
@ExtendWith(ApplicationExtension.class)
class IncidentsViewTest {
    @TempDir
    static Path dir;
    static final List<String> SERVICES = List.of("hcd-server", "janusgraph-server", "analytics-api");
    final MutableClock clock = new MutableClock(Instant.now());
    IncidentDesk desk;
    IncidentsView view;
    CockpitConfig config;

    @Start
    void start(Stage stage) {
        config = new ConfigLoader(Map.of("HOME", dir.toString())).load(Optional.empty()).config();
        IncidentRules rules = new IncidentRules(config.incidents(), ZoneOffset.UTC);
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), clock);
        desk = new IncidentDesk(rules, config.dependencies(), new IncidentStore(dir.resolve("incidents.jsonl")),
                new Escalator(new ProcessGateway(), HttpClient.newHttpClient(), audit), new ActionHistory(audit.file()),
                new IncidentReport(dir.resolve("reports"), ZoneOffset.UTC, rules), clock);
        view = new IncidentsView(new DeskCommands(), stage::getOwner, Background.direct());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        view.apply(presented(), SERVICES);
    }

    /** What the presenter does with the desk's state (the desk's clock is the test's). */
    private IncidentsModel presented() {
        return new IncidentPresenter(ZoneOffset.UTC, config.incidents().ladder()).present(desk.state(),
                clock.instant());
    }

    /** What the watcher does after an operator's change: the state goes to the view. */
    private void publish() {
        var m = presented();
        Platform.runLater(() -> view.apply(m, SERVICES));
    }

    private final class DeskCommands implements IncidentPort {
        private Incident pub(Incident i) {
            publish();
            return i;
        }

        @Override
        public List<IncidentConfig.Level> ladder() {
            return config.incidents().ladder();
        }

        @Override
        public Incident open(String title, Priority p, List<String> services, String note) throws Exception {
            return pub(desk.open(title, p, services, note));
        }

        @Override
        public Incident acknowledge(String id) throws Exception {
            return pub(desk.acknowledge(id, "tester"));
        }

        @Override
        public Incident escalate(String id, Integer level) throws Exception {
            return pub(desk.escalate(id, level, List.of()));
        }

        @Override
        public Incident resolve(String id, String note) throws Exception {
            return pub(desk.resolve(id, note));
        }

        @Override
        public Incident reopen(String id, String why) throws Exception {
            return pub(desk.reopen(id, why));
        }

        @Override
        public Incident note(String id, String text) throws Exception {
            return pub(desk.note(id, text));
        }

        @Override
        public Incident priority(String id, Priority p) throws Exception {
            return pub(desk.priority(id, p));
        }

        @Override
        public Incident step(String id, String step, boolean done) throws Exception {
            return pub(desk.step(id, step, done));
        }

        @Override
        public void report(String id, Path target) throws Exception {
            Files.copy(desk.report(id, List.of()), target);
        }

        @Override
        public Path bundle(String id) {
            throw new UnsupportedOperationException("the bundle needs a cockpit: EvidenceBundleTest");
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse(""); // not shown yet
    }

    private static void ok(FxRobot robot, String dialog) {
        DialogPane pane = robot.lookup(dialog).queryAs(DialogPane.class);
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
    }

    private Incident only() {
        return desk.state().incidents().get(0);
    }

    @Test
    void openAcknowledgeEscalateAndResolveFromThePanel(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#incident-empty").query().isVisible());

        robot.clickOn("#incident-new");
        robot.clickOn("#new-incident-title").write("Graph queries time out for customers");
        robot.interact(() -> robot.lookup("#new-incident-priority").queryComboBox().getSelectionModel()
                .select(Priority.P1));
        robot.clickOn("#new-incident-note").write("reported by the support desk");
        ok(robot, "#new-incident-dialog");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#incident-title")
                .equals("INC-0001 — Graph queries time out for customers"));
        assertTrue(text(robot, "#incident-meta").startsWith("P1 (critical functionality impaired or security) · open"),
                text(robot, "#incident-meta"));
        assertTrue(text(robot, "#incident-countdown").startsWith("response due in 59:"),
                text(robot, "#incident-countdown"));

        // five minutes unacknowledged: the reminder prompt; acknowledging from it
        clock.advance(Duration.ofMinutes(5));
        desk.tick();
        publish();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#prompt-remind-INC-0001").tryQuery().isPresent());
        robot.clickOn("#prompt-remind-INC-0001");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> only().state() == Incident.State.ACKNOWLEDGED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#incident-ack").queryButton().isDisabled());
        assertTrue(robot.lookup("#prompt-remind-INC-0001").tryQuery().isEmpty());

        assertEquals("Escalate to L2…", robot.lookup("#incident-escalate").queryButton().getText());
        robot.clickOn("#incident-escalate");
        DialogPane confirm = robot.lookup("#escalate-dialog").queryAs(DialogPane.class);
        assertEquals("Escalate INC-0001 to L2 — Senior Engineer <ops-senior@example.com>?", confirm.getHeaderText());
        ok(robot, "#escalate-dialog");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> only().level() == 2);
        @SuppressWarnings("unchecked")
        ListView<String> timeline = robot.lookup("#incident-timeline").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline.getItems().stream()
                .anyMatch(l -> l.contains("escalated to L2")));

        robot.clickOn("#step-assess");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> only().stepsDone().contains("assess"));

        robot.clickOn("#incident-resolve");
        robot.write("index rebuilt; p95 back under 200 ms");
        ok(robot, "#incident-text-dialog");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> only().resolved());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#incident-empty").query().isVisible());
        robot.clickOn("#incident-show-resolved");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#incident-countdown").equals("resolved"));

        // all of it is in the store, for the CLI and after a restart
        IncidentStore reread = new IncidentStore(dir.resolve("incidents.jsonl"));
        reread.refresh();
        assertEquals(List.of(IncidentEvent.OPENED, IncidentEvent.NOTE, IncidentEvent.REMINDER,
                IncidentEvent.ACKNOWLEDGED, IncidentEvent.ESCALATING, IncidentEvent.ESCALATED, IncidentEvent.STEP,
                IncidentEvent.RESOLVED),
                reread.events().stream().map(IncidentEvent::type).toList());
    }
}
