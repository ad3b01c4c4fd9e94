package io.hcdjg.cockpit.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The security events of the last 24 hours and what the watcher could not read.
 *
 * @param events  oldest first, at most the watcher's cap
 * @param sources one line per source: what is read from where, or why a source is missing
 */
public record SecurityState(Instant at, List<SecurityEvent> events, List<String> sources) {
    public SecurityState {
        events = List.copyOf(events);
        sources = List.copyOf(sources);
    }

    public static SecurityState none() {
        return new SecurityState(null, List.of(), List.of());
    }

    /** The service's events of a category since an instant. */
    public int count(String service, SecurityEvent.Category category, Instant since) {
        int n = 0;
        for (SecurityEvent e : events) {
            if (e.category() == category && e.service().equals(service) && !e.at().isBefore(since)) {
                n++;
            }
        }
        return n;
    }

    /** Events of one category on one service, or of one user or address: in the last hour and the last day. */
    public record Count(SecurityEvent.Category category, String service, String who, int lastHour, int lastDay) {
    }

    /** Per category and service, categories in their order. */
    public List<Count> byService(Instant now) {
        return counts(now, false);
    }

    /** Per user or client address (events that name one), busiest first. */
    public List<Count> byWho(Instant now) {
        List<Count> out = counts(now, true);
        out.sort(Comparator.comparingInt(Count::lastDay).reversed().thenComparing(Count::who));
        return out;
    }

    private List<Count> counts(Instant now, boolean byWho) {
        Instant hour = now.minus(Duration.ofHours(1));
        Instant day = now.minus(Duration.ofDays(1));
        Map<String, int[]> n = new TreeMap<>();
        Map<String, Count> keys = new TreeMap<>();
        for (SecurityEvent e : events) {
            if (e.at().isBefore(day) || byWho && e.who().isEmpty()) {
                continue;
            }
            String key = e.category().ordinal() + "\t" + e.service() + "\t" + (byWho ? e.who() : "");
            keys.putIfAbsent(key, new Count(e.category(), e.service(), byWho ? e.who() : "", 0, 0));
            int[] c = n.computeIfAbsent(key, k -> new int[2]);
            c[1]++;
            if (!e.at().isBefore(hour)) {
                c[0]++;
            }
        }
        List<Count> out = new ArrayList<>();
        keys.forEach((key, c) -> out.add(new Count(c.category(), c.service(), c.who(), n.get(key)[0], n.get(key)[1])));
        return out;
    }
}
