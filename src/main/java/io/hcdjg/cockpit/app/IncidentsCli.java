package io.hcdjg.cockpit.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.incidents.ActionHistory;
import io.hcdjg.cockpit.incidents.IncidentDesk;
import io.hcdjg.cockpit.incidents.IncidentReport;
import io.hcdjg.cockpit.incidents.IncidentRules;
import io.hcdjg.cockpit.incidents.IncidentStore;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.Escalator;
import io.hcdjg.cockpit.podman.ProcessGateway;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code incidents} and {@code incident open|ack|escalate|resolve|reopen|note|report}: the incident panel for scripts
 * and cron, on the same store and the same audit log as the window.
 */
final class IncidentsCli {
    static final int REFUSED = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String USAGE = "incident open --title TEXT --priority P0..P3 [SERVICE...] [--comment NOTE] | "
            + "incident ack|escalate|resolve|reopen|note|report ID [--level L2..L5] [--comment TEXT]";

    private IncidentsCli() {
    }

    /** The desk on the config's rules, the XDG data dir's store and the audit log: the window's and the CLI's. */
    static IncidentDesk desk(CockpitConfig config, Map<String, String> env, AuditLog audit, Clock clock) {
        IncidentStore store = new IncidentStore(IncidentStore.defaultFile(env));
        IncidentRules rules = new IncidentRules(config.incidents(), ZoneId.systemDefault());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new IncidentDesk(rules, config.dependencies(), store, new Escalator(new ProcessGateway(), http, audit),
                new ActionHistory(audit.file()), new IncidentReport(store.file().resolveSibling("reports"),
                ZoneId.systemDefault(), rules), clock);
    }

    static int run(Options o, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        ConfigLoader.Loaded loaded = new ConfigLoader(env).load(o.config());
        if (!loaded.ok()) {
            err.println("cockpit: the config has errors; nothing was done:");
            loaded.problems().forEach(p -> err.println("  " + p));
            return CheckCli.CONFIG_ERROR;
        }
        IncidentDesk desk = desk(loaded.config(), env, new AuditLog(AuditLog.defaultFile(env), Clock.systemUTC()),
                Clock.systemUTC());
        desk.refresh();
        if (o.command().equals("incidents")) {
            return list(desk, o.all(), o.format().equals("json"), out);
        }
        if (o.rest().isEmpty()) {
            err.println("cockpit: " + USAGE);
            return CheckCli.CONFIG_ERROR;
        }
        String verb = o.rest().get(0);
        String comment = o.values().get("comment");
        try {
            if (verb.equals("open")) {
                String p = o.values().getOrDefault("priority", "");
                Incident i = desk.open(o.values().get("title"), priority(p), o.rest().subList(1, o.rest().size()), comment);
                out.println(i.id() + " opened: " + i.priority() + " " + i.title());
                return 0;
            }
            if (o.rest().size() < 2) {
                err.println("cockpit: incident " + verb + " needs an incident id, e.g. INC-0001");
                return CheckCli.CONFIG_ERROR;
            }
            String id = o.rest().get(1);
            String who = env.getOrDefault("USER", System.getProperty("user.name")) + " (cli)";
            Incident i = switch (verb) {
                case "ack", "acknowledge" -> desk.acknowledge(id, who);
                case "escalate" -> desk.escalate(id, level(o.values().get("level")), null);
                case "resolve" -> desk.resolve(id, comment);
                case "reopen" -> desk.reopen(id, comment);
                case "note" -> desk.note(id, comment);
                case "report" -> {
                    out.println(desk.report(id, null));
                    yield null;
                }
                default -> throw new IllegalArgumentException("unknown incident command '" + verb + "'; " + USAGE);
            };
            if (i == null) {
                return 0;
            }
            IncidentEvent last = i.events().get(i.events().size() - 1);
            out.println(i.id() + " " + i.state().name().toLowerCase(Locale.ROOT) + " · " + i.priority() + " · L"
                    + i.level() + " · " + last.text());
            return "false".equals(last.get("ok")) ? 1 : 0;
        } catch (IllegalArgumentException e) {
            err.println("cockpit: " + e.getMessage());
            return REFUSED;
        }
    }

    private static Priority priority(String p) {
        try {
            return Priority.valueOf(p.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--priority takes P0, P1, P2 or P3, not '" + p + "'");
        }
    }

    private static Integer level(String l) {
        if (l == null) {
            return null;
        }
        if (!l.matches("(?i)L?[1-5]")) {
            throw new IllegalArgumentException("--level takes L1 to L5, not '" + l + "'");
        }
        return Integer.parseInt(l.replaceAll("(?i)l", ""));
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
                        && p.kind().equals(IncidentState.Prompt.ESCALATE)).map(p -> "L" + p.level()).findFirst().orElse(null));
            }
            root.put("problem", s.problem());
            out.println(JSON.writeValueAsString(root));
        } else {
            if (shown.isEmpty()) {
                out.println(all ? "no incidents recorded" : "no open incidents");
            } else {
                out.printf("%-9s  %-3s  %-12s  %-3s  %-16s  %-18s  %s%n", "ID", "PRI", "STATE", "LVL", "OPENED", "RESPONSE",
                        "TITLE");
            }
            for (Incident i : shown) {
                out.printf("%-9s  %-3s  %-12s  L%-2d  %-16s  %-18s  %s%n", i.id(), i.priority(),
                        i.state().name().toLowerCase(Locale.ROOT), i.level(),
                        i.openedAt().atZone(ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                        io.hcdjg.cockpit.ui.IncidentFormat.countdown(s.deadlines().get(i.id()), now), i.title());
            }
            s.prompts().forEach(p -> out.println("  ! " + p.text()));
            if (s.problem() != null) {
                out.println("  problem: " + s.problem());
            }
        }
        return shown.stream().anyMatch(i -> !i.resolved()) ? 1 : 0;
    }
}
