package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.app.CockpitMain;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.podman.ProcessResult;
import io.hcdjg.cockpit.testing.PodmanStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.HashMap;

/** The podman subcommands end to end: a named connection, an unknown one, and no podman at all. */
@ExtendWith(PodmanStack.class)
class PodmanCliTest {
    @TempDir
    Path home;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) throws Exception {
        return CockpitCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aNamedConnectionIsUsedExplicitlyAndShown(PodmanStack.Handle stack) throws Exception {
        ProcessGateway gateway = new ProcessGateway();
        String name = "cockpit-test-" + ProcessHandle.current().pid();
        Path socket = home.resolve("podman.sock");
        var service = gateway.stream(List.of("podman", "system", "service", "--time=0", "unix://" + socket),
                line -> { });
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            gateway.run(List.of("podman", "system", "connection", "add", name, "unix://" + socket),
                    Duration.ofSeconds(10));
            // PODMAN_CONNECTION names it, as the runbook's scripts do; the cockpit passes it as --connection.
            Map<String, String> env = new HashMap<>(PodmanStack.env(home));
            env.put("PODMAN_CONNECTION", name);
            int code = run(env, "containers", "--format", "json");
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
            assertEquals("on " + name + " (unix://" + socket + ")", json.get("target").asText());
            assertEquals(7, json.get("containers").size());
        } finally {
            gateway.runAllowingFailure(List.of("podman", "system", "connection", "remove", name),
                    Duration.ofSeconds(10));
            service.close();
        }
    }

    @Test
    void anUnknownConnectionSaysWhatToDoAndRunsNothing(PodmanStack.Handle stack) throws Exception {
        int code = run(Map.of("HOME", home.toString()), "action", "restart", "analytics-api", "--connection", "nope");
        assertEquals(1, code);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("unknown podman connection 'nope'")
                && e.contains("podman system connection add nope URI"), e);
    }

    @Test
    void withoutPodmanOnThePathTheErrorSaysHowToInstallIt() throws Exception {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), CockpitMain.class.getName(), "containers"));
        ProcessResult r = new ProcessGateway(Map.of("PATH", "/nonexistent", "HOME", home.toString()))
                .runAllowingFailure(argv, Duration.ofSeconds(60));
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("'podman' is not installed or not on PATH: "
                + "install it with 'apt-get install podman'"), r.stderr());
    }
}
