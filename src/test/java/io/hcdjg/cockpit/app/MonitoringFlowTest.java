package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.testing.FxBackground;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.app.cli.CockpitCli;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.Silence;
import io.hcdjg.cockpit.testing.MonitoringServers;
import io.hcdjg.cockpit.ui.MainView;
import io.hcdjg.cockpit.present.WallPresenter;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The metrics/alerts/silence subcommands and the Acknowledge button, against the real Prometheus and Alertmanager of
 * the run (the fixture's rule fires on the stand-in exporter's janusgraph_connection_status 0).
 */
@ExtendWith({MonitoringServers.Extension.class, ApplicationExtension.class})
class MonitoringFlowTest {
    static Path home;
    static Map<String, String> env;
    Cockpit cockpit;
    MainView view;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("cockpit-home");
        view = new MainView(30, WindowPorts.of(() -> cockpit, name -> { }, "janusgraph-demo"),
                "janusgraph-demo", FxBackground.threads());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private void open(MonitoringServers servers) throws Exception {
        Path config = Files.writeString(home.resolve("cockpit.yaml"),
                "monitoring:\n  prometheus: " + servers.prometheusUrl()
                + "\n  alertmanager: " + servers.alertmanagerUrl()
                + "\nmetrics:\n  - name: vertices\n    title: vertices\n"
                + "    query: sum(janusgraph_vertices_total)\n  - name: broken\n    query: \"sum(\"\n");
        env = Map.of("HOME", home.toString(), "XDG_STATE_HOME", home.resolve("state").toString(), "USER", "ops-test");
        cockpit = new Cockpit(new CockpitOptions(Optional.of(config), false, null, null), env, false, s -> { });
    }

    @AfterEach
    void expireOurSilences() throws Exception {
        if (cockpit == null) {
            return;
        }
        for (Silence s : cockpit.monitoring().client().silences()) {
            if (s.state().equals("active") && s.createdBy().equals("ops-test")) {
                cockpit.monitoring().client().expireSilence(s.id());
            }
        }
        cockpit.close();
    }

    private MonitoringState untilFiring() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        MonitoringState s = cockpit.monitoring().refresh();
        while (s.firing().stream().noneMatch(a -> a.name().equals(MonitoringServers.TEST_ALERT))) {
            assertTrue(System.nanoTime() < deadline, "the test alert never fired: " + s);
            Thread.sleep(500);
            s = cockpit.monitoring().refresh();
        }
        return s;
    }

    private int cli(ByteArrayOutputStream out, String... args) throws Exception {
        return CockpitCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void theSubcommandsReportAndAcknowledge(MonitoringServers servers) throws Exception {
        open(servers);
        untilFiring();
        String config = home.resolve("cockpit.yaml").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(1, cli(out, "metrics", "--config", config, "--format", "json"), "a bad query is not all-clear");
        JsonNode metrics = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("metrics");
        JsonNode vertices = null;
        for (JsonNode m : metrics) {
            if (m.get("name").asText().equals("vertices")) {
                vertices = m;
            }
        }
        assertEquals(6212.0, vertices.get("value").asDouble());
        assertTrue(metrics.toString().contains("bad query: bad_data"), metrics.toString());

        out.reset();
        assertEquals(1, cli(out, "alerts", "--config", config));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(MonitoringServers.TEST_ALERT), out.toString());

        out.reset();
        assertEquals(2, cli(out, "silence", MonitoringServers.TEST_ALERT, "--config", config, "--for", "2h"),
                "a silence without a comment is a usage error");
        assertEquals(0, cli(out, "silence", MonitoringServers.TEST_ALERT, "--config", config, "--for", "2h",
                "--comment", "acknowledged from the CLI test"));
        assertTrue(out.toString(StandardCharsets.UTF_8)
                .startsWith("done: " + MonitoringServers.TEST_ALERT + " silenced until "));
        assertTrue(cockpit.monitoring().client().silences().stream().anyMatch(s -> s.state().equals("active")
                && s.createdBy().equals("ops-test") && s.comment().equals("acknowledged from the CLI test")));
    }

    @Test
    void acknowledgeFromTheAlertsPanelCreatesASilence(MonitoringServers servers, FxRobot robot) throws Exception {
        open(servers);
        untilFiring();
        var model = new WallPresenter(ZoneOffset.UTC).present(cockpit.store().get(), Instant.now());
        WaitForAsyncUtils.asyncFx(() -> view.apply(model)).get(10, TimeUnit.SECONDS);
        robot.clickOn((Node) robot.lookup(".tab-label").match(n -> ((Label) n).getText()
                .startsWith("Alerts (")).query());
        TableView<?> table = robot.lookup("#alert-table").queryAs(TableView.class);
        int row = 0;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).toString().contains("name=" + MonitoringServers.TEST_ALERT)) {
                row = i;
            }
        }
        int pick = row;
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(pick)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#acknowledge");
        robot.clickOn("#silence-comment").write("acknowledged from the alerts panel");
        DialogPane dialog = robot.lookup("#silence-dialog").queryAs(DialogPane.class);
        robot.clickOn((Button) dialog.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#silence-outcome").tryQuery().isPresent());
        DialogPane outcome = robot.lookup("#silence-outcome").queryAs(DialogPane.class);
        assertEquals("done", outcome.getHeaderText());
        Silence s = cockpit.monitoring().client().silences().stream().filter(x -> x.state().equals("active")
                && x.comment().equals("acknowledged from the alerts panel")).findFirst().orElseThrow();
        assertEquals(System.getProperty("user.name"), s.createdBy(), "the author field defaults to the operator");
        assertTrue(s.matchers().contains("alertname=" + MonitoringServers.TEST_ALERT), s.matchers().toString());
        assertTrue(s.matchers().contains("service=janusgraph-exporter"), "the silence matches exactly this alert: "
                + s.matchers());
    }
}
