package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.model.StackSnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.hcdjg.cockpit.incidents.IncidentBook.event;

/**
 * Opens incidents from what the stack does (health transitions, firing alerts, log spikes: {@link IncidentTriggers})
 * and from the operator, times them, escalates them and records everything in the {@link IncidentStore}. The window
 * and the CLI work on the same store through this class; the window's watcher feeds it snapshots and ticks it.
 */
public final class IncidentDesk {
    /** How much of the whole stack's timeline the state carries. */
    static final int TIMELINE = 2000;

    private final IncidentRules rules;
    private final IncidentTriggers triggers;
    private final IncidentStore store;
    private final EscalationChannel escalation;
    private final ActionHistory actions;
    private final IncidentReport reports;
    private final Clock clock;

    private Map<String, String> blockedBy = Map.of();
    private String problem;

    public IncidentDesk(IncidentRules rules, Map<String, List<String>> dependencies, IncidentStore store,
                        EscalationChannel escalation, ActionHistory actions, IncidentReport reports, Clock clock) {
        this.rules = rules;
        this.triggers = new IncidentTriggers(rules, dependencies, clock);
        this.store = store;
        this.escalation = escalation;
        this.actions = actions;
        this.reports = reports;
        this.clock = clock;
    }

    public IncidentRules rules() {
        return rules;
    }

    public IncidentStore store() {
        return store;
    }

    private final Object foldLock = new Object();
    private List<IncidentEvent> foldedFrom = List.of();
    private List<Incident> folded = List.of();

    /** The incidents the events make, folded again only when events were added (the store only appends). */
    private List<Incident> fold(List<IncidentEvent> stored) {
        synchronized (foldLock) { // its own lock: called both with and without the desk's and the store's held
            if (stored.size() != foldedFrom.size() || !stored.isEmpty() && stored.get(stored.size() - 1)
                    != foldedFrom.get(foldedFrom.size() - 1)) {
                folded = IncidentFold.incidents(stored);
                foldedFrom = stored;
            }
            return folded;
        }
    }

    /** Reads what another process (the CLI, another window) appended. */
    public void refresh() {
        try {
            store.refresh();
            problem = null;
        } catch (IOException e) {
            problem = "incidents unreadable: " + store.file() + ": " + e.getMessage();
        }
    }

    /** Records what changed since the last snapshot and opens the incidents the rules ask for. */
    public synchronized void observe(StackSnapshot s) {
        IncidentTriggers.Round round = triggers.round(s);
        blockedBy = round.blocked();
        write(stored -> triggers.record(round, stored, fold(stored)));
    }

    /** Escalations whose time has come and reminders of unacknowledged incidents go on their timelines. */
    public synchronized void tick() {
        write(stored -> {
            Instant now = clock.instant();
            List<IncidentEvent> out = new ArrayList<>();
            for (Incident i : fold(stored)) {
                rules.dueLevel(i, now).filter(l -> i.events().stream().noneMatch(e -> e.type().equals(
                        IncidentEvent.ESCALATION_DUE) && Integer.parseInt(e.get("level")) >= l.level())).ifPresent(l ->
                        out.add(event(now, IncidentEvent.ESCALATION_DUE, i.id(), null, l.name() + " (" + l.role()
                                + ") is due: unresolved for " + Durations.words(l.after()),
                                Map.of("level", String.valueOf(l.level())))));
                if (rules.reminderDue(i, now)) {
                    out.add(event(now, IncidentEvent.REMINDER, i.id(), null, i.id() + " is not acknowledged",
                            Map.of()));
                }
            }
            return out;
        });
    }

