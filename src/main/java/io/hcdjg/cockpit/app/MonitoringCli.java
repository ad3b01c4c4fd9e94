package io.hcdjg.cockpit.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code metrics}, {@code alerts} and {@code silence}: the metric tiles, the alerts panel and its Acknowledge button,
 * for scripts and cron.
 */
final class MonitoringCli {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MonitoringCli() {
    }

    static int run(Options o, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        try (Cockpit cockpit = new Cockpit(o, env, false, s -> { })) {
            if (CheckCli.configErrors(cockpit, err)) {
                return CheckCli.CONFIG_ERROR;
            }
            return switch (o.command()) {
                case "metrics" -> metrics(cockpit.monitoring.refresh(), o.format().equals("json"), out, err);
                case "alerts" -> alerts(cockpit.monitoring.refresh(), o.format().equals("json"), out, err);
                default -> silence(cockpit, o, env, out, err);
            };
        }
    }

    private static int metrics(MonitoringState s, boolean json, PrintStream out, PrintStream err) throws Exception {
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode list = root.putArray("metrics");
            for (MetricReading m : s.metrics()) {
                ObjectNode n = list.addObject();
                n.put("name", m.name());
                n.put("title", m.title());
                if (Double.isFinite(m.value())) {
                    n.put("value", m.value());
                } else {
                    n.put("value", Double.isNaN(m.value()) ? null : MetricReading.format(m.value()));
                }
                n.put("unit", m.unit());
                n.put("state", m.level().name());
                n.put("reason", m.reason());
            }
            root.put("prometheusProblem", s.prometheusProblem());
            out.println(JSON.writeValueAsString(root));
        } else {
            String row = "%-24s %-36s %12s %-9s %s%n";
            out.printf(row, "METRIC", "TITLE", "VALUE", "STATE", "REASON");
            for (MetricReading m : s.metrics()) {
                out.printf(row, m.name(), m.title(), Double.isNaN(m.value()) ? "-" : MetricReading.format(m.value())
                        + (m.unit().isEmpty() ? "" : " " + m.unit()), m.level(), m.reason());
            }
            if (s.prometheusProblem() != null) {
                err.println("cockpit: " + s.prometheusProblem());
            }
        }
        return s.metrics().stream().allMatch(m -> m.level() == HealthLevel.UP) ? 0 : 1;
    }

    private static int alerts(MonitoringState s, boolean json, PrintStream out, PrintStream err) throws Exception {
        if (s.alertmanagerProblem() != null) {
            err.println("cockpit: " + s.alertmanagerProblem());
            return 1;
        }
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode list = root.putArray("alerts");
            for (Alert a : s.alerts()) {
                ObjectNode n = list.addObject();
                n.put("alertname", a.name());
                n.put("severity", a.severity());
                n.put("service", a.service());
                n.put("state", a.state());
                n.put("since", String.valueOf(a.startsAt()));
                n.put("summary", a.summary());
                n.set("labels", JSON.valueToTree(a.labels()));
                n.set("silencedBy", JSON.valueToTree(a.silencedBy()));
            }
            out.println(JSON.writeValueAsString(root));
        } else {
            String row = "%-22s %-9s %-20s %-11s %-21s %s%n";
            out.printf(row, "ALERT", "SEVERITY", "SERVICE", "STATE", "SINCE", "SUMMARY");
            for (Alert a : s.alerts()) {
                out.printf(row, a.name(), a.severity(), a.service(), a.state(), a.startsAt(), a.summary());
            }
            out.println(s.firing().size() + " firing, " + (s.alerts().size() - s.firing().size()) + " silenced or "
                    + "inhibited");
        }
        return s.firing().isEmpty() ? 0 : 1;
    }

    private static int silence(Cockpit cockpit, Options o, Map<String, String> env, PrintStream out, PrintStream err)
            throws Exception {
        if (o.rest().size() != 1 || !o.values().containsKey("for") || !o.values().containsKey("comment")) {
            err.println("cockpit: silence ALERTNAME --for 2h --comment TEXT [--author NAME]\n" + Options.USAGE);
            return CheckCli.CONFIG_ERROR;
        }
        Optional<Duration> d = Durations.parse(o.values().get("for"));
        if (d.isEmpty()) {
            err.println("cockpit: --for takes a duration like 30m, 2h or 1h, not '" + o.values().get("for") + "'");
            return CheckCli.CONFIG_ERROR;
        }
        String author = o.values().getOrDefault("author", env.getOrDefault("USER", "cockpit"));
        ActionOutcome r = cockpit.silences.silence(o.rest().get(0), Map.of(), d.get(), author, o.values().get("comment"));
        (r.status() == ActionOutcome.Status.DONE ? out : err).println(r.status().name().toLowerCase(Locale.ROOT) + ": "
                + r.message());
        return r.status().exitCode;
    }
}
