package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.app.LogTails;
import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import io.hcdjg.cockpit.logs.SecurityLedger;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityState;
import io.hcdjg.cockpit.runtime.SecurityWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code security [--since 1h|24h] [--format json]}: runbook §8.1 as the Security tab shows it — failed
 * authentications, authorisation denials, validation failures, destructive statements and Vault access, per service
 * and per user or address, from the containers' logs and the audit log inside the analytics-api's container. Exit 0
 * when nothing was found in the window, 1 when something was, 2 usage or config error.
 */
@Command(name = "security", description = "Auth failures, denials, rejected queries, destructive statements and Vault "
        + "access, per service and per user or address (runbook §8.1).",
        exitCodeList = {"0:nothing found in the window", "1:events found, or podman failed", Help.USAGE})
final class SecurityCli extends CliCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--since", paramLabel = "DURATION", converter = ArgTypes.SpanType.class,
            description = "The window: 1h, 24h (default 24h).")
    ArgTypes.Span since = ArgTypes.Span.DAY;

    @Override
    public Integer call() throws Exception {
        return withCockpit(true, cockpit -> {
            List<ContainerInfo> containers = cockpit.podman().podman().containers(cockpit.actions().project());
            List<SecurityWatcher.Buffer> buffers = LogTails.readAll(cockpit, since.podman()).stream()
                    .map(t -> new SecurityWatcher.Buffer(t.container(), t.service(), t.buffer())).toList();
            SecurityState state = new SecurityWatcher(cockpit.podman().podman(), () -> buffers, () -> containers,
                    cockpit.loaded().config().shownServices().stream().anyMatch(s -> s.name().equals("vault")),
                    new SecurityLedger(cockpit.logs().classifier(), SecurityWatcher.CAP), Clock.systemUTC()).tick();
            Instant from = state.at().minus(since.length());
            List<SecurityEvent> events = state.events().stream().filter(e -> !e.at().isBefore(from)).toList();
            if (json()) {
                out().println(JSON.writeValueAsString(json(state, since.text(), events)));
            } else {
                text(state, since.text(), events, out());
            }
            return events.isEmpty() ? ExitCodes.OK : ExitCodes.NOT_OK;
        });
    }

    private static ObjectNode json(SecurityState state, String since, List<SecurityEvent> events) {
        ObjectNode root = JSON.createObjectNode();
        root.put("at", state.at().toString());
        root.put("since", since);
        ArrayNode counts = root.putArray("byService");
        state.byService(state.at()).forEach(c -> counts.addObject()
                .put("category", c.category().name().toLowerCase(Locale.ROOT))
                .put("service", c.service()).put("lastHour", c.lastHour()).put("last24h", c.lastDay()));
        ArrayNode who = root.putArray("byWho");
        state.byWho(state.at()).forEach(c -> who.addObject().put("who", c.who()).put("category",
                c.category().name().toLowerCase(Locale.ROOT)).put("service", c.service()).put("lastHour", c.lastHour())
                .put("last24h", c.lastDay()));
        ArrayNode list = root.putArray("events");
        events.forEach(e -> list.addObject().put("at", e.at().toString()).put("service", e.service())
                .put("category", e.category().name().toLowerCase(Locale.ROOT)).put("what", e.what()).put("who", e.who())
                .put("source", e.source()).put("raw", e.raw()));
        ArrayNode sources = root.putArray("sources");
        state.sources().forEach(sources::add);
        return root;
    }

    private static void text(SecurityState state, String since, List<SecurityEvent> events, PrintStream out) {
        String row = "%-24s %-22s %6s %6s%n";
        out.printf(row, "CATEGORY", "SERVICE", "1 H", "24 H");
        state.byService(state.at()).forEach(c -> out.printf(row, c.category().words, c.service(), c.lastHour(),
                c.lastDay()));
        List<SecurityState.Count> who = state.byWho(state.at());
        if (!who.isEmpty()) {
            out.println();
            out.printf(row, "USER OR ADDRESS", "CATEGORY", "1 H", "24 H");
            who.forEach(c -> out.printf(row, c.who(), c.category().words, c.lastHour(), c.lastDay()));
        }
        out.println();
        out.println(events.size() + " events since " + since + (events.isEmpty() ? "" : ", newest last:"));
        events.stream().skip(Math.max(0, events.size() - 50)).forEach(e -> out.println(e.at() + " " + e.service()
                + " " + e.category().words + ": " + e.what() + (e.who().isEmpty() ? "" : " (" + e.who() + ")")));
        out.println();
        state.sources().forEach(s -> out.println("source: " + s));
    }
}
