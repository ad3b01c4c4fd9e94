package io.hcdjg.cockpit.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.config.PrivateFiles;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.incidents.IncidentArchive;
import io.hcdjg.cockpit.incidents.IncidentDesk;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.podman.CappedOutput;
import io.hcdjg.cockpit.podman.ProcessResult;
import io.hcdjg.cockpit.present.LogFormat;
import io.hcdjg.cockpit.probes.PromJson;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Runbook §8.2 "preserve evidence": one zip of an incident's window (from 15 minutes before it opened to its end, or
 * now) — the report, the timeline, the containers' logs merged by time, metric series, the compose files, podman
 * inspect, the probe history and the audit lines — every text through the {@link Redaction}, written 0600. A part
 * that cannot be had (podman or Prometheus not answering) is an {@code .error.txt} entry saying why; the rest is kept.
 */
public final class EvidenceBundle {
    static final Duration BEFORE = Duration.ofMinutes(15);
    /** Per container: a log flood is cut, and the bundle says where. */
    static final int MAX_LOG_BYTES = 16 << 20;
    private static final Duration SLOW = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Cockpit c;
    private final Redaction redaction;
    private final Map<String, String> entries = new LinkedHashMap<>();

    private EvidenceBundle(Cockpit c) {
        this.c = c;
        this.redaction = c.redaction();
    }

    /**
     * Writes {@code INC-0003-evidence-STAMP.zip} beside the incident reports and returns it.
     *
     * @param running the window's: its probes' and containers' last state, its log buffers' key lines
     */
    public static Path write(Cockpit c, String id, boolean running) throws Exception {
        return new EvidenceBundle(c).collect(id, running);
    }

