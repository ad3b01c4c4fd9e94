package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The desk's state as the incident panel shows it: sorted, worded, each timeline line formatted once. Pure. */
public final class IncidentPresenter {
    /** How old an event may be and still make a desktop notification. */
    static final Duration RECENT = Duration.ofMinutes(2);
    private static final Comparator<Incident> ORDER = Comparator.comparing(Incident::resolved)
            .thenComparing(Incident::priority).thenComparing(Incident::openedAt, Comparator.reverseOrder());

    private final ZoneId zone;
    private final List<IncidentConfig.Level> ladder;

    /** @param ladder the escalation matrix (config incidents.ladder), for the detail and the Escalate button */
    public IncidentPresenter(ZoneId zone, List<IncidentConfig.Level> ladder) {
        this.zone = zone;
        this.ladder = List.copyOf(ladder);
    }

    public IncidentsModel present(IncidentState s, Instant now) {
        Map<IncidentEvent, IncidentsModel.TimelineLine> lines = new IdentityHashMap<>();
        List<IncidentsModel.TimelineLine> stack = s.timeline().stream()
                .map(e -> lines.computeIfAbsent(e, x -> IncidentFormat.line(x, zone))).toList();
        List<IncidentsModel.Row> rows = s.incidents().stream().sorted(ORDER).map(i -> row(i, s, now, lines)).toList();
        List<IncidentsModel.Prompt> prompts = s.prompts().stream().map(IncidentPresenter::prompt).toList();
        long open = s.unresolved();
        String tab = open == 0 ? "Incidents" : "Incidents (" + open + " open"
                + (s.prompts().isEmpty() ? "" : ", " + s.prompts().size() + " due") + ")";
        String summary = open + " open · " + s.incidents().size() + " recorded"
                + (s.problem() == null ? "" : " · " + s.problem());
        List<String> choices = s.incidents().stream().filter(i -> !i.resolved()).map(i -> i.id() + "  " + i.title())
                .toList();
        return new IncidentsModel(summary, tab, open, rows, prompts, stack, notices(s, now), choices);
    }

    private IncidentsModel.Row row(Incident i, IncidentState s, Instant now,
                                   Map<IncidentEvent, IncidentsModel.TimelineLine> lines) {
        String services = String.join(", ", i.services());
        return new IncidentsModel.Row(i.id(), i.priority(), IncidentFormat.priorityStyle(i), i.id() + "  " + i.title(),
                IncidentFormat.state(i), s.deadlines().get(i.id()), " · L" + i.level() + " · " + services, i.resolved(),
                i.level(), detail(i, s, now, lines));
    }

    private IncidentsModel.Detail detail(Incident i, IncidentState s, Instant now,
                                         Map<IncidentEvent, IncidentsModel.TimelineLine> lines) {
        String role = ladder.stream().filter(l -> l.level() == i.level()).map(l -> " " + l.role()).findFirst()
                .orElse("");
        String meta = i.priority() + " (" + i.priority().meaning() + ") · " + IncidentFormat.state(i) + " · opened "
                + IncidentFormat.time(i.events().isEmpty() ? i.openedAt() : i.events().get(0).time(), zone) + " from "
                + i.source() + " · L" + i.level() + role + " · "
                + (i.services().isEmpty() ? "no service named" : String.join(", ", i.services()));
        String target = s.prompts().stream().filter(p -> p.incident().equals(i.id())
                        && p.kind().equals(IncidentState.Prompt.ESCALATE)).map(p -> "L" + p.level()).findFirst()
                .orElseGet(() -> ladder.stream().filter(l -> l.level() > i.level()
                        && l.priorities().contains(i.priority())).map(IncidentConfig.Level::name).findFirst()
                        .orElse(""));
        List<IncidentsModel.TimelineLine> own = i.timeline(s.timeline(), now).stream()
                .map(e -> lines.computeIfAbsent(e, x -> IncidentFormat.line(x, zone))).toList();
        return new IncidentsModel.Detail(i.id() + " — " + i.title(), meta, i.state() == Incident.State.OPEN,
                target.isEmpty() ? "Escalate…" : "Escalate to " + target + "…", i.resolved() ? "Reopen…" : "Resolve…",
                i.stepsDone(), IncidentFormat.ladder(i, ladder, now, zone), own);
    }

    private static IncidentsModel.Prompt prompt(IncidentState.Prompt p) {
        boolean escalate = p.kind().equals(IncidentState.Prompt.ESCALATE);
        return new IncidentsModel.Prompt("prompt-" + p.kind() + "-" + p.incident(), p.incident(), escalate, p.level(),
                escalate ? "Escalate to L" + p.level() + "…" : "Acknowledge", p.text(),
                escalate ? "ck-banner-crit" : "ck-banner-warn");
    }

    /** Opening, escalation due, reminder, escalated, in the last two minutes: a notification each. */
    static List<IncidentsModel.Notice> notices(IncidentState s, Instant now) {
        Instant recent = now.minus(RECENT);
        List<IncidentsModel.Notice> out = new ArrayList<>();
        for (Incident i : s.incidents()) {
            for (IncidentEvent e : i.events()) {
                boolean worth = switch (e.type()) {
                    case IncidentEvent.OPENED, IncidentEvent.ESCALATION_DUE, IncidentEvent.REMINDER,
                         IncidentEvent.ESCALATED -> true;
                    default -> false;
                };
                if (worth && e.time().isAfter(recent)) {
                    out.add(new IncidentsModel.Notice(i.id() + "|" + e.time() + "|" + e.type() + "|" + e.text(),
                            i.id() + " (" + i.priority() + "): " + (e.type().equals(IncidentEvent.OPENED)
                                    ? "opened — " + i.title() : e.text())));
                }
            }
        }
        return out;
    }
}
