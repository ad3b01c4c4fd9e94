package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        PodmanState podman = s.podman();
        List<WallModel.Card> cards = new ArrayList<>();
        Set<String> probed = new HashSet<>();
        for (ServiceStatus x : s.services()) {
            probed.add(x.name());
            List<ContainerStatus> mine = podman.of(x.name());
            List<WallModel.Container> list = containers(mine, now);
            if (list.isEmpty() && podman.listedAt() != null && podman.problem() == null) {
                // Say it: a DOWN tile with no container is a service that is not deployed, not one that crashed.
                list = List.of(new WallModel.Container("no container in the project", "", HealthFormat.STYLE_UNKNOWN,
                        List.of()));
            }
            cards.add(card(x, list, mine.size(), now));
        }
        // Services of the project with containers but nothing to probe (consumers, CLI containers) still get a card.
        podman.containers().stream().map(c -> c.info().service()).filter(n -> !n.isEmpty() && !probed.contains(n))
                .distinct().sorted().forEach(n -> cards.add(containerOnly(n, podman.of(n), now)));
        String podmanLine = podman.target().isEmpty() ? "" : "podman " + podman.target() + " · "
                + podman.containers().size() + " containers" + (podman.eventsLive() ? " · events live" : "");
        return new WallModel("HCD JanusGraph Ops Cockpit — " + s.stackLabel(), s.stackLabel(), s.demo(),
                s.problems().stream().map(Object::toString).toList(), cards,
                gauge(s.host().disk()), gauge(s.host().memory()), status(s), podmanLine,
                podman.problem() == null ? "" : "Podman " + podman.target() + ": " + podman.problem());
    }

    private static List<WallModel.Container> containers(List<ContainerStatus> list, Instant now) {
        return list.stream().map(c -> new WallModel.Container(
                // The project prefix is the same on every row; the rest fits the card.
                c.info().name().substring(c.info().project().isEmpty() ? 0 : Math.min(c.info().name().length(),
                        c.info().name().startsWith(c.info().project() + "_") ? c.info().project().length() + 1 : 0)),
                ContainerFormat.line(c, now), HealthFormat.styleClass(containerLevel(c)), c.cpuHistory())).toList();
    }

    private static HealthLevel containerLevel(ContainerStatus c) {
        if (c.info().health().equals("unhealthy")) {
            return HealthLevel.DEGRADED;
        }
        return switch (c.info().state()) {
            case "running" -> HealthLevel.UP;
            case "restarting", "paused", "created", "stopping" -> HealthLevel.DEGRADED;
            default -> HealthLevel.DOWN;
        };
    }

    private WallModel.Card containerOnly(String service, List<ContainerStatus> list, Instant now) {
        long running = list.stream().filter(c -> c.info().running()).count();
        HealthLevel level = running == list.size() ? HealthLevel.UP : running == 0 ? HealthLevel.DOWN : HealthLevel.DEGRADED;
        String reason = running + " of " + list.size() + (list.size() == 1 ? " container" : " containers")
                + " running (no health endpoint)";
        return new WallModel.Card(service, "containers only", level, level.name(), reason, "—", Double.NaN, null, "",
                HealthFormat.styleClass(level), false, containers(list, now), list.size());
    }

    WallModel.Card card(ServiceStatus x, List<WallModel.Container> containers, int replicas, Instant now) {
        HealthLevel level = x.health().level();
        String retry = "";
        if (x.consecutiveFailures() > 1 && x.nextProbeAt() != null && x.nextProbeAt().isAfter(now)) {
            long secs = Math.max(1, Duration.between(now, x.nextProbeAt()).toSeconds());
            retry = "failed " + x.consecutiveFailures() + "× · next try in " + secs + " s";
        }
        return new WallModel.Card(x.name(), x.endpoint(), level, level.name(), x.health().reason(),
                HealthFormat.latency(x.health().latency()), HealthFormat.millis(x.health().latency()), x.checkedAt(),
                retry, HealthFormat.styleClass(level), true, containers, replicas);
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