    private Path collect(String id, boolean running) throws Exception {
        IncidentDesk desk = c.desk();
        desk.refresh();
        Incident i = IncidentArchive.find(desk, id);
        Instant now = c.clock().instant();
        Instant from = i.openedAt().minus(BEFORE);
        Instant to = i.resolvedAt() != null ? i.resolvedAt() : now;
        part("incident.md", () -> Files.readString(desk.report(i.id(), running ? c.keyLines(i) : null)));
        List<IncidentEvent> stack = desk.state().timeline();
        part("timeline.jsonl", () -> timeline(stack, i, from, to));
        part("probes.json", () -> probes(running, stack, from, to));
        List<ContainerStatus> containers = c.containers().list(false).containers();
        part("containers/inspect.json", () -> inspect(containers));
        part("logs/merged.log", () -> logs(containers, from, to));
        part("metrics.json", () -> metrics(from, to));
        for (Path f : c.actions().composeFiles(containers.stream().map(ContainerStatus::info).toList())) {
            part("compose/" + f.getFileName(), () -> Files.readString(f));
        }
        part("audit.jsonl", () -> audit(from, to));
        entries.put("README.txt", readme(i, from, to, now));

        Path dir = PrivateFiles.dirs(desk.store().file().resolveSibling("reports"));
        Path zip = dir.resolve(i.id() + "-evidence-" + STAMP.format(now) + ".zip");
        Path tmp = dir.resolve(zip.getFileName() + ".tmp");
        try (OutputStream out = Channels.newOutputStream(PrivateFiles.open(tmp,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(i.id() + "/" + e.getKey()));
                z.write(redaction.text(e.getValue()).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return zip;
    }

    private interface Part {
        String text() throws Exception;
    }

    /** One entry; what keeps it from being had becomes {@code NAME.error.txt}. */
    private void part(String name, Part p) {
        try {
            entries.put(name, p.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entries.put(name + ".error.txt", "cancelled\n");
        } catch (Exception e) {
            entries.put(name + ".error.txt", e.getClass().getSimpleName() + ": " + e.getMessage() + "\n");
        }
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    /** The incident's own events and the stack's entries of its window. */
    private static String timeline(List<IncidentEvent> all, Incident i, Instant from, Instant to) throws IOException {
        StringBuilder out = new StringBuilder();
        List<IncidentEvent> events = new ArrayList<>(i.events()); // whole even when it was rotated out of the store
        all.stream().filter(e -> e.incident() == null && within(e.time(), from, to)).forEach(events::add);
        events.sort(Comparator.comparing(IncidentEvent::time));
        for (IncidentEvent e : events) {
            ObjectNode n = JSON.createObjectNode().put("time", e.time().toString()).put("type", e.type())
                    .put("incident", e.incident()).put("service", e.service()).put("text", e.text());
            n.set("data", JSON.valueToTree(e.data()));
            out.append(JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n)).append('\n');
        }
        return out.toString();
    }

    /** The health transitions of the window and the probes' state now, latencies of the latest probes included. */
    private String probes(boolean running, List<IncidentEvent> all, Instant from, Instant to) throws Exception {
        List<ServiceStatus> now = running ? c.store().get().services()
                : c.poller().runRound().get(SLOW.toSeconds(), TimeUnit.SECONDS).services();
        ObjectNode root = JSON.createObjectNode();
        ArrayNode transitions = root.putArray("transitions");
        all.stream().filter(e -> e.type().equals(IncidentEvent.HEALTH) && within(e.time(), from, to)).forEach(e ->
                transitions.addObject().put("time", e.time().toString()).put("service", e.service())
                        .put("to", e.get("to")).put("text", e.text()));
        ArrayNode services = root.putArray("now");
        for (ServiceStatus s : now) {
            ObjectNode n = services.addObject().put("service", s.name()).put("kind", s.kind().name())
                    .put("endpoint", s.endpoint()).put("level", s.health().level().name())
                    .put("reason", s.health().reason())
                    .put("checkedAt", s.checkedAt() == null ? null : s.checkedAt().toString())
                    .put("consecutiveFailures", s.consecutiveFailures());
            ArrayNode lat = n.putArray("latencyMs");
            s.latencyHistory().forEach(d -> lat.add(d.toMillis()));
        }
        return JSON.writeValueAsString(root);
    }

    private String inspect(List<ContainerStatus> containers) throws Exception {
        if (containers.isEmpty()) {
            return "[]\n";
        }
        ProcessResult r = c.podman().podman().inspect(containers.stream().map(x -> x.info().id()).toList(), SLOW);
        if (!r.ok()) {
            throw new IOException("podman inspect: exit " + r.exitCode() + ": " + r.stderr().strip());
        }
        return r.stdout();
    }

    /** Every container's lines of the window, by time, each led by its container's name; terminal codes removed. */
    private String logs(List<ContainerStatus> containers, Instant from, Instant to) throws Exception {
        record Line(String at, int order, String text) {
        }
        List<Line> lines = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (ContainerStatus x : containers) {
            String name = x.info().name();
            CappedOutput w = c.podman().podman().logWindow(name, from, to, MAX_LOG_BYTES, SLOW);
            if (w.exitCode() != 0) {
                notes.append("# ").append(name).append(": podman logs exit ").append(w.exitCode()).append('\n');
            }
            List<String> got = w.text().lines().toList();
            if (w.cut()) { // the last line may be half of one
                got = got.subList(0, Math.max(0, got.size() - 1));
                notes.append("# ").append(name).append(": the first ").append(MAX_LOG_BYTES >> 20)
                        .append(" MB of the window only (").append(got.size()).append(" lines)\n");
            }
            for (String l : got) {
                int sp = l.indexOf(' ');
                String at = sp > 0 ? l.substring(0, sp) : "";
                lines.add(new Line(at, lines.size(), at + " " + name + " " + LogFormat.clean(l.substring(sp + 1))));
            }
        }
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::order));
        StringBuilder out = new StringBuilder(notes);
        lines.forEach(l -> out.append(l.text()).append('\n'));
        return out.toString();
    }

    /** Each configured metric's series over the window, a point every window/240 (at least 15 s). */
    private String metrics(Instant from, Instant to) throws Exception {
        Duration step = Duration.ofSeconds(Math.max(15, Duration.between(from, to).toSeconds() / 240));
        ArrayNode root = JSON.createArrayNode();
        for (CockpitConfig.MetricConfig m : c.loaded().config().metrics()) {
            ObjectNode n = root.addObject().put("name", m.name()).put("title", m.title()).put("query", m.query())
                    .put("unit", m.unit());
            ArrayNode series = n.putArray("series");
            for (PromJson.Series s : c.monitoring().client().queryRange(m.query(), from, to, step)) {
                ObjectNode sn = series.addObject();
                sn.set("labels", JSON.valueToTree(s.labels()));
                ArrayNode points = sn.putArray("points");
                s.points().forEach(p -> points.addArray().add(p.at().toString()).add(p.value()));
            }
        }
        return JSON.writeValueAsString(root);
    }

    /** The audit lines of the window, from the log and the rotated files that may hold some. */
    private String audit(Instant from, Instant to) throws IOException {
        var log = c.actions().audit();
        List<Path> files = new ArrayList<>(log.archives(from).reversed()); // not the months before it
        files.add(log.file());
        StringBuilder out = new StringBuilder();
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                try {
                    if (within(Instant.parse(JSON.readTree(l).path("time").asText()), from, to)) {
                        out.append(l).append('\n');
                    }
                } catch (IOException | RuntimeException e) {
                    // not an audit entry: the audit view reports it
                }
            }
        }
        return out.toString();
    }

    private String readme(Incident i, Instant from, Instant to, Instant now) {
        return """
                Evidence of %s, "%s" (%s)
                Window: %s to %s (from %s before it opened to %s)
                Stack: project %s %s
                Written %s by %s on %s. Secrets are redacted in every file (the cockpit's redaction rules).

                incident.md        the incident report: summary, timeline, services, actions, escalations, notes
                timeline.jsonl     the incident's events and the stack's entries of the window
                probes.json        health transitions of the window; each probe's state and latest latencies now
                containers/        podman inspect of the project's containers
                logs/merged.log    every container's log lines of the window, by time, led by the container's name
                metrics.json       the configured Prometheus metrics over the window
                compose/           the compose files the cockpit acts with
                audit.jsonl        the audit log's lines of the window (its rotated files included)
                *.error.txt        a part that could not be had, and why
                """.formatted(i.id(), i.title(), i.priority(), from.truncatedTo(ChronoUnit.SECONDS),
                to.truncatedTo(ChronoUnit.SECONDS), Durations.words(BEFORE),
                i.resolvedAt() != null ? "its resolution" : "now", c.actions().project(), c.podman().label(),
                now.truncatedTo(ChronoUnit.SECONDS), AuditLog.Who.local().user(), AuditLog.Who.local().host());
    }
}
