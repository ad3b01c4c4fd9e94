package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.RunbookConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaintenanceScheduleTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 28, 9, 30, 0, 0, ZONE); // a Saturday

    private static String next(String every, String day, String at) {
        return MaintenanceSchedule.next(new RunbookConfig.Task("t", every, day, at == null ? null : LocalTime.parse(at),
                Duration.ofHours(1)), NOW).map(z -> z.toLocalDateTime().toString()).orElse("not decided");
    }

    @Test
    void theShippedScheduleFromSaturdayMorning() {
        List<RunbookConfig.Task> tasks = new ConfigLoader(Map.of("HOME", "/nonexistent")).load(Optional.empty())
                .config().runbook().maintenance();
        assertEquals(List.of("Log rotation 2026-11-29T02:00", "Backup verification 2026-11-29T03:00",
                        "Security updates 2026-11-29T02:00", "Performance review 2026-11-30T10:00",
                        "Capacity planning 2026-12-07T09:00", "DR test not decided"),
                tasks.stream().map(t -> t.task() + " " + MaintenanceSchedule.next(t, NOW)
                        .map(z -> z.toLocalDateTime().toString()).orElse("not decided")).toList());
    }

    @Test
    void boundaries() {
        assertEquals("2026-11-28T09:30", next("daily", "", "09:30"), "due now is due now");
        assertEquals("2026-11-29T09:29", next("daily", "", "09:29"));
        assertEquals("2026-12-05T09:00", next("weekly", "saturday", "09:00"));
        assertEquals("2026-12-15T08:00", next("monthly", "15", "08:00"));
        assertEquals("2027-01-04T09:00", next("quarterly", "1st monday", "09:00"));
        assertEquals("not decided", next("weekly", "", "09:00"));
    }
}
