package io.hcdjg.cockpit.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.LogClassifier;
import io.hcdjg.cockpit.logs.LogIngest;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.LogClass;
import io.hcdjg.cockpit.runtime.LogFollower;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code logs SERVICE...|--all [--since 1h] [--follow] [--filter REGEX] [--summary [--format json]]}: the services' container
 * logs merged by time, classified like the log pane; {@code --summary} prints the per-class counts instead.
 */
final class LogsCli {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LogsCli() {
    }

    static int run(Options o, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        if (o.rest().isEmpty() == !o.all()) {
            err.println("cockpit: logs SERVICE...|--all [--since 1h] [--follow] [--filter REGEX] [--summary]\n"
                    + Options.USAGE);
            return CheckCli.CONFIG_ERROR;
        }
        Pattern filter;
        try {
            filter = o.values().containsKey("filter") ? Pattern.compile(o.values().get("filter")) : null;
        } catch (PatternSyntaxException e) {
            err.println("cockpit: --filter is not a regular expression: " + e.getDescription());
            return CheckCli.CONFIG_ERROR;
        }
        boolean summary = o.flags().contains("summary");
        boolean follow = o.flags().contains("follow") && !summary;
        String since = o.values().getOrDefault("since", follow ? null : "24h");
        try (Cockpit cockpit = new Cockpit(o, env, false, s -> { })) {
            Integer refused = CheckCli.notReady(cockpit, err);
            if (refused != null) {
                return refused;
            }
            List<ContainerInfo> all = cockpit.podman.podman().containers(cockpit.actions.project());
            Map<String, List<ContainerInfo>> mine = new LinkedHashMap<>();
            List<String> services = o.all()
                    ? all.stream().map(ContainerInfo::service).distinct().sorted().toList() : o.rest();
            for (String service : services) {
                List<ContainerInfo> list = all.stream().filter(c -> c.service().equals(service)).toList();
                if (list.isEmpty()) {
                    err.println("cockpit: no container of '" + service + "' in " + cockpit.actions.project());
                    return 3;
                }
                mine.put(service, list);
            }
            LogClassifier classifier = cockpit.logs.classifier();
            String start = since == null ? "--tail=100" : "--since=" + since;
            List<Tail> tails = new ArrayList<>();
            mine.forEach((service, list) -> list.forEach(c -> {
                LogBuffer buffer = new LogBuffer(1_000_000);
                LogIngest ingest = new LogIngest(classifier, buffer, null, System::currentTimeMillis);
                tails.add(new Tail(service, c.name(), buffer, ingest,
                        new LogFollower(cockpit.podman.podman(), c.name(), ingest, start, follow, msg -> { })));
            }));
            tails.forEach(t -> t.follower().start());
            if (follow) {
                return followLoop(tails, filter, out);
            }
            for (Tail t : tails) {
                t.follower().done().join();
            }
            if (summary) {
                summary(tails, o.format().equals("json"), since, out);
            } else {
                print(tails, filter, out);
            }
            return 0;
        }
    }

    record Tail(String service, String container, LogBuffer buffer, LogIngest ingest, LogFollower follower) {
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
            out.println(Instant.ofEpochMilli(t.buffer().timestamp(seq)) + " " + t.service() + " | " + text);
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

    /** Per service, its lines of each class (in {@link LogClass#ALL} order). */
    private static Map<String, long[]> counts(List<Tail> tails) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Tail t : tails) {
            long[] c = counts.computeIfAbsent(t.service(), s -> new long[LogClass.ALL.size()]);
            for (long s = t.buffer().first(); s < t.buffer().end(); s++) {
                int mask = t.buffer().classes(s);
                for (int i = 0; i < c.length; i++) {
                    if ((mask & LogClass.ALL.get(i).bit()) != 0) {
                        c[i]++;
                    }
                }
            }
        }
        return counts;
    }

    /** Per service its lines of each class, and the newest classified lines ("time service text"). */
    record Classified(Map<String, long[]> counts, List<String> samples) {
    }

    /** Every container of the project read from {@code since} back, classified. */
    static List<Tail> readAll(Cockpit cockpit, String since) throws Exception {
        List<Tail> tails = new ArrayList<>();
        for (ContainerInfo c : cockpit.podman.podman().containers(cockpit.actions.project())) {
            LogBuffer buffer = new LogBuffer(1_000_000);
            LogIngest ingest = new LogIngest(cockpit.logs.classifier(), buffer, null, System::currentTimeMillis);
            tails.add(new Tail(c.service(), c.name(), buffer, ingest,
                    new LogFollower(cockpit.podman.podman(), c.name(), ingest, "--since=" + since, false, msg -> { })));
        }
        tails.forEach(t -> t.follower().start());
        for (Tail t : tails) {
            t.follower().done().join();
        }
        return tails;
    }

    /** Every container of the project read from {@code since} back, classified. */
    static Classified classify(Cockpit cockpit, String since, int samples) throws Exception {
        List<Tail> tails = readAll(cockpit, since);
        record Line(long at, String text) {
        }
        List<Line> classified = new ArrayList<>();
        for (Tail t : tails) {
            for (long seq : t.buffer().withClasses(-1, t.buffer().first(), t.buffer().end())) {
                classified.add(new Line(t.buffer().timestamp(seq), java.time.Instant.ofEpochMilli(t.buffer()
                        .timestamp(seq)) + " " + t.service() + " " + t.buffer().text(seq, 400)));
            }
        }
        classified.sort(java.util.Comparator.comparingLong(Line::at));
        return new Classified(counts(tails), classified.subList(Math.max(0, classified.size() - samples),
                classified.size()).stream().map(Line::text).toList());
    }

    private static void summary(List<Tail> tails, boolean json, String since, PrintStream out) throws Exception {
        Map<String, long[]> counts = counts(tails);
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
            String h = c.plural().toUpperCase(java.util.Locale.ROOT);
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