    public synchronized IncidentState state() {
        Instant now = clock.instant();
        List<IncidentEvent> stored = store.events();
        List<Incident> incidents = new ArrayList<>(fold(stored));
        incidents.sort(Comparator.comparing(Incident::openedAt).reversed());
        List<IncidentEvent> timeline = new ArrayList<>(stored);
        timeline.addAll(actions.events());
        timeline.sort(Comparator.comparing(IncidentEvent::time));
        List<IncidentState.Prompt> prompts = new ArrayList<>();
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        for (Incident i : incidents) {
            if (i.resolved()) {
                continue;
            }
            deadlines.put(i.id(), rules.deadline(i));
            rules.dueLevel(i, now).ifPresent(l -> prompts.add(new IncidentState.Prompt(i.id(),
                    IncidentState.Prompt.ESCALATE, l.level(), i.id() + ": escalate to " + l.name() + " (" + l.role()
                    + ")? Unresolved for " + Durations.words(l.after()) + " or more.")));
            if (i.state() == Incident.State.OPEN && !now.isBefore(i.openedAt().plus(rules.config().ackReminder()))) {
                prompts.add(new IncidentState.Prompt(i.id(), IncidentState.Prompt.REMIND, i.level(), i.id()
                        + " (" + i.priority() + ") is not acknowledged: " + i.title()));
            }
        }
        List<String> problems = new ArrayList<>(store.problems());
        if (problem != null) {
            problems.add(0, problem);
        }
        return new IncidentState(incidents, timeline.subList(Math.max(0, timeline.size() - TIMELINE), timeline.size()),
                prompts, deadlines, blockedBy, problems.isEmpty() ? null : String.join("; ", problems));
    }

    // ---- what the operator does ------------------------------------------------------------------------------------

