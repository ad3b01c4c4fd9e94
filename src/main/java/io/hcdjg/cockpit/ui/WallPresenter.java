package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Maps a snapshot to what the wall shows. Pure, runs off the FX thread. */
public final class WallPresenter {
    static final double GAUGE_WARN = 85;
    static final double GAUGE_CRIT = 95;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;

    public WallPresenter(ZoneId zone) {
        this.zone = zone;
    }

    public WallModel present(StackSnapshot s, Instant now) {
        List<WallModel.Card> cards = s.services().stream().map(x -> card(x, now)).toList();
        return new WallModel("HCD JanusGraph Ops Cockpit — " + s.stackLabel(), s.stackLabel(), s.demo(),
                s.problems().stream().map(Object::toString).toList(), cards,
                gauge(s.host().disk()), gauge(s.host().memory()), status(s));
    }

    WallModel.Card card(ServiceStatus x, Instant now) {
        HealthLevel level = x.health().level();
        String retry = "";
        if (x.consecutiveFailures() > 1 && x.nextProbeAt() != null && x.nextProbeAt().isAfter(now)) {
            long secs = Math.max(1, Duration.between(now, x.nextProbeAt()).toSeconds());
            retry = "failed " + x.consecutiveFailures() + "× · next try in " + secs + " s";
        }
        return new WallModel.Card(x.name(), x.endpoint(), level, level.name(), x.health().reason(),
                HealthFormat.latency(x.health().latency()), HealthFormat.millis(x.health().latency()), x.checkedAt(),
                retry, HealthFormat.styleClass(level));
    }

    static WallModel.Gauge gauge(HostStats.Gauge g) {
        if (g.error() != null) {
            return new WallModel.Gauge(g.label(), Double.NaN, g.error(), HealthLevel.UNKNOWN);
        }
        double pct = g.fraction() * 100;
        HealthLevel level = pct >= GAUGE_CRIT ? HealthLevel.DOWN : pct >= GAUGE_WARN ? HealthLevel.DEGRADED : HealthLevel.UP;
        return new WallModel.Gauge(g.label(), pct,
                HealthFormat.bytes(g.used()) + " of " + HealthFormat.bytes(g.total()) + " used", level);
    }

    String status(StackSnapshot s) {
        String round = s.lastRoundAt() == null ? "first round running…"
                : "last round " + TIME.format(s.lastRoundAt().atZone(zone)) + " ("
                + HealthFormat.latency(s.lastRoundTook()) + ")";
        return String.format(Locale.ROOT, "%d of %d up  ·  %s  ·  config: %s", s.upCount(), s.services().size(), round,
                s.configSource());
    }
}
