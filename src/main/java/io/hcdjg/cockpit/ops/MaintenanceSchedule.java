package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.RunbookConfig;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** When a task of the routine schedule (§5.1) is next due. Pure. */
public final class MaintenanceSchedule {
    private MaintenanceSchedule() {
    }

    /** The first start at or after {@code now}; empty when the task's day or time is not decided. */
    public static Optional<ZonedDateTime> next(RunbookConfig.Task t, ZonedDateTime now) {
        if (t.at() == null || !t.every().equals("daily") && t.day().isEmpty()) {
            return Optional.empty();
        }
        LocalDate d = now.toLocalDate();
        for (int i = 0; i < 500; i++, d = d.plusDays(1)) {
            ZonedDateTime start = d.atTime(t.at()).atZone(now.getZone());
            if (!start.isBefore(now) && on(t, d)) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    private static boolean on(RunbookConfig.Task t, LocalDate d) {
        return switch (t.every()) {
            case "daily" -> true;
            case "weekly" -> d.getDayOfWeek() == DayOfWeek.valueOf(t.day().toUpperCase(Locale.ROOT));
            case "monthly" -> dayOfMonth(t.day(), d);
            case "quarterly" -> (d.getMonthValue() - 1) % 3 == 0 && dayOfMonth(t.day(), d);
            default -> false;
        };
    }

    /** "15" or "1st monday" (the first Monday of the month). */
    private static boolean dayOfMonth(String day, LocalDate d) {
        if (day.matches("\\d{1,2}")) {
            return d.getDayOfMonth() == Integer.parseInt(day);
        }
        String[] w = day.split("\\s+");
        int nth = w[0].charAt(0) - '0';
        DayOfWeek weekday = DayOfWeek.valueOf(w[1].toUpperCase(Locale.ROOT));
        return d.equals(d.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday)));
    }
}
