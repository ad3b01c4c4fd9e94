package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityState;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Security tab's words and rows from the watcher's state. Pure; runs off the FX thread. */
final class SecurityFormat {
    /** The newest events listed; the counts cover them all. */
    static final int SHOWN = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private SecurityFormat() {
    }

    static WallModel.Security present(SecurityState s, Instant now, ZoneId zone) {
        if (s.at() == null) {
            return new WallModel.Security("Security events are read once podman lists the project's containers.",
                    List.of(), List.of(), List.of(), s.sources());
        }
        List<WallModel.SecurityCount> byService = s.byService(now).stream().map(c -> count(c, c.service())).toList();
        List<WallModel.SecurityCount> byWho = s.byWho(now).stream().map(c -> count(c, c.who())).toList();
        List<WallModel.SecurityRow> events = s.events().reversed().stream().limit(SHOWN)
                .map(e -> new WallModel.SecurityRow(TIME.format(e.at().atZone(zone)), e.service(), e.category().words,
                        e.what(), e.who(), e.source(), e.raw())).toList();
        return new WallModel.Security(summary(s, now), byService, byWho, events, s.sources());
    }

    /** "3 failed authentications and 1 destructive statement in the last hour; 12 events in 24 h". */
    static String summary(SecurityState s, Instant now) {
        List<SecurityState.Count> counts = s.byService(now);
        int day = counts.stream().mapToInt(SecurityState.Count::lastDay).sum();
        if (day == 0) {
            return "No security event in the last 24 hours.";
        }
        StringBuilder hour = new StringBuilder();
        for (SecurityEvent.Category c : SecurityEvent.Category.values()) {
            int n = counts.stream().filter(x -> x.category() == c).mapToInt(SecurityState.Count::lastHour).sum();
            if (n > 0) {
                hour.append(hour.isEmpty() ? "" : ", ").append(c.count(n));
            }
        }
        return (hour.isEmpty() ? "Nothing in the last hour" : hour + " in the last hour") + "; " + day + " event"
                + (day == 1 ? "" : "s") + " in 24 h.";
    }

    private static WallModel.SecurityCount count(SecurityState.Count c, String name) {
        String style = c.lastHour() > 0 && (c.category() == SecurityEvent.Category.DESTRUCTIVE
                || c.category() == SecurityEvent.Category.AUTH_FAILURE) ? HealthFormat.STYLE_CRIT
                : c.lastDay() > 0 ? HealthFormat.STYLE_WARN : HealthFormat.STYLE_UNKNOWN;
        return new WallModel.SecurityCount(c.category().words, c.service(), name, String.valueOf(c.lastHour()),
                String.valueOf(c.lastDay()), style);
    }
}
