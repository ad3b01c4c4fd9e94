package io.hcdjg.cockpit.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.model.ConfigProblem;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.ui.HealthFormat;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code check}: one round of every probe, as a table or JSON. Exit 0 when every service is UP, 1 when any is not,
 * 2 when the config is broken (nothing is probed then).
 */
final class CheckCli {
    static final int ALL_UP = 0;
    static final int NOT_ALL_UP = 1;
    static final int CONFIG_ERROR = 2;

    private CheckCli() {
    }

    static int run(Options options, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        try (Cockpit cockpit = new Cockpit(options, env, false, s -> { })) {
            boolean json = options.format().equals("json");
            if (!cockpit.loaded.ok()) {
                if (json) {
                    ObjectNode root = JSON.createObjectNode();
                    root.put("config", cockpit.loaded.source());
                    root.set("problems", problems(cockpit.loaded.problems()));
                    out.println(JSON.writeValueAsString(root));
                } else {
                    configErrors(cockpit, err);
                }
                return CONFIG_ERROR;
            }
            StackSnapshot s = cockpit.poller.runRound().get();
            out.println(json ? JSON.writeValueAsString(json(s)) : table(s));
            return s.upCount() == s.services().size() ? ALL_UP : NOT_ALL_UP;
        }
    }

    /**
     * The prologue of the commands that act through podman: the config's errors (exit 2) or podman's problem (exit 1)
     * printed; null when the command can go on.
     */
    static Integer notReady(Cockpit cockpit, PrintStream err) {
        if (configErrors(cockpit, err)) {
            return CONFIG_ERROR;
        }
        if (cockpit.podman.problem() != null) {
            err.println("cockpit: podman " + cockpit.podman.label() + ": " + cockpit.podman.problem());
            return 1;
        }
        return null;
    }

    /** Prints every config error; true when there was any (the command then does nothing and exits 2). */
    static boolean configErrors(Cockpit cockpit, PrintStream err) {
        if (cockpit.loaded.ok()) {
            return false;
        }
        err.println("cockpit: the config has errors; nothing was done:");
        cockpit.loaded.problems().forEach(p -> err.println("  " + p));
        return true;
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
            if (x.health().latency() != null) {
                n.put("latencyMs", HealthFormat.millis(x.health().latency()));
            } else {
                n.putNull("latencyMs");
            }
        }
        root.set("problems", problems(s.problems()));
        return root;
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
