package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.present.LogFormat;
import io.hcdjg.cockpit.app.LogTails;
import io.hcdjg.cockpit.app.LogTails.Tail;
import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.LogClass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Locale;

/**
 * {@code logs SERVICE...|--all [--since 1h] [--follow] [--filter REGEX] [--summary [--format json]]}: the services'
 * container logs merged by time, classified like the log pane; {@code --summary} prints the per-class counts instead.
 */
@Command(name = "logs", description = "The services' container logs merged by time, classified like the log pane.",
        exitCodeList = {"0:read", "1:podman failed", Help.USAGE, "3:a service has no container in the project"})
final class LogsCli extends CliCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "The compose services (or --all).")
    List<String> services = List.of();
    @Option(names = "--all", description = "Every service of the project.")
    boolean all;
    @Option(names = "--since", paramLabel = "DURATION", converter = ArgTypes.SpanType.class,
            description = "From how far back: 10m, 1h, 1d (default 24h; with --follow the last 100 lines).")
    ArgTypes.Span since;
    @Option(names = "--follow", description = "Go on printing new lines until interrupted.")
    boolean follow;
    @Option(names = "--filter", paramLabel = "REGEX", converter = ArgTypes.Regex.class,
            description = "Only the lines this regular expression finds.")
    Pattern filter;
    @Option(names = "--summary", description = "Per service, its lines of each class instead of the lines.")
    boolean summary;

    @Override
    public Integer call() throws Exception {
        if (services.isEmpty() == !all) {
            throw usage("logs takes SERVICE... or --all");
        }
        List<String> named = services(services).stream().distinct().toList();
        boolean following = follow && !summary;
        ArgTypes.Span window = since != null || following ? since : ArgTypes.Span.DAY;
        return withCockpit(true, cockpit -> {
            List<ContainerInfo> found = cockpit.podman().podman().containers(cockpit.actions().project());
            List<String> names = all ? found.stream().map(ContainerInfo::service).distinct().sorted().toList()
                    : named;
            List<ContainerInfo> mine = new ArrayList<>();
            for (String service : names) {
                List<ContainerInfo> list = found.stream().filter(c -> c.service().equals(service)).toList();
                if (list.isEmpty()) {
                    err().println("cockpit: no container of '" + service + "' in " + cockpit.actions().project());
                    return ExitCodes.REFUSED;
                }
                mine.addAll(list);
            }
            List<Tail> tails = LogTails.start(cockpit, mine, window == null ? "--tail=100" : "--since="
                    + window.podman(), following);
            if (following) {
                return followLoop(tails, filter, out());
            }
            for (Tail t : tails) {
                t.follower().done().join();
            }
            if (summary) {
                summary(tails, json(), window.text(), out());
            } else {
                print(tails, filter, out());
            }
            return ExitCodes.OK;
        });
    }

    /** Every line of every tail, oldest first. */
    private static void print(List<Tail> tails, Pattern filter, PrintStream out) {
        record Ref(Tail tail, long seq, long ts) {
        }
        List<Ref> refs = new ArrayList<>();
        for (Tail t : tails) {
            for (long s = t.buffer().first(); s < t.buffer().end(); s++) {
                refs.add(new Ref(t, s, t.buffer().timestamp(s)));
            }
        }
        refs.sort(Comparator.comparingLong(Ref::ts));
        for (Ref r : refs) {
            line(r.tail(), r.seq(), filter, out);
        }
    }

    private static void line(Tail t, long seq, Pattern filter, PrintStream out) {
        String text = t.buffer().text(seq, -1);
        if (filter == null || filter.matcher(text).find()) {
            // a container's own bytes: its escape sequences must not drive the operator's terminal
            out.println(Instant.ofEpochMilli(t.buffer().timestamp(seq)) + " " + t.service() + " | "
                    + LogFormat.clean(text));
        }
    }

    private static int followLoop(List<Tail> tails, Pattern filter, PrintStream out) throws InterruptedException {
        long[] printed = new long[tails.size()];
        while (true) {
            for (int i = 0; i < tails.size(); i++) {
                Tail t = tails.get(i);
                long end = t.buffer().end();
                for (long s = Math.max(printed[i], t.buffer().first()); s < end; s++) {
                    line(t, s, filter, out);
                }
                printed[i] = end;
            }
            out.flush();
            Thread.sleep(200);
        }
    }

    private static void summary(List<Tail> tails, boolean json, String since, PrintStream out) throws Exception {
        Map<String, long[]> counts = LogTails.counts(tails);
        Map<String, Long> lines = new LinkedHashMap<>();
        for (Tail t : tails) {
            lines.merge(t.service(), t.buffer().size(), Long::sum);
        }
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("since", since);
            ObjectNode services = root.putObject("services");
            counts.forEach((service, c) -> {
                ObjectNode n = services.putObject(service);
                n.put("lines", lines.get(service));
                for (int i = 0; i < c.length; i++) {
                    n.put(LogClass.ALL.get(i).word().replace(' ', '_'), c[i]);
                }
            });
            out.println(JSON.writeValueAsString(root));
            return;
        }
        StringBuilder row = new StringBuilder("%-22s %10s");
        List<Object> head = new ArrayList<>(List.of("SERVICE", "LINES"));
        for (LogClass c : LogClass.ALL) {
            String h = c.plural().toUpperCase(Locale.ROOT);
            row.append(" %").append(Math.max(8, h.length())).append('s');
            head.add(h);
        }
        String format = row.append("%n").toString();
        out.printf(format, head.toArray());
        counts.forEach((service, c) -> {
            List<Object> cells = new ArrayList<>(List.of(service, lines.get(service)));
            for (long n : c) {
                cells.add(n);
            }
            out.printf(format, cells.toArray());
        });
        out.println("since " + since);
    }
}
