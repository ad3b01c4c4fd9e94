package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.CockpitHealth;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.MetricReading;
import io.hcdjg.cockpit.model.MonitoringState;
import io.hcdjg.cockpit.model.ScrapeTarget;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import io.hcdjg.cockpit.model.LogSummary;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Maps a snapshot to what the wall shows. Pure, runs off the FX thread. */
public final class WallPresenter {
    public static final double GAUGE_WARN = 85;
    public static final double GAUGE_CRIT = 95;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ZoneId zone;
    private final IncidentPresenter incidents;
    private final Redaction redaction;
    /** Each text as the redaction made it: most of a snapshot's texts are the previous one's. */
    private final Map<String, String> redacted = new HashMap<>();

    /** Without an escalation ladder (the incident panel shows none), with the built-in redaction. */
    public WallPresenter(ZoneId zone) {
        this(zone, List.of(), Redaction.DEFAULT);
    }

    /**
     * @param ladder    the escalation matrix (config incidents.ladder)
     * @param redaction applied to every text the wall shows
     */
    public WallPresenter(ZoneId zone, List<IncidentConfig.Level> ladder, Redaction redaction) {
        this.zone = zone;
        this.incidents = new IncidentPresenter(zone, ladder);
        this.redaction = redaction;
    }

    /** The wall's model with every text redacted. One presenter thread calls it (SnapshotFeed). */
    public WallModel present(StackSnapshot s, Instant now) {
        if (redacted.size() > 20_000) {
            redacted.clear(); // the texts of a day's snapshots mostly repeat; a bound for the rest
        }
        return RedactedModel.of(unredacted(s, now), text -> redacted.computeIfAbsent(text, redaction::text));
    }

    private WallModel unredacted(StackSnapshot s, Instant now) {
        PodmanState podman = s.podman();
        Map<String, WallModel.LogReview> logs = new LinkedHashMap<>();
        s.logs().forEach(l -> logs.put(l.service(), review(l)));
        List<WallModel.Card> cards = new ArrayList<>();
        List<WallModel.Card> undeployed = new ArrayList<>();
        Set<String> probed = new HashSet<>();
        for (ServiceStatus x : s.services()) {
            probed.add(x.name());
            List<ContainerStatus> mine = podman.of(x.name());
            List<WallModel.Container> list = containers(mine, now);
            if (list.isEmpty() && podman.listedAt() != null && podman.problem() == null) {
                list = List.of(new WallModel.Container("no container in the project", "", HealthFormat.STYLE_UNKNOWN,
                        List.of()));
                // "no answer in 3 s" is not "nothing there": something took the connection and hangs — an outage
                if (!x.health().reached() && x.checkedAt() != null && !x.health().reason().startsWith("no answer")) {
                    // No container and nothing answers: not deployed (the incident desk's rule), not an outage.
                    // Grey and after the others: on a big screen a red tile reads as something broken.
                    undeployed.add(new WallModel.Card(x.name(), x.endpoint(), HealthLevel.UNKNOWN, "NOT DEPLOYED",
                            s.demo() ? x.health().reason() // the built-in demo's own words
                                    : "not in this project: no container, and nothing answers (" + x.health().reason()
                                    + ")",
                            "—", Double.NaN, x.checkedAt(), "", HealthFormat.STYLE_UNKNOWN, true, list, 0,
                            monitoringNotes(s.monitoring(), x.name()), logs.get(x.name())));
                    continue;
                }
            }
            cards.add(card(x, list, mine.size(), monitoringNotes(s.monitoring(), x.name()), logs.get(x.name()), now,
                    s.incidents().blockedBy().get(x.name())));
        }
        // Services of the project with containers but nothing to probe (consumers, CLI containers) still get a card.
        podman.containers().stream().map(c -> c.info().service()).filter(n -> !n.isEmpty() && !probed.contains(n))
                .distinct().sorted().forEach(n -> cards.add(containerOnly(n, podman.of(n), logs.get(n), now)));
        cards.addAll(undeployed);
        if (s.runbook().maintenance() != null) {
            // Maintenance mode (§5.2): what the tiles show is expected; say so on each of them.
            String until = "in maintenance until " + TIME.format(s.runbook().maintenance().until().atZone(zone));
            cards.replaceAll(c -> c.withRetry(until));
        }
        String podmanLine = podman.target().isEmpty() ? "" : "podman " + podman.target() + " · "
                + podman.containers().size() + " containers" + (podman.eventsLive() ? " · events live" : "");
        MonitoringState mon = s.monitoring();
        String monitoringProblem = Stream.of(mon.prometheusProblem(), mon.alertmanagerProblem())
                .filter(Objects::nonNull).collect(Collectors.joining("; "));
        int problems = s.problems().size();
        String problemsHead = problems == 0 ? "" : "The config has " + problems + " error" + (problems == 1 ? "" : "s")
                + "; the shipped defaults are in use until it is fixed:";
        int firing = mon.firing().size();
        return new WallModel("HCD JanusGraph Ops Cockpit — " + s.stackLabel(),
                s.stackLabel() + " — services it does not run are shown as not running.", s.demo(), problemsHead,
                s.problems().stream().map(Object::toString).toList(), cards,
                gauge(s.host().disk()), gauge(s.host().memory()), status(s), podmanLine,
                podmanLine.isEmpty() ? "podman connection" : podmanLine.split(" · ")[0],
                podman.problem() == null ? "" : "Podman " + podman.target() + ": " + podman.problem(),
                mon.metrics().stream().map(WallPresenter::metric).toList(), alerts(mon), silences(mon),
                monitoringProblem, firing == 0 ? "Alerts" : "Alerts (" + firing + " firing)",
                List.copyOf(logs.values()), incidents.present(s.incidents(), now),
                RunbookFormat.present(s.runbook(), now, zone), SecurityFormat.present(s.security(), now, zone),
                self(s.self()));
    }

