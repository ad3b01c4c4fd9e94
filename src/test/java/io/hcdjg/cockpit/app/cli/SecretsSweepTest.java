package io.hcdjg.cockpit.app.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secrets sweep, without a stack: known secrets in the config, in the environment, in an escalation's command and
 * its stderr, in a webhook's path and query (a local server that answers 500) and in notes; the CLI opens, notes,
 * escalates, lists and reports. Then every file under the test's HOME (the XDG dirs) and everything printed is
 * searched: no secret may appear.
 */
class SecretsSweepTest {
    private static final List<String> SECRETS = List.of(
            "config-Literal-7x",   // redaction.secrets, passed positionally to the command: only the literal hides it
            "env-S3cret-value",    // $SMTP_PASSWORD (a shipped redaction.env name), quoted in a note
            "cmd-S3cret-1",        // the command's --password, echoed by it on stderr
            "WEBHOOK-T0KEN-9",     // the webhook's path
            "q-S3cret-22",         // the webhook's ?token=
            "note-S3cret-3",       // --password= in a note
            "XYZXYZ",              // a Slack webhook's path in a note
            "cql-S3cret-4");       // CQL PASSWORD = '…' in a note

    @TempDir
    Path home;
    private HttpServer server;
    private final List<String> printed = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CockpitCli.run(args,
                Map.of("HOME", home.toString(), "USER", "ops", "SMTP_PASSWORD", "env-S3cret-value"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        printed.add(args[0] + ":\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void noSecretInAnyFileTheCockpitWroteNorInAnythingItPrinted() throws Exception {
        String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/WEBHOOK-T0KEN-9?token=q-S3cret-22";
        Path config = home.resolve("cockpit.yaml");
        Files.writeString(config, """
                redaction:
                  secrets: [config-Literal-7x]
                incidents:
                  escalation:
                    - level: L2
                      command: [sh, -c, 'echo "login failed --password $2 with $4" >&2; exit 3', sh, --password,
                                cmd-S3cret-1, --token, config-Literal-7x]
                      webhook: %s
                """.formatted(hook));
        String cfg = "--config=" + config;

        assertEquals(0, run("incident", "open", cfg, "--title", "hcd-server down", "--priority", "p1", "hcd-server",
                "--comment", "SMTP_PASSWORD is env-S3cret-value; tried --password=note-S3cret-3"));
        assertEquals(0, run("incident", "note", cfg, "INC-0001", "--comment", "see https://hooks.slack.com/services/"
                + "T1/B2/XYZXYZ and CREATE ROLE ops WITH PASSWORD = 'cql-S3cret-4'"));
        assertEquals(1, run("incident", "escalate", cfg, "INC-0001", "--level", "L2"), "the level's action failed");
        assertEquals(1, run("incidents", cfg, "--format", "json"));
        assertEquals(1, run("incidents", cfg, "--all"));
        assertEquals(0, run("incident", "report", cfg, "INC-0001"));

        String all = String.join("\n", printed);
        assertTrue(all.contains("--password *** with ***"), all);
        assertTrue(all.contains("webhook http://127.0.0.1:" + server.getAddress().getPort() + "/*** HTTP 500"), all);
        for (String secret : SECRETS) {
            assertFalse(all.contains(secret), secret + " printed:\n" + all);
        }
        int files = 0;
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.equals(config)).toList()) {
                files++;
                String text = Files.readString(p);
                for (String secret : SECRETS) {
                    assertFalse(text.contains(secret), secret + " in " + p + ":\n" + text);
                }
            }
        }
        assertTrue(files >= 3, "the audit log, the store and the report were written: " + files);
        String audit = Files.readString(home.resolve(".local/state/hcd-janusgraph-cockpit/audit.jsonl"));
        assertTrue(audit.contains("\"kind\":\"started\""), audit);
        assertTrue(audit.contains("\"user\":\"" + System.getProperty("user.name") + "\""), audit);
    }
}
