package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Pure text for containers, shared by the tiles and the {@code containers} command. */
public final class ContainerFormat {
    private ContainerFormat() {
    }

    /** "3d 4h", "2h 5m", "4m 10s", "12s"; "-" when not running. */
    public static String uptime(ContainerInfo c, Instant now) {
        if (!c.running() || c.startedAt() == null) {
            return "-";
        }
        Duration d = Duration.between(c.startedAt(), now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        }
        return d.toSeconds() + "s";
    }

    public static String cpu(ContainerStatus c) {
        return c.stats() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", c.stats().cpuPercent());
    }

    public static String memory(ContainerStatus c) {
        return c.stats() == null ? "-" : HealthFormat.bytes(c.stats().memUsed());
    }

    /** One line for a tile: "running · up 4m 10s · 2 restarts · 1.2% · 410.0 MiB". */
    public static String line(ContainerStatus c, Instant now) {
        ContainerInfo i = c.info();
        StringBuilder b = new StringBuilder(i.state());
        if (!i.health().isEmpty()) {
            b.append(" (").append(i.health()).append(')');
        }
        if (i.running()) {
            b.append(" · up ").append(uptime(i, now));
        } else if (i.state().equals("exited")) {
            b.append(" · exit ").append(i.exitCode());
        }
        if (i.restarts() > 0) {
            b.append(" · ").append(i.restarts()).append(i.restarts() == 1 ? " restart" : " restarts");
        }
        if (c.stats() != null) {
            b.append(" · ").append(cpu(c)).append(" · ").append(memory(c));
        }
        return b.toString();
    }
}