    /** The cockpit as one more service: its figures, each flagged past what a window should take. */
    static List<WallModel.SelfLine> self(CockpitHealth h) {
        return List.of(
                new WallModel.SelfLine("probe round", HealthFormat.latency(h.round()), over(h.round(), 5000)),
                new WallModel.SelfLine("FX delay p99 (1 min)", HealthFormat.latency(h.fxDelayP99()),
                        over(h.fxDelayP99(), 100)),
                new WallModel.SelfLine("log ingest lag", h.logLag() == null ? "no new lines"
                        : HealthFormat.latency(h.logLag()), over(h.logLag(), 5000)),
                new WallModel.SelfLine("heap used", h.heapUsed() == 0 ? "—" : HealthFormat.bytes(h.heapUsed()), false),
                new WallModel.SelfLine("threads", h.threads() == 0 ? "—" : String.valueOf(h.threads()), false),
                new WallModel.SelfLine("start-up", h.startup() == null ? "—"
                        : HealthFormat.latency(h.startup()) + " to live tiles", false));
    }

    private static boolean over(Duration d, long millis) {
        return d != null && d.toMillis() > millis;
    }

    static WallModel.LogReview review(LogSummary l) {
        String lines = l.lines() + " lines" + (l.dropped() > 0 ? " (dropped " + l.dropped() + ")" : "");
        return new WallModel.LogReview(l.service(), l.lastHour(), l.lastDay(), lines, l.status());
    }

    static WallModel.Metric metric(MetricReading m) {
        String text = Double.isNaN(m.value()) ? "—"
                : MetricReading.format(m.value()) + (m.unit().isEmpty() ? "" : " " + m.unit());
        return new WallModel.Metric(m.name(), m.title(), text, m.value(), m.unit(), m.reason(), m.level(),
                HealthFormat.styleClass(m.level()), m.history(), m.source());
    }

    private static final List<String> SEVERITY = List.of("critical", "warning", "info");

    private List<WallModel.AlertRow> alerts(MonitoringState mon) {
        return mon.alerts().stream()
                .sorted(Comparator.comparing((Alert a) -> !a.firing())
                        .thenComparing(a -> SEVERITY.contains(a.severity()) ? SEVERITY.indexOf(a.severity()) : 9)
                        .thenComparing(a -> a.startsAt() == null ? Instant.EPOCH : a.startsAt()))
                .map(a -> new WallModel.AlertRow(a.name(), a.severity(), a.service(), a.firing() ? "firing"
                        : a.silencedBy().isEmpty() ? a.state() : "silenced", a.startsAt() == null ? ""
                        : SINCE.format(a.startsAt().atZone(zone)), a.summary(), a.firing(), a.labels()))
                .toList();
    }

