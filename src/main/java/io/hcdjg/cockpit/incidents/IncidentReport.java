package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.PrivateFiles;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import io.hcdjg.cockpit.config.Durations;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;

/**
 * The post-mortem material of runbook §9.2 step 5, as Markdown: summary, timeline, services, actions, key log lines.
 * The whole text passes through the {@link Redaction}: key log lines and the audit's actions come from outside the
 * store.
 */
public final class IncidentReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path dir;
    private final ZoneId zone;
    private final IncidentRules rules;
    private final Redaction redaction;

    /** @param dir where reports are written, e.g. next to the store */
    public IncidentReport(Path dir, ZoneId zone, IncidentRules rules, Redaction redaction) {
        this.dir = dir;
        this.zone = zone;
        this.rules = rules;
        this.redaction = redaction;
    }

    /** The built-in redaction only: for tests and tools without a config. */
    public IncidentReport(Path dir, ZoneId zone, IncidentRules rules) {
        this(dir, zone, rules, Redaction.DEFAULT);
    }

    /**
     * Writes {@code <dir>/<id>.md} (replacing an older one) and returns it; {@code keyLogLines} null: not collected.
     */
    public Path write(Incident i, List<IncidentEvent> stackTimeline, List<String> keyLogLines, Instant now)
            throws IOException {
        PrivateFiles.dirs(dir);
        Path file = dir.resolve(i.id() + ".md");
        Path tmp = dir.resolve(i.id() + ".md.tmp");
        PrivateFiles.write(tmp, markdown(i, stackTimeline, keyLogLines, now));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    String markdown(Incident i, List<IncidentEvent> stackTimeline, List<String> keyLogLines, Instant now) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(i.id()).append(" — ").append(i.title()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Priority", i.priority() + " (" + i.priority().meaning() + ")");
        row(md, "State", i.state().name().toLowerCase());
        row(md, "Opened", time(i.openedAt()) + " (" + i.source() + ")");
        row(md, "Response due", time(rules.deadline(i)));
        row(md, "Acknowledged", i.acknowledgedAt() == null ? "—" : time(i.acknowledgedAt()));
        row(md, "Resolved", i.resolvedAt() == null ? "—" : time(i.resolvedAt()));
        Instant end = i.resolvedAt() != null ? i.resolvedAt() : now;
        row(md, "Duration", Durations.words(Duration.between(i.openedAt(), end)
                .truncatedTo(ChronoUnit.SECONDS)));
        row(md, "Escalation level", "L" + i.level() + rules.level(i.level()).map(l -> " — " + l.role()).orElse(""));
        row(md, "Steps done", Incident.STEPS.stream().map(s -> (i.stepsDone().contains(s) ? "☑ " : "☐ ") + s)
                .reduce((a, b) -> a + " · " + b).orElse(""));
        md.append("\n## Affected services\n\n");
        i.services().forEach(s -> md.append("- ").append(s).append('\n'));
        if (i.services().isEmpty()) {
            md.append("- (none named)\n");
        }
        List<IncidentEvent> events = i.timeline(stackTimeline, now);
        md.append("\n## Timeline\n\n| time | kind | service | what |\n|---|---|---|---|\n");
        events.forEach(e -> md.append("| ").append(time(e.time())).append(" | ").append(e.type()).append(" | ")
                .append(e.service() == null ? "" : e.service()).append(" | ").append(cell(e.text())).append(" |\n"));
        md.append("\n## Actions\n\n");
        section(md, events, IncidentEvent.ACTION);
        md.append("\n## Escalations\n\n");
        section(md, events, IncidentEvent.ESCALATED);
        md.append("\n## Notes\n\n");
        section(md, events, IncidentEvent.NOTE);
        md.append("\n## Key log lines\n\n");
        if (keyLogLines == null) {
            md.append("(not collected: this report was written from the command line, which keeps no log buffers; "
                    + "export it from the window, or run `cockpit.jar logs SERVICE --since 1h --summary`)\n");
        } else if (keyLogLines.isEmpty()) {
            md.append("(none of the affected services logged an error, slow query, auth failure or destructive "
                    + "statement in the cockpit's buffers while it was open)\n");
        } else {
            md.append("```\n");
            keyLogLines.forEach(l -> md.append(l.length() > 400 ? l.substring(0, 400) + " …" : l).append('\n'));
            md.append("```\n");
        }
        return redaction.text(md.toString());
    }

    private void section(StringBuilder md, List<IncidentEvent> events, String type) {
        List<IncidentEvent> of = events.stream().filter(e -> e.type().equals(type)).toList();
        if (of.isEmpty()) {
            md.append("(none)\n");
        }
        of.forEach(e -> md.append("- ").append(time(e.time())).append(" ").append(e.text()).append('\n'));
    }

    private static void row(StringBuilder md, String k, String v) {
        md.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }
}
