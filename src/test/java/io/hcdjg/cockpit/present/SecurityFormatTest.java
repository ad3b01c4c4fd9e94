package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityEvent.Category;
import io.hcdjg.cockpit.model.SecurityState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.Comparator;

class SecurityFormatTest {
    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private static SecurityEvent e(Duration ago, Category c, String service, String who) {
        return new SecurityEvent(NOW.minus(ago), service, c, c.one, who, SecurityEvent.LOG, "raw " + c);
    }

    @Test
    void countsPerServiceAndPerWhoWithWordsAndColours() {
        SecurityState s = new SecurityState(NOW, List.of(
                e(Duration.ofHours(3), Category.AUTH_FAILURE, "analytics-api", "10.89.0.1"),
                e(Duration.ofMinutes(10), Category.AUTH_FAILURE, "analytics-api", "10.89.0.1"),
                e(Duration.ofMinutes(5), Category.AUTH_FAILURE, "analytics-api", "10.89.0.7"),
                e(Duration.ofMinutes(2), Category.DESTRUCTIVE, "hcd-server", ""),
                e(Duration.ofHours(2), Category.VALIDATION_FAILURE, "analytics-api", "carol"),
                e(Duration.ofHours(30), Category.AUTH_FAILURE, "analytics-api", "old")).stream()
                .sorted(Comparator.comparing(SecurityEvent::at)).toList(), List.of("source line"));
        WallModel.Security m = SecurityFormat.present(s, NOW, ZoneOffset.UTC);
        assertEquals("2 failed authentications, 1 destructive statement in the last hour; 5 events in 24 h.",
                m.summary());
        assertEquals(List.of("failed authentications analytics-api 2/3 ck-crit",
                        "validation failures analytics-api 0/1 ck-warn",
                        "destructive statements hcd-server 1/1 ck-crit"),
                m.byService().stream().map(c -> c.category() + " " + c.name() + " " + c.hour() + "/" + c.day() + " "
                        + c.styleClass()).toList());
        assertEquals(List.of("10.89.0.1 1/2", "10.89.0.7 1/1", "carol 0/1"), m.byWho().stream()
                .map(c -> c.name() + " " + c.hour() + "/" + c.day()).toList());
        assertEquals("12-02 07:58:00", m.events().get(0).time(), "newest first");
        assertEquals(6, m.events().size(), "the list shows what the watcher kept; the counts cover the last day");
        assertEquals(List.of("source line"), m.sources());
    }

    @Test
    void beforeTheFirstReadAndOnAQuietDay() {
        assertEquals("Security events are read once podman lists the project's containers.",
                SecurityFormat.present(SecurityState.none(), NOW, ZoneOffset.UTC).summary());
        assertEquals("No security event in the last 24 hours.", SecurityFormat.present(new SecurityState(NOW, List.of(),
                List.of()), NOW, ZoneOffset.UTC).summary());
    }
}