    private List<WallModel.SilenceRow> silences(MonitoringState mon) {
        return mon.silences().stream().filter(x -> !x.state().equals("expired"))
                .map(x -> new WallModel.SilenceRow(x.id(), String.join(", ", x.matchers()), x.createdBy(), x.comment(),
                        x.endsAt() == null ? "" : SINCE.format(x.endsAt().atZone(zone)), x.state()))
                .toList();
    }

    /** Firing alerts and down scrape targets that concern a service, for its tile. */
    static List<String> monitoringNotes(MonitoringState mon, String service) {
        List<String> notes = new ArrayList<>();
        for (Alert a : mon.firing()) {
            if (concerns(service, a.labels().getOrDefault("job", ""), a.service())) {
                notes.add("alert " + a.name() + (a.severity().isEmpty() ? "" : " (" + a.severity() + ")")
                        + ": " + a.summary());
            }
        }
        for (ScrapeTarget t : mon.targets()) {
            if (t.down() && concerns(service, t.job(), t.service())) {
                notes.add("scrape target " + t.instance() + " down" + (t.lastError().isEmpty() ? ""
                        : ": " + t.lastError().replaceFirst("^Get \"[^\"]*\": ", "")));
            }
        }
        return notes;
    }

    /** A job or service label names a tile exactly, or as its prefix (job hcd → hcd-server). */
    static boolean concerns(String tile, String job, String service) {
        for (String n : List.of(job, service)) {
            if (!n.isEmpty() && (tile.equals(n) || tile.startsWith(n + "-"))) {
                return true;
            }
        }
        return false;
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

    private WallModel.Card containerOnly(String service, List<ContainerStatus> list, WallModel.LogReview logs,
                                         Instant now) {
        long running = list.stream().filter(c -> c.info().running()).count();
        HealthLevel level = running == list.size() ? HealthLevel.UP
                : running == 0 ? HealthLevel.DOWN : HealthLevel.DEGRADED;
        String reason = running + " of " + list.size() + (list.size() == 1 ? " container" : " containers")
                + " running (no health endpoint)";
        return new WallModel.Card(service, "containers only", level, level.name(), reason, "—", Double.NaN, null, "",
                HealthFormat.styleClass(level), false, containers(list, now), list.size(),
                monitoringNotes(MonitoringState.none(), service), logs);
    }

    WallModel.Card card(ServiceStatus x, List<WallModel.Container> containers, int replicas, List<String> alerts,
                        WallModel.LogReview logs, Instant now, String blockedBy) {
        HealthLevel level = x.health().level();
        if (blockedBy != null) {
            // Its own failure follows from the upstream's: say what to fix first, and keep the red for that tile.
            return new WallModel.Card(x.name(), x.endpoint(), level, "BLOCKED", "blocked by " + blockedBy + " · "
                    + x.health().reason(), HealthFormat.latency(x.health().latency()),
                    HealthFormat.millis(x.health().latency()), x.checkedAt(), "", HealthFormat.STYLE_UNKNOWN, true,
                    containers, replicas, alerts, logs);
        }
        String retry = "";
        if (x.consecutiveFailures() > 1 && x.nextProbeAt() != null && x.nextProbeAt().isAfter(now)) {
            long secs = Math.max(1, Duration.between(now, x.nextProbeAt()).toSeconds());
            retry = "failed " + x.consecutiveFailures() + "× · next try in " + secs + " s";
        }
        return new WallModel.Card(x.name(), x.endpoint(), level, level.name(), x.health().reason(),
                HealthFormat.latency(x.health().latency()), HealthFormat.millis(x.health().latency()), x.checkedAt(),
                retry, HealthFormat.styleClass(level), true, containers, replicas, alerts, logs);
    }

    static WallModel.Gauge gauge(HostStats.Gauge g) {
        if (g.error() != null) {
            return new WallModel.Gauge(g.label(), Double.NaN, g.error(), HealthLevel.UNKNOWN);
        }
        double pct = g.fraction() * 100;
        HealthLevel level = pct >= GAUGE_CRIT ? HealthLevel.DOWN
                : pct >= GAUGE_WARN ? HealthLevel.DEGRADED : HealthLevel.UP;
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
