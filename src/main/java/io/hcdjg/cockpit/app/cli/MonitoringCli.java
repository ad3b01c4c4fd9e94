package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code metrics}, {@code alerts} and {@code silence}: the metric tiles, the alerts panel and its Acknowledge button,
 * for scripts and cron.
 */
final class MonitoringCli {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MonitoringCli() {
    }

    @Command(name = "metrics", description = "The configured Prometheus metrics against their thresholds.",
            exitCodeList = {"0:every metric within its thresholds", "1:any not, or Prometheus unreachable",
                    Help.USAGE})
    static final class Metrics extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> metrics(c.monitoring().refresh(), json(), out(), err()));
        }
    }

    @Command(name = "alerts", description = "Alertmanager's alerts, firing first.",
            exitCodeList = {"0:none firing", "1:any firing, or Alertmanager unreachable", Help.USAGE})
    static final class Alerts extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> alerts(c.monitoring().refresh(), json(), out(), err()));
        }
    }

    @Command(name = "silence", description = "Silences one alert in Alertmanager (the alerts panel's Acknowledge).",
            exitCodeList = {"0:silenced", Help.FAILED, Help.USAGE, "3:refused"})
    static final class Silence extends CliCommand {
        @Parameters(paramLabel = "ALERTNAME", converter = ArgTypes.Text.class, description = "The alert's name.")
        String alert;
        @Option(names = "--for", required = true, paramLabel = "DURATION", converter = ArgTypes.SpanType.class,
                description = "How long: 30m, 2h, 1d.")
        ArgTypes.Span length;
        @Option(names = "--comment", required = true, paramLabel = "TEXT", converter = ArgTypes.Text.class,
                description = "Why, e.g. the incident: 'INC-1042: redeploying'.")
        String comment;
        @Option(names = "--author", paramLabel = "NAME", converter = ArgTypes.Text.class,
                description = "Who (default: $USER).")
        String author;

        @Override
        public Integer call() throws Exception {
            String who = author != null ? author : env().getOrDefault("USER", "cockpit");
            return withCockpit(false, c -> outcome(c.silences().silence(alert, Map.of(), length.length(), who,
                    comment)));
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
}
