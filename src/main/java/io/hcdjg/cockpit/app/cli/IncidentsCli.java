package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.present.IncidentFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.app.EvidenceBundle;
import io.hcdjg.cockpit.app.IncidentDesks;
import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.incidents.IncidentDesk;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.podman.ProcessGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * {@code incidents} and {@code incident open|ack|escalate|resolve|reopen|note|report|bundle}: the incident panel for
 * scripts and cron, on the same store and the same audit log as the window. No cockpit is built (the config and the
 * desk do), except for {@code bundle}, which asks podman and Prometheus.
 */
final class IncidentsCli {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ACTION_FAILED = "1:the escalation level's action failed";
    private static final String WRONG_STATE = "3:refused: no such incident, or not in a state that allows it";

    private IncidentsCli() {
    }

    /** What a command does at the desk; returns the exit code. */
    interface AtDesk {
        int run(IncidentDesk desk) throws Exception;
    }

    /** The prologue without a cockpit: the config's errors (exit 2); the desk's refusals are exit 3. */
    static int withDesk(CliCommand c, AtDesk body) throws Exception {
        ConfigLoader.Loaded loaded = new ConfigLoader(c.env()).load(c.root().options().config());
        Redaction redaction = Redaction.of(loaded.config(), c.env());
        c.root().redactWith(redaction);
        if (c.configErrors(loaded)) {
            return ExitCodes.USAGE;
        }
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(AuditLog.defaultFile(c.env()), clock, redaction);
        try (HttpClient webhooks = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            IncidentDesk desk = IncidentDesks.build(loaded.config(), c.env(), audit, new ProcessGateway(redaction),
                    webhooks, clock);
            desk.refresh();
            return body.run(desk);
        } catch (IllegalArgumentException e) {
            c.err().println("cockpit: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
    }

    @Command(name = "incidents", description = "Open incidents, their response timers and the prompts due.",
            exitCodeList = {"0:none open", "1:any open", Help.USAGE})
    static final class Incidents extends CliCommand {
        @Option(names = "--all", description = "Resolved incidents too.")
        boolean all;

        @Override
        public Integer call() throws Exception {
            return withDesk(this, desk -> list(desk, all, json(), out()));
        }
    }

    @Command(name = "incident", description = "Opens an incident, or acts on one: the incident panel's buttons.",
            subcommands = {Open.class, Ack.class, Escalate.class, Resolve.class, Reopen.class, Note.class,
                    Report.class, Bundle.class},
            exitCodeList = {"0:done", ACTION_FAILED, Help.USAGE, WRONG_STATE})
    static final class IncidentCommand extends CliCommand {
        @Override
        public Integer call() {
            throw usage("incident needs a verb: open, ack, escalate, resolve, reopen, note, report or bundle");
        }
    }

    @Command(name = "open", description = "Opens an incident by hand.", exitCodeList = {"0:opened", Help.USAGE})
    static final class Open extends CliCommand {
        @Option(names = "--title", required = true, paramLabel = "TEXT", converter = ArgTypes.Text.class,
                description = "What is wrong.")
        String title;
        @Option(names = "--priority", required = true, paramLabel = "P0..P3",
                description = "P0 system down or data loss, P1 critical or security, P2 degraded, P3 minor.")
        Priority priority;
        @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "The services affected.")
        List<String> services = List.of();
        @Option(names = "--comment", paramLabel = "NOTE", converter = ArgTypes.Text.class,
                description = "A first note.")
        String comment;

        @Override
        public Integer call() throws Exception {
            List<String> affected = services(services);
            return withDesk(this, desk -> {
                Incident i = desk.open(title, priority, affected, comment);
                out().println(i.id() + " opened: " + i.priority() + " " + i.title());
                return ExitCodes.OK;
            });
        }
    }

    /** A verb on one incident: it runs at the desk, then the incident's state and last event are printed. */
    @Command(exitCodeList = {"0:done", ACTION_FAILED, Help.USAGE, WRONG_STATE})
    abstract static class OnIncident extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", converter = ArgTypes.Text.class,
                description = "The incident, e.g. INC-0003.")
        String id;

        abstract Incident apply(IncidentDesk desk, String who) throws Exception;

