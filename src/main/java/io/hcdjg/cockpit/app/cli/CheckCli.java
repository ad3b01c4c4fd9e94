package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.app.Cockpit;
import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import io.hcdjg.cockpit.model.CockpitHealth;
import io.hcdjg.cockpit.model.ConfigProblem;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.present.HealthFormat;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.List;

/**
 * {@code check}: one round of every probe, as a table or JSON. Exit 0 when every service is UP, 1 when any is not,
 * 2 when the config is broken (nothing is probed then; with {@code --format json} the problems are JSON too).
 */
@Command(name = "check", description = "One round of every probe, as a table or JSON.",
        exitCodeList = {"0:every service UP", "1:any service not UP", Help.USAGE})
final class CheckCli extends CliCommand {
    @Override
    public Integer call() throws Exception {
        try (Cockpit cockpit = new Cockpit(root().options(), env(), false, s -> { })) {
            root().redactWith(cockpit.redaction());
            if (!cockpit.loaded().ok()) {
                if (json()) {
                    ObjectNode root = JSON.createObjectNode();
                    root.put("config", cockpit.loaded().source());
                    root.set("problems", problems(cockpit.loaded().problems()));
                    out().println(JSON.writeValueAsString(root));
                } else {
                    configErrors(cockpit.loaded());
                }
                return ExitCodes.USAGE;
            }
            StackSnapshot round = cockpit.poller().runRound().get();
            StackSnapshot s = round.withSelf(cockpit.self().sample(), round.takenAt());
            out().println(json() ? JSON.writeValueAsString(json(s)) : table(s));
            return s.upCount() == s.services().size() ? ExitCodes.OK : ExitCodes.NOT_OK;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String table(StackSnapshot s) {
        int width = Math.max(7, s.services().stream().mapToInt(x -> x.name().length()).max().orElse(7));
        StringBuilder b = new StringBuilder();
        String row = "%-" + width + "s  %-8s  %9s  %s%n";
        b.append(String.format(row, "SERVICE", "STATE", "LATENCY", "REASON"));
        for (ServiceStatus x : s.services()) {
            b.append(String.format(row, x.name(), x.health().level(), HealthFormat.latency(x.health().latency()),
                    x.health().reason()));
        }
        b.append(String.format("%d of %d up · %s · %s · round %s", s.upCount(), s.services().size(), s.stackLabel(),
                s.configSource(), HealthFormat.latency(s.lastRoundTook())));
        return b.toString();
    }

    static ObjectNode json(StackSnapshot s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("config", s.configSource());
        root.put("stack", s.stackLabel());
        root.put("demo", s.demo());
        root.put("checkedAt", String.valueOf(s.lastRoundAt()));
        root.put("roundMs", HealthFormat.millis(s.lastRoundTook()));
        root.put("up", s.upCount());
        root.put("total", s.services().size());
        ArrayNode services = root.putArray("services");
        for (ServiceStatus x : s.services()) {
            ObjectNode n = services.addObject();
            n.put("service", x.name());
            n.put("probe", x.kind().configName());
            n.put("endpoint", x.endpoint());
            n.put("state", x.health().level().name());
            n.put("reason", x.health().reason());
            millis(n, "latencyMs", x.health().latency());
        }
        root.set("problems", problems(s.problems()));
        root.set("cockpit", self(s.self()));
        return root;
    }

    /** The cockpit's own health; what this process cannot measure (no FX thread, no log follow here) is null. */
    private static ObjectNode self(CockpitHealth h) {
        ObjectNode n = JSON.createObjectNode();
        millis(n, "roundMs", h.round());
        millis(n, "fxDelayP99Ms", h.fxDelayP99());
        millis(n, "logLagMs", h.logLag());
        n.put("heapUsedMb", Math.round(h.heapUsed() / 1048576.0 * 10) / 10.0);
        n.put("threads", h.threads());
        millis(n, "startupMs", h.startup());
        return n;
    }

    private static void millis(ObjectNode n, String field, Duration d) {
        if (d == null) {
            n.putNull(field);
        } else {
            n.put(field, HealthFormat.millis(d));
        }
    }

    private static ArrayNode problems(List<ConfigProblem> problems) {
        ArrayNode a = JSON.createArrayNode();
        for (ConfigProblem p : problems) {
            ObjectNode n = a.addObject();
            n.put("file", p.file());
            n.put("line", p.line());
            n.put("column", p.column());
            n.put("field", p.field());
            n.put("message", p.message());
        }
        return a;
    }
}
