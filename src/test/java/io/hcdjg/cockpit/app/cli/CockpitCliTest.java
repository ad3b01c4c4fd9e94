package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The command tree itself, without a stack: every subcommand's help, the values refused before anything runs, the
 * completion script, and README's command lines still parsing as they did.
 */
class CockpitCliTest {
    @TempDir
    Path home;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        // no podman on this PATH and a HOME of its own: a command that got past its checks could do nothing real
        return CockpitCli.run(args, Map.of("HOME", home.toString(), "PATH", "/nonexistent", "USER", "test"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private CommandLine tree() {
        return CockpitCli.commandLine(Map.of(), System.out, System.err, (o, p) -> fail("no window in a test"));
    }

    /** Every command path below the top one, e.g. "check", "action", "action restart". */
    private static List<String> paths(CommandLine cl, String prefix) {
        List<String> all = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases are the same command
                String path = (prefix + " " + name).trim();
                all.add(path);
                all.addAll(paths(sub, path));
            }
        });
        return all;
    }

    @Test
    void everySubcommandHasItsOwnHelp() {
        List<String> paths = paths(tree(), "");
        assertTrue(paths.containsAll(List.of("check", "containers", "action restart", "action scale", "exec", "demo up",
                "metrics", "alerts", "silence", "logs", "security", "incidents", "incident open", "incident escalate",
                "checklist", "report", "backup", "backups", "restore", "proof-status", "recovery", "completion")),
                paths.toString());
        for (String path : paths) {
            List<String> args = new ArrayList<>(List.of(path.split(" ")));
            args.add("--help");
            assertEquals(0, run(args.toArray(String[]::new)), path);
            String help = out.toString(StandardCharsets.UTF_8);
            assertTrue(help.startsWith("Usage: cockpit " + path + " "), path + ":\n" + help);
            assertTrue(help.contains("\nExit codes:\n  0   ") && help.contains("\n  2   usage or config error"),
                    path + ":\n" + help);
            assertEquals("", err.toString(StandardCharsets.UTF_8), path);
        }
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("source <(java -jar cockpit.jar completion)"));
    }

    @Test
    void malformedValuesAreUsageErrorsBeforeAnythingRuns() throws Exception {
        String[][] refused = {
                {"containers", "--project", ""},
                {"--project", "", "containers"},
                {"containers", "--project", "-rf"},
                {"containers", "--project", "Big;Name"},
                {"action", "down", "--all", "--confirm", ""},
                {"restore", "backup.tar.gz", "--confirm", " "},
                {"containers", "--connection", ""},
                {"containers", "--connection", "a b"},
                {"logs", "analytics-api", "--since", "banana"},
                {"security", "--since", "0s"},
                {"silence", "HighErrorRate", "--for", "soon", "--comment", "x"},
                {"silence", "HighErrorRate", "--for", "2h", "--comment", ""},
                {"action", "restart", "-rf"},
                {"action", "restart", "a;b"},
                {"action", "restart", "analytics-api", "--all"},
                {"action", "restart"},
                {"action", "scale", "graph-consumer", "1000"},
                {"action", "scale", "graph-consumer", "-1"},
                {"action", "frobnicate"},
                {"action"},
                {"exec", "$(reboot)", "--", "ls"},
                {"exec", "analytics-api"},
                {"logs", "a;b"},
                {"logs", "analytics-api", "-x"},
                {"logs", "analytics-api", "--filter", "["},
                {"logs"},
                {"logs", "analytics-api", "--all"},
                {"demo", "sideways"},
                {"incident", "open", "--title", "x", "--priority", "P9"},
                {"incident", "open", "--title", "x", "--priority", "P1", "hcd-server|x"},
                {"incident", "escalate", "INC-0001", "--level", "L6"},
                {"incident", "note", "INC-0001"},
                {"incident", "ack", "INC-0001", "--comment", "x"},
                {"check", "--format", "xml"},
                {"check", "--config", ""},
                {"report", "--out", ""},
        };
        for (String[] args : refused) {
            assertEquals(2, run(args), String.join(" ", args));
            String e = err.toString(StandardCharsets.UTF_8);
            assertTrue(e.startsWith("cockpit: ") && e.lines().count() > 2 && e.lines().skip(1)
                    .anyMatch(l -> l.startsWith("Usage: cockpit ")), String.join(" ", args) + ":\n" + e);
            assertEquals("", out.toString(StandardCharsets.UTF_8), String.join(" ", args));
        }
        try (Stream<Path> written = Files.walk(home)) {
            assertEquals(List.of(home), written.toList(), "nothing wrote a file: no audit log, no store");
        }
        run("containers", "--project", "");
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cockpit: Invalid value for option '--project': '' "
                + "is not a compose project name ([a-z0-9][a-z0-9_.-]*)\n"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void globalOptionsGoBeforeOrAfterTheSubcommand() throws Exception {
        assertEquals(0, run("--format", "json", "incidents"));
        assertEquals(0, new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("incidents").size());
        assertEquals(0, run("incidents", "--format", "JSON", "--all"));
        assertEquals(0, new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("incidents").size());
        assertEquals(0, run("incidents"));
        assertEquals("no open incidents\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCompletionScriptNamesEverySubcommand() {
        assertEquals(0, run("completion"));
        String script = out.toString(StandardCharsets.UTF_8);
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.lines().findFirst().orElse(""));
        assertTrue(script.contains("complete -F _complete_cockpit"), "registered for the cockpit command");
        assertTrue(script.contains("bashcompinit"), "zsh runs it through bashcompinit");
        for (String path : paths(tree(), "")) {
            assertTrue(script.contains("=(" + path + ")"), "the script completes '" + path + "'");
        }
        assertTrue(script.contains("=(\"text\" \"json\") # --format values"), "--format's values");
        assertTrue(script.contains("=(\"P0\" \"P1\" \"P2\" \"P3\") # --priority values"), "--priority's values");
    }

    /** README's command lines, word for word: each still parses (what they then do needs the stack). */
    @Test
    void readmeCommandLinesStillParse() {
        String[] lines = {
                "check --config cockpit.yaml --demo --format json",
                "check --no-demo --format text",
                "--config cockpit.yaml --no-demo --connection prod",
                "containers --connection prod-1 --project janusgraph-demo --format json",
                "action restart janusgraph-server",
                "action stop --all --confirm janusgraph-demo",
                "action down --all --confirm janusgraph-demo",
                "action up analytics-api --connection prod",
                "action scale graph-consumer 3 --confirm janusgraph-demo",
                "action scale graph-consumer 0 --confirm janusgraph-demo",
                "exec hcd-server -- nodetool status -r",
                "demo up", "demo down --project cockpit-test",
                "metrics --format json", "alerts --format json",
                "silence HighErrorRate --for 2h --comment INC-1042:redeploying --author ops",
                "security --since 1h --format json", "security --since 24h",
                "logs analytics-api graph-consumer --since 1h --filter Unhandled|timeout",
                "logs janusgraph-server --follow",
                "logs --all --since 24h --summary --format json",
                "incidents --all --format json",
                "incident open --title Backups --priority P2 hcd-server --comment since-Tuesday",
                "incident open --title Backups --priority p2",
                "incident ack INC-0003", "incident acknowledge INC-0003",
                "incident escalate INC-0003 --level L3", "incident escalate INC-0003",
                "incident resolve INC-0003 --comment re-enabled", "incident reopen INC-0003",
                "incident note INC-0003 --comment called", "incident report INC-0003",
                "checklist --format json", "report --out /tmp/reports", "backup", "backups --format json",
                "restore hcd-janusgraph-20261128T020000Z.tar.gz --confirm janusgraph-demo",
                "proof-status --format json", "recovery --format json", "completion",
        };
        for (String line : lines) {
            assertDoesNotThrow(() -> tree().parseArgs(line.split(" ")), line);
        }
    }

    /** No display: one sentence of what to do, not JavaFX's "Unable to open DISPLAY" stack trace. */
    @Test
    void withoutADisplayTheWindowSaysWhatToDoInstead() {
        List<String> opened = new ArrayList<>();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(said, true, StandardCharsets.UTF_8);
        assertEquals(2, CockpitCli.run(new String[0], Map.of("HOME", home.toString()), System.out, e, (o, p) -> {
            opened.add("window");
            return 0;
        }));
        assertEquals(List.of(), opened);
        assertEquals("cockpit: there is no display to open the window on: start it in a desktop session, or run "
                + "'cockpit check' (or any subcommand of 'cockpit --help') here, headless.",
                said.toString(StandardCharsets.UTF_8).strip());
        for (String display : List.of("DISPLAY", "WAYLAND_DISPLAY")) {
            assertEquals(0, CockpitCli.run(new String[0], Map.of(display, ":0"), System.out, e, (o, p) -> {
                opened.add(display + (p.presenter() ? " presenting" : ""));
                return 0;
            }));
        }
        for (String[] args : List.of(new String[] {"--presenter"}, new String[] {"--rotate", "30"})) {
            assertEquals(0, CockpitCli.run(args, Map.of("DISPLAY", ":0"), System.out, e, (o, p) -> {
                opened.add("DISPLAY" + (p.presenter() ? " presenting" : "") + (p.rotateSeconds() > 0
                        ? " rotating " + p.rotateSeconds() : ""));
                return 0;
            }));
        }
        assertEquals(List.of("DISPLAY", "WAYLAND_DISPLAY", "DISPLAY presenting", "DISPLAY presenting rotating 30"),
                opened);
        assertEquals(2, CockpitCli.run(new String[] {"--rotate", "2"}, Map.of("DISPLAY", ":0"), System.out, e,
                (o, p) -> 0), "at least 5 s");
    }
}
