package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.LogIngest;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.LogClass;
import io.hcdjg.cockpit.runtime.LogFollower;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Containers' logs read once, headless, each into a buffer of its own and classified like the log pane: the
 * {@code logs} and {@code security} subcommands and the CLI's checklist and report read the project this way, where the
 * window has its log hub following them.
 */
public final class LogTails {
    private LogTails() {
    }

    /** One container's read: its service, name, buffer and the follower filling it. */
    public record Tail(String service, String container, LogBuffer buffer, LogIngest ingest, LogFollower follower) {
    }

    /** Per service its lines of each class, and the newest classified lines ("time service text"). */
    public record Classified(Map<String, long[]> counts, List<String> samples) {
    }

    /**
     * Starts reading each container from {@code start} ({@code --since=…} or {@code --tail=…}), following on when
     * {@code follow}; the tails fill as podman answers.
     */
    public static List<Tail> start(Cockpit c, List<ContainerInfo> containers, String start, boolean follow) {
        List<Tail> tails = new ArrayList<>();
        for (ContainerInfo info : containers) {
            LogBuffer buffer = new LogBuffer(1_000_000);
            LogIngest ingest = new LogIngest(c.logs().classifier(), buffer, null, System::currentTimeMillis);
            tails.add(new Tail(info.service(), info.name(), buffer, ingest,
                    new LogFollower(c.podman().podman(), info.name(), ingest, start, follow, msg -> { })));
        }
        tails.forEach(t -> t.follower().start());
        return tails;
    }

    /** Every container of the project read from {@code since} back, classified; returns when all are read. */
    public static List<Tail> readAll(Cockpit c, String since) throws Exception {
        List<Tail> tails = start(c, c.podman().podman().containers(c.actions().project()), "--since=" + since, false);
        for (Tail t : tails) {
            t.follower().done().join();
        }
        return tails;
    }

    /** Per service, its lines of each class (in {@link LogClass#ALL} order). */
    public static Map<String, long[]> counts(List<Tail> tails) {
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

    /** Every container of the project read from {@code since} back: the counts and the newest classified lines. */
    public static Classified classify(Cockpit c, String since, int samples) throws Exception {
        List<Tail> tails = readAll(c, since);
        record Line(long at, String text) {
        }
        List<Line> classified = new ArrayList<>();
        for (Tail t : tails) {
            for (long seq : t.buffer().withClasses(-1, t.buffer().first(), t.buffer().end())) {
                classified.add(new Line(t.buffer().timestamp(seq), Instant.ofEpochMilli(t.buffer().timestamp(seq))
                        + " " + t.service() + " " + t.buffer().text(seq, 400)));
            }
        }
        classified.sort(Comparator.comparingLong(Line::at));
        return new Classified(counts(tails), classified.subList(Math.max(0, classified.size() - samples),
                classified.size()).stream().map(Line::text).toList());
    }
}