        @Override
        public Integer call() throws Exception {
            String who = env().getOrDefault("USER", System.getProperty("user.name")) + " (cli)";
            return withDesk(this, desk -> {
                Incident i = apply(desk, who);
                IncidentEvent last = i.events().get(i.events().size() - 1);
                out().println(i.id() + " " + i.state().name().toLowerCase(Locale.ROOT) + " · " + i.priority() + " · L"
                        + i.level() + " · " + last.text());
                return "false".equals(last.get("ok")) ? ExitCodes.NOT_OK : ExitCodes.OK;
            });
        }
    }

    @Command(name = "ack", aliases = "acknowledge", description = "Acknowledges the incident: its timer stops.")
    static final class Ack extends OnIncident {
        Incident apply(IncidentDesk desk, String who) throws Exception {
            return desk.acknowledge(id, who);
        }
    }

    @Command(name = "escalate", description = "Escalates to the next level (or --level) and runs that level's action.")
    static final class Escalate extends OnIncident {
        @Option(names = "--level", paramLabel = "L2..L5", converter = ArgTypes.Level.class,
                completionCandidates = ArgTypes.Levels.class, description = "The level (default: the next one).")
        Integer level;

        Incident apply(IncidentDesk desk, String who) throws Exception {
            return desk.escalate(id, level, null);
        }
    }

    /** A verb that takes a note for the timeline. */
    abstract static class WithComment extends OnIncident {
        @Option(names = "--comment", paramLabel = "TEXT", converter = ArgTypes.Text.class,
                description = "A note for the timeline: how, why, what was seen.")
        String comment;
    }

    @Command(name = "resolve", description = "Resolves the incident.")
    static final class Resolve extends WithComment {
        Incident apply(IncidentDesk desk, String who) throws Exception {
            return desk.resolve(id, comment);
        }
    }

    @Command(name = "reopen", description = "Reopens a resolved incident.")
    static final class Reopen extends WithComment {
        Incident apply(IncidentDesk desk, String who) throws Exception {
            return desk.reopen(id, comment);
        }
    }

    @Command(name = "note", description = "Adds a note (--comment) to the incident's timeline.")
    static final class Note extends WithComment {
        @Override
        public Integer call() throws Exception {
            if (comment == null) {
                throw usage("incident note needs --comment TEXT");
            }
            return super.call();
        }

        Incident apply(IncidentDesk desk, String who) throws Exception {
            return desk.note(id, comment);
        }
    }

    /** A file about one incident, written and its path printed. */
    abstract static class IncidentFile extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", converter = ArgTypes.Text.class,
                description = "The incident, e.g. INC-0003.")
        String id;
    }

    @Command(name = "report", description = "Writes the incident's Markdown report and prints its path.",
            exitCodeList = {"0:written", Help.USAGE, "3:no such incident"})
    static final class Report extends IncidentFile {
        @Override
        public Integer call() throws Exception {
            return withDesk(this, desk -> {
                out().println(desk.report(id, null));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "bundle", description = "Preserves the evidence of an incident (runbook §8.2): one zip of its "
            + "window (logs, metrics, timeline, compose files, podman inspect, probe history, audit lines), secrets "
            + "redacted, 0600; prints its path.", exitCodeList = {"0:written", Help.USAGE, "3:no such incident"})
    static final class Bundle extends IncidentFile {
        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> {
                try {
                    out().println(EvidenceBundle.write(c, id, false));
                    return ExitCodes.OK;
                } catch (IllegalArgumentException e) {
                    err().println("cockpit: " + e.getMessage());
                    return ExitCodes.REFUSED;
                }
            });
        }
    }

    private static int list(IncidentDesk desk, boolean all, boolean json, PrintStream out) throws Exception {
        IncidentState s = desk.state();
        Instant now = Instant.now();
        List<Incident> shown = s.incidents().stream().filter(i -> all || !i.resolved()).toList();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode list = root.putArray("incidents");
            for (Incident i : shown) {
                ObjectNode n = list.addObject();
                n.put("id", i.id());
                n.put("priority", i.priority().name());
                n.put("state", i.state().name().toLowerCase(Locale.ROOT));
                n.put("level", "L" + i.level());
                n.put("title", i.title());
                n.put("source", i.source());
                n.set("services", JSON.valueToTree(i.services()));
                n.put("openedAt", i.openedAt().toString());
                n.put("acknowledgedAt", i.acknowledgedAt() == null ? null : i.acknowledgedAt().toString());
                n.put("resolvedAt", i.resolvedAt() == null ? null : i.resolvedAt().toString());
                Instant due = s.deadlines().get(i.id());
                n.put("responseDue", due == null ? null : due.toString());
                n.put("overdue", due != null && now.isAfter(due));
                n.put("escalationDue", s.prompts().stream().filter(p -> p.incident().equals(i.id())
                        && p.kind().equals(IncidentState.Prompt.ESCALATE))
                        .map(p -> "L" + p.level()).findFirst().orElse(null));
            }
            root.put("problem", s.problem());
            out.println(JSON.writeValueAsString(root));
        } else {
            if (shown.isEmpty()) {
                out.println(all ? "no incidents recorded" : "no open incidents");
            } else {
                out.printf("%-9s  %-3s  %-12s  %-3s  %-16s  %-18s  %s%n", "ID", "PRI", "STATE", "LVL", "OPENED",
                        "RESPONSE", "TITLE");
            }
            for (Incident i : shown) {
                out.printf("%-9s  %-3s  %-12s  L%-2d  %-16s  %-18s  %s%n", i.id(), i.priority(),
                        i.state().name().toLowerCase(Locale.ROOT), i.level(),
                        i.openedAt().atZone(ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString()
                                .replace('T', ' '),
                        IncidentFormat.countdown(s.deadlines().get(i.id()), now), i.title());
            }
            s.prompts().forEach(p -> out.println("  ! " + p.text()));
            if (s.problem() != null) {
                out.println("  problem: " + s.problem());
            }
        }
        return shown.stream().anyMatch(i -> !i.resolved()) ? 1 : 0;
    }
}
