package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.testing.FxBackground;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.app.cli.CockpitCli;
import io.hcdjg.cockpit.testing.DemoCql;
import io.hcdjg.cockpit.testing.PodmanStack;
import io.hcdjg.cockpit.ui.MainView;
import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.present.WallPresenter;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.hcdjg.cockpit.model.SecurityEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Runbook §8.1 on the demo project: a scripted burst — failed logins (uvicorn's 401 access lines), queries the
 * sanitizer rejects (its log line and its audit event inside the container), a TRUNCATE and a DROP TABLE (Cassandra's
 * own log) — counted exactly by {@code security --format json}, and the same counts and raw lines in the Security tab.
 */
@ExtendWith({PodmanStack.class, ApplicationExtension.class})
class SecurityFlowTest {
    static final String API = "http://127.0.0.1:8001";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int LOGINS = 5;
    static final int REJECTED = 2;

    @TempDir
    Path home;
    Cockpit cockpit;
    MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path state = Files.createTempDirectory("cockpit-security");
        cockpit = new Cockpit(new CockpitOptions(Optional.empty(), false, null, null), PodmanStack.env(state), false,
                s -> { });
        view = new MainView(30, WindowPorts.of(() -> cockpit, n -> { }, PodmanStack.PROJECT),
                PodmanStack.PROJECT, FxBackground.threads());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        cockpit.close();
    }

    private JsonNode security() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CockpitCli.run(new String[]{"security", "--since", "1h", "--format", "json"},
                PodmanStack.env(home), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertTrue(code == 0 || code == 1, "exit " + code);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** Events of a category on a service in the last hour. */
    private static int count(JsonNode report, String category, String service) {
        for (JsonNode c : report.get("byService")) {
            if (c.get("category").asText().equals(category) && c.get("service").asText().equals(service)) {
                return c.get("lastHour").asInt();
            }
        }
        return 0;
    }

    private static Map<String, Integer> counts(JsonNode report) {
        Map<String, Integer> m = new HashMap<>();
        m.put("auth", count(report, "auth_failure", "analytics-api"));
        m.put("validation", count(report, "validation_failure", "analytics-api"));
        m.put("destructive", count(report, "destructive", "hcd-server"));
        return m;
    }

    private static int post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(API + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aScriptedBurstIsCountedExactlyByTheCommandAndTheTab(FxRobot robot, PodmanStack.Handle stack) throws Exception {
        String user = "ops" + Long.toString(System.nanoTime(), 36);
        Map<String, Integer> before = counts(security());
        for (int i = 0; i < LOGINS; i++) {
            assertEquals(401, post("/api/v1/auth/login", "{\"username\":\"mallory\",\"password\":\"x\"}"));
        }
        for (int i = 0; i < REJECTED; i++) {
            assertEquals(400, post("/api/v1/graph/query", "{\"query\":\"g.V().drop()\",\"user\":\"" + user + "\"}"));
        }
        String ks = "cockpit_security_" + user;
        try (CqlSession s = DemoCql.session()) {
            s.execute("CREATE KEYSPACE " + ks
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            s.execute("CREATE TABLE " + ks + ".t (id int PRIMARY KEY)");
            s.execute("INSERT INTO " + ks + ".t (id) VALUES (1)");
            s.execute("TRUNCATE " + ks + ".t");
            s.execute("INSERT INTO " + ks + ".t (id) VALUES (2)");
            s.execute("DROP TABLE " + ks + ".t");
        }
        Map<String, Integer> expected = Map.of("auth", before.get("auth") + LOGINS,
                "validation", before.get("validation") + REJECTED, "destructive", before.get("destructive") + 2);
        // podman writes the lines to the log file a moment after they are written: wait for them, within a bound
        JsonNode after = security();
        for (int i = 0; i < 20 && !counts(after).equals(expected); i++) {
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            after = security();
        }
        assertEquals(expected, counts(after), after.toString());
        JsonNode rejected = null;
        for (JsonNode w : after.get("byWho")) {
            if (w.get("who").asText().equals(user)) {
                rejected = w;
            }
        }
        assertEquals(REJECTED, rejected.get("lastHour").asInt(), "one event per rejection, though logged and audited");
        List<String> raws = new ArrayList<>();
        after.get("events").forEach(e -> raws.add(e.get("raw").asText()));
        assertTrue(raws.stream().anyMatch(r -> r.matches("INFO: +[0-9.]+:[0-9]+ - \"POST /api/v1/auth/login HTTP/1.1\" "
                + "401 Unauthorized")), raws.toString());
        assertTrue(raws.stream().anyMatch(r -> r.contains("Truncating " + ks + ".t")), raws.toString());
        assertTrue(raws.stream().anyMatch(r -> r.startsWith("{\"timestamp\": ") && r.contains("\"user\": \"" + user
                + "\"")), "the rejection is the audit log's event");
        assertTrue(after.toString().contains("followed ("), "the audit log inside the container is read: " + after);

        // The window: the same logs followed, the same audit log read, the same counts in the tab.
        cockpit.containers().list(false);
        cockpit.logs().sync(cockpit.podman().podman().containers(PodmanStack.PROJECT));
        var shown = cockpit.security().tick();
        for (int i = 0; i < 20 && shown.count("analytics-api", SecurityEvent.Category.AUTH_FAILURE,
                Instant.now().minusSeconds(3600)) < expected.get("auth"); i++) {
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            shown = cockpit.security().tick();
        }
        var state = shown;
        cockpit.store().update(s -> s.withSecurity(state, state.at()));
        var model = new WallPresenter(ZoneOffset.UTC).present(cockpit.store().get(), Instant.now());
        WaitForAsyncUtils.asyncFx(() -> view.apply(model)).get(10, TimeUnit.SECONDS);
        robot.clickOn("#tab-security");
        @SuppressWarnings("unchecked")
        TableView<WallModel.SecurityCount> byService = robot.lookup("#security-by-service").queryAs(TableView.class);
        Map<String, String> tab = new HashMap<>();
        byService.getItems().forEach(c -> tab.put(c.category() + " " + c.service(), c.hour()));
        assertEquals(String.valueOf(expected.get("auth")), tab.get("failed authentications analytics-api"),
                tab.toString());
        assertEquals(String.valueOf(expected.get("validation")), tab.get("validation failures analytics-api"));
        assertEquals(String.valueOf(expected.get("destructive")), tab.get("destructive statements hcd-server"));
        @SuppressWarnings("unchecked")
        TableView<WallModel.SecurityRow> events = robot.lookup("#security-events").queryAs(TableView.class);
        WallModel.SecurityRow truncate = events.getItems().stream().filter(r -> r.raw().contains("Truncating " + ks))
                .findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> events.getSelectionModel().select(truncate)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(truncate.raw(), robot.lookup("#security-raw").queryAs(TextArea.class).getText());

        // The API restarted (same container, same audit file): read on from where the watcher was, nothing twice.
        String api = PodmanStack.container("analytics-api");
        var restarted = stack.podman().restart(List.of(api), Duration.ofSeconds(2),
                Duration.ofSeconds(60), null);
        assertTrue(restarted.ok(), restarted.stderr());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stack.containers().stream()
                .anyMatch(c -> c.name().equals(api) && c.running()));
        cockpit.containers().list(false);
        var again = cockpit.security().tick();
        for (var c : SecurityEvent.Category.values()) {
            assertEquals(state.count("analytics-api", c, Instant.EPOCH), again.count("analytics-api", c, Instant.EPOCH),
                    c + " after the restart");
        }
        try (CqlSession s = DemoCql.session()) {
            s.execute("DROP KEYSPACE " + ks);
        }
    }
}
