package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogCountersTest {
    @Test
    void theLastHourAndTheLastDay() {
        Instant now = Instant.parse("2026-11-28T12:00:30Z");
        LogCounters c = new LogCounters();
        long n = now.toEpochMilli();
        c.add(n - Duration.ofMinutes(5).toMillis(), LogClassifier.ERROR | LogClassifier.AUTH_FAILURE, n);
        c.add(n - Duration.ofMinutes(90).toMillis(), LogClassifier.ERROR, n);
        c.add(n - Duration.ofHours(23).toMillis(), LogClassifier.ERROR, n);
        c.add(n - Duration.ofHours(25).toMillis(), LogClassifier.ERROR, n); // too old to count
        c.add(n, 0, n);                                                    // no class
        assertEquals(1, c.count(LogClassifier.ERROR, Duration.ofHours(1), now));
        assertEquals(3, c.count(LogClassifier.ERROR, Duration.ofDays(1), now));
        assertEquals(1, c.count(LogClassifier.AUTH_FAILURE, Duration.ofDays(1), now));
        assertEquals(0, c.count(LogClassifier.DESTRUCTIVE, Duration.ofDays(1), now));
        // A day later the minute slots are reused, not added to.
        Instant later = now.plus(Duration.ofDays(1));
        c.add(later.toEpochMilli(), LogClassifier.ERROR, later.toEpochMilli());
        assertEquals(1, c.count(LogClassifier.ERROR, Duration.ofDays(1), later));
    }
}
