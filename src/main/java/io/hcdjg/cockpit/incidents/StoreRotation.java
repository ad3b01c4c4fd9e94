package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the incident store keeps when it rotates: the file as it was becomes an archive, kept whole, and the store
 * starts again with a {@link IncidentEvent#ROTATED} entry and what the cockpit still works with — every event of the
 * incidents not resolved, the last health transition of each service and the last state of each alert (so that
 * nothing is recorded again after a restart), and the stack's entries of the last day. The rotated entry carries the
 * highest incident number so far: numbers are never given twice.
 */
final class StoreRotation {
    static final Duration RECENT = Duration.ofDays(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private StoreRotation() {
    }

    /** The stamp of an archive whose last event is at {@code last}: {@code incidents-20261202T101500Z.jsonl}. */
    static String stamp(Instant last) {
        return STAMP.format(last);
    }

    /** What an archive's stamp looks like. */
    static final String STAMPS = "\\d{8}T\\d{6}Z";

    /**
     * The events the new file starts with, the rotated entry first.
     *
     * @param recentToo the stack's entries of the last day as well (not when they alone would fill the file)
     */
    static List<IncidentEvent> kept(List<IncidentEvent> events, String archive, boolean recentToo) {
        Instant last = events.get(events.size() - 1).time();
        Instant recent = last.minus(RECENT);
        Set<String> open = new HashSet<>();
        for (Incident i : IncidentFold.incidents(events)) {
            if (!i.resolved()) {
                open.add(i.id());
            }
        }
        Map<String, IncidentEvent> lastHealth = new LinkedHashMap<>();
        Map<String, IncidentEvent> lastAlert = new LinkedHashMap<>();
        for (IncidentEvent e : events) {
            switch (e.type()) {
                case IncidentEvent.HEALTH -> lastHealth.put(e.service(), e);
                case IncidentEvent.ALERT -> lastAlert.put(e.get("fingerprint"), e);
                default -> {
                }
            }
        }
        Set<IncidentEvent> state = new HashSet<>(lastHealth.values());
        state.addAll(lastAlert.values());
        List<IncidentEvent> out = new ArrayList<>();
        for (IncidentEvent e : events) {
            boolean keep = e.incident() != null ? open.contains(e.incident()) : state.contains(e)
                    || recentToo && !e.time().isBefore(recent) && !e.type().equals(IncidentEvent.ROTATED);
            if (keep) {
                out.add(e);
            }
        }
        out.add(0, new IncidentEvent(last, IncidentEvent.ROTATED, null, null, "earlier entries archived in " + archive,
                Map.of("archive", archive, "lastIncident", String.valueOf(lastIncident(events)),
                        "kept", String.valueOf(out.size()))));
        return out;
    }

    /**
     * Whether a file past its size is worth rotating: it is not one that started with this many entries kept (many
     * open incidents), or it has at least doubled since. The same answer in every process sharing the file.
     */
    static boolean due(List<IncidentEvent> events) {
        IncidentEvent first = events.get(0);
        return !first.type().equals(IncidentEvent.ROTATED) || events.size() > 2 * (number(first.get("kept")) + 1);
    }

    /** The highest incident number the events give or record, 0 for none. */
    static int lastIncident(List<IncidentEvent> events) {
        int max = 0;
        for (IncidentEvent e : events) {
            if (e.type().equals(IncidentEvent.ROTATED)) {
                max = Math.max(max, number(e.get("lastIncident")));
            } else if (e.incident() != null && e.incident().startsWith("INC-")) {
                max = Math.max(max, number(e.incident().substring(4)));
            }
        }
        return max;
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