    /** Opens an incident by hand. */
    public synchronized Incident open(String title, Priority priority, List<String> services, String note)
            throws IOException {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an incident needs a title");
        }
        String[] id = new String[1];
        store.append(stored -> {
            IncidentBook book = new IncidentBook(stored, fold(stored));
            id[0] = book.open(clock.instant(), "manual", null, services.isEmpty() ? null : services.get(0),
                    title.strip(), priority);
            for (String s : services.subList(Math.min(1, services.size()), services.size())) {
                book.added.add(event(clock.instant(), IncidentEvent.AFFECTED, id[0], s, s + " affected", Map.of()));
            }
            if (note != null && !note.isBlank()) {
                book.added.add(event(clock.instant(), IncidentEvent.NOTE, id[0], null, note.strip(), Map.of()));
            }
            return book.added;
        });
        return find(id[0]);
    }

    public Incident acknowledge(String id, String who) throws IOException {
        return change(id, i -> {
            if (i.state() != Incident.State.OPEN) {
                throw new IllegalArgumentException(id + " is already " + i.state().name().toLowerCase());
            }
            return List.of(event(clock.instant(), IncidentEvent.ACKNOWLEDGED, id, null, "acknowledged by " + who,
                    Map.of("by", who)));
        });
    }

    public Incident resolve(String id, String note) throws IOException {
        return change(id, i -> {
            if (i.resolved()) {
                throw new IllegalArgumentException(id + " is already resolved");
            }
            return List.of(event(clock.instant(), IncidentEvent.RESOLVED, id, null,
                    note == null || note.isBlank() ? "resolved" : "resolved: " + note.strip(), Map.of()));
        });
    }

    public Incident reopen(String id, String why) throws IOException {
        return change(id, i -> {
            if (!i.resolved()) {
                throw new IllegalArgumentException(id + " is not resolved");
            }
            return List.of(event(clock.instant(), IncidentEvent.REOPENED, id, null,
                    why == null || why.isBlank() ? "reopened" : "reopened: " + why.strip(), Map.of()));
        });
    }

    public Incident note(String id, String text) throws IOException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the note is empty");
        }
        return change(id, i -> List.of(event(clock.instant(), IncidentEvent.NOTE, id, null, text.strip(), Map.of())));
    }

    public Incident priority(String id, Priority p) throws IOException {
        return change(id, i -> i.priority() == p ? List.of() : List.of(event(clock.instant(), IncidentEvent.PRIORITY,
                id, null, "priority " + i.priority() + " → " + p, Map.of("priority", p.name()))));
    }

    public Incident step(String id, String step, boolean done) throws IOException {
        if (!Incident.STEPS.contains(step)) {
            throw new IllegalArgumentException("'" + step + "' is not a step; one of "
                    + String.join(", ", Incident.STEPS));
        }
        return change(id, i -> i.stepsDone().contains(step) == done ? List.of() : List.of(event(clock.instant(),
                IncidentEvent.STEP, id, null, (done ? "done: " : "not done: ") + step,
                Map.of("step", step, "done", String.valueOf(done)))));
    }

    /**
     * Runs the escalation action of {@code level} (null: the level that is due, else the next one), then records the
     * escalation with its result. The action runs outside the store's lock: a slow webhook holds up nothing else.
     */
    public Incident escalate(String id, Integer level, List<String> keyLogLines) throws IOException {
        // The level is the one this desk saw due (or next); it is taken under the store's lock before anyone is
        // paged: of two escalations at once (two windows, a window and the CLI), the second finds the incident at
        // that level already and pages nobody.
        IncidentConfig.Level l = target(find(id), level);
        Incident i = change(id, x -> {
            if (x.resolved()) {
                throw new IllegalArgumentException(x.id() + " is resolved; reopen it first");
            }
            if (x.level() >= l.level()) {
                throw new IllegalArgumentException(x.id() + " is already at L" + x.level());
            }
            return List.of(event(clock.instant(), IncidentEvent.ESCALATING, x.id(), null, "escalating to "
                    + l.name() + " (" + l.role() + ")", Map.of("level", String.valueOf(l.level()))));
        });
        String link = reports.write(i, state().timeline(), keyLogLines, clock.instant()).toUri().toString();
        EscalationChannel.Result r = escalation.escalate(i, l, i.priority() + " " + i.title(), link);
        return change(id, x -> List.of(event(clock.instant(), IncidentEvent.ESCALATED, id, null,
                "escalated to " + l.name() + " — " + r.text(), Map.of("level", String.valueOf(l.level()),
                        "ok", String.valueOf(r.ok()), "link", link))));
    }

    /** The level {@code i} may be escalated to now: {@code level}, else the one due, else the next. */
    private IncidentConfig.Level target(Incident i, Integer level) {
        if (i.resolved()) {
            throw new IllegalArgumentException(i.id() + " is resolved; reopen it first");
        }
        Optional<IncidentConfig.Level> target = level != null ? rules.level(level)
                : rules.dueLevel(i, clock.instant()).or(() -> rules.nextLevel(i));
        if (target.isEmpty()) {
            throw new IllegalArgumentException(level != null ? "L" + level + " is not in the escalation matrix"
                    : i.id() + " is at " + "L" + i.level() + ", the top of its ladder for " + i.priority());
        }
        if (target.get().level() <= i.level()) {
            throw new IllegalArgumentException(i.id() + " is already at L" + i.level());
        }
        return target.get();
    }

    /** The incident report, Markdown, written next to the store; returns its path. */
    public Path report(String id, List<String> keyLogLines) throws IOException {
        return reports.write(IncidentArchive.find(this, id), state().timeline(), keyLogLines, clock.instant());
    }

    public Incident find(String id) {
        return fold(store.events()).stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no incident " + id));
    }

    private Incident change(String id, Function<Incident, List<IncidentEvent>> change) throws IOException {
        String[] found = new String[1];
        store.append(stored -> {
            Incident i = fold(stored).stream().filter(x -> x.id().equalsIgnoreCase(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no incident " + id));
            found[0] = i.id();
            return change.apply(i);
        });
        return find(found[0]);
    }

    // ---- observations ----------------------------------------------------------------------------------------------

    private void write(Function<List<IncidentEvent>, List<IncidentEvent>> change) {
        try {
            store.record(change);
            problem = null;
        } catch (IOException e) {
            problem = "incidents not saved: " + store.file() + ": " + e.getMessage();
        }
    }
}
