package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.model.Alert;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;
import io.hcdjg.cockpit.model.IncidentState;
import io.hcdjg.cockpit.model.LogClass;
import io.hcdjg.cockpit.model.LogSummary;
import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityState;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens incidents from what the stack does (health transitions, firing alerts, log spikes) and from the operator, times
 * them, escalates them and records everything in the {@link IncidentStore}. The window and the CLI work on the same
 * store through this class; the window's watcher feeds it snapshots and ticks it.
 */
public final class IncidentDesk {
    /** How much of the whole stack's timeline the state carries. */
    static final int TIMELINE = 2000;

    private final IncidentRules rules;
    private final Map<String, List<String>> dependencies;
    private final IncidentStore store;
    private final EscalationChannel escalation;
    private final ActionHistory actions;
    private final IncidentReport reports;
    private final Clock clock;

    // What the last observation saw, so that only changes are recorded. Seeded from the store on the first one.
    private final Map<String, HealthLevel> lastLevel = new HashMap<>();
    private final Map<String, String> firing = new HashMap<>(); // fingerprint → the alert's text
    private final Set<String> spiking = new HashSet<>();
    private boolean seeded;
    private Instant lastRound;
    private Map<String, String> blockedBy = Map.of();
    private String problem;

    public IncidentDesk(IncidentRules rules, Map<String, List<String>> dependencies, IncidentStore store,
                        EscalationChannel escalation, ActionHistory actions, IncidentReport reports, Clock clock) {
        this.rules = rules;
        this.dependencies = dependencies;
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
        // Until podman has listed the project, a service without a container cannot be told from a failed one.
        PodmanState podman = s.podman();
        boolean podmanPending = !podman.target().isEmpty() && podman.listedAt() == null && podman.problem() == null;
        boolean roundDone = !podmanPending && s.lastRoundAt() != null && !s.lastRoundAt().equals(lastRound);
        if (!podmanPending) {
            lastRound = s.lastRoundAt();
        }
        // Not deployed needs both: no container in the project and nothing answering the probe. A service that
        // answers (a sealed Vault's 503) is deployed even when podman shows nothing, e.g. a stack on another host.
        Set<String> undeployed = new HashSet<>();
        if (podman.listedAt() != null && podman.problem() == null) {
            s.services().stream().filter(x -> podman.of(x.name()).isEmpty() && !x.health().reached())
                    .map(ServiceStatus::name).forEach(undeployed::add);
        }
        Dependencies deps = new Dependencies(s.services(), dependencies, undeployed);
        blockedBy = deps.blockedBy();
        Map<String, String> blocked = blockedBy;
        write(stored -> {
            seed(stored);
            Book book = new Book(stored, fold(stored));
            Instant now = clock.instant();
            // Health only at the end of a round: a dependent answers before its upstream's probe times out, and must
            // not open an incident of its own before the upstream is seen DOWN.
            if (roundDone) {
                List<ServiceStatus> order = new ArrayList<>(s.services());
                order.sort(Comparator.comparing(x -> blocked.containsKey(x.name())));
                boolean maintenance = s.runbook().maintenance() != null;
                order.forEach(x -> health(book, x, blocked, undeployed.contains(x.name()) || maintenance,
                        maintenance ? " (in maintenance)" : " (no container in the project)", now));
            }
            if (s.monitoring().at() != null && s.monitoring().alertmanagerProblem() == null) {
                alerts(book, s.monitoring().alerts(), deps, now);
            }
            s.logs().forEach(l -> logs(book, l, s.security(), deps, now));
            return book.added;
        });
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
                                + ") is due: unresolved for " + io.hcdjg.cockpit.config.Durations.words(l.after()),
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
                    + ")? Unresolved for " + io.hcdjg.cockpit.config.Durations.words(l.after()) + " or more.")));
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
    public synchronized Incident open(String title, Priority priority, List<String> services, String note) throws IOException {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an incident needs a title");
        }
        String[] id = new String[1];
        store.append(stored -> {
            Book book = new Book(stored, fold(stored));
            id[0] = book.open(clock.instant(), "manual", null, services.isEmpty() ? null : services.get(0), title.strip(),
                    priority);
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
            throw new IllegalArgumentException("'" + step + "' is not a step; one of " + String.join(", ", Incident.STEPS));
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
        Incident i = find(id);
        if (i.resolved()) {
            throw new IllegalArgumentException(id + " is resolved; reopen it first");
        }
        Optional<IncidentConfig.Level> target = level != null ? rules.level(level)
                : rules.dueLevel(i, clock.instant()).or(() -> rules.nextLevel(i));
        if (target.isEmpty()) {
            throw new IllegalArgumentException(level != null ? "L" + level + " is not in the escalation matrix"
                    : id + " is at " + "L" + i.level() + ", the top of its ladder for " + i.priority());
        }
        if (target.get().level() <= i.level()) {
            throw new IllegalArgumentException(id + " is already at L" + i.level());
        }
        IncidentConfig.Level l = target.get();
        String link = reports.write(i, state().timeline(), keyLogLines, clock.instant()).toUri().toString();
        EscalationChannel.Result r = escalation.escalate(i, l, i.priority() + " " + i.title(), link);
        return change(id, x -> List.of(event(clock.instant(), IncidentEvent.ESCALATED, id, null,
                "escalated to " + l.name() + " — " + r.text(), Map.of("level", String.valueOf(l.level()),
                        "ok", String.valueOf(r.ok()), "link", link))));
    }

    /** The incident report, Markdown, written next to the store; returns its path. */
    public java.nio.file.Path report(String id, List<String> keyLogLines) throws IOException {
        return reports.write(find(id), state().timeline(), keyLogLines, clock.instant());
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
            store.append(change);
            problem = null;
        } catch (IOException e) {
            problem = "incidents not saved: " + store.file() + ": " + e.getMessage();
        }
    }

    /** After a restart, what is already recorded is not recorded again. */
    private void seed(List<IncidentEvent> stored) {
        if (seeded) {
            return;
        }
        seeded = true;
        Instant recent = clock.instant().minus(rules.config().spikeWindow());
        for (IncidentEvent e : stored) {
            switch (e.type()) {
                case IncidentEvent.HEALTH -> lastLevel.put(e.service(), HealthLevel.valueOf(e.get("to")));
                case IncidentEvent.ALERT -> {
                    if ("firing".equals(e.get("state"))) {
                        firing.put(e.get("fingerprint"), e.text());
                    } else {
                        firing.remove(e.get("fingerprint"));
                    }
                }
                case IncidentEvent.LOG_SPIKE -> {
                    if (e.time().isAfter(recent)) {
                        spiking.add(e.service() + "|" + e.get("class"));
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * @param quiet a transition is recorded, no incident opens: the project has no container of it, or the stack is in
     *              maintenance; {@code why} says which
     */
    private void health(Book book, ServiceStatus x, Map<String, String> blocked, boolean quiet, String why,
                        Instant now) {
        if (x.checkedAt() == null) {
            return;
        }
        HealthLevel level = x.health().level();
        HealthLevel prev = lastLevel.put(x.name(), level);
        if (prev == level || prev == null && level == HealthLevel.UP) {
            return;
        }
        String upstream = blocked.get(x.name());
        String text = x.name() + " " + (prev == null ? "" : prev + " → ") + level + ": " + x.health().reason();
        String incident;
        if (quiet) {
            text += why;
            incident = book.open.get("health:" + x.name());
        } else if (upstream != null) {
            text += " (blocked by " + upstream + ")";
            incident = book.open.get("health:" + upstream);
            book.affects(incident, x.name(), now);
        } else {
            incident = book.open.get("health:" + x.name());
            if (incident == null && level != HealthLevel.DOWN && level != HealthLevel.DEGRADED) {
                incident = book.incidentOf(x.name()); // recovered: on the timeline of the incident it was part of
            }
            if (incident == null && (level == HealthLevel.DOWN || level == HealthLevel.DEGRADED)) {
                String title = x.name() + " " + level + ": " + x.health().reason();
                incident = rules.forHealth(level == HealthLevel.DOWN ? "down" : "degraded", x.name())
                        .map(p -> book.open(now, "health", "health:" + x.name(), x.name(), title, p)).orElse(null);
            }
        }
        book.added.add(event(now, IncidentEvent.HEALTH, incident, x.name(), text,
                Map.of("from", prev == null ? "" : prev.name(), "to", level.name())));
    }

    private void alerts(Book book, List<Alert> alerts, Dependencies deps, Instant now) {
        Map<String, Alert> active = new LinkedHashMap<>();
        alerts.stream().filter(Alert::firing).forEach(a -> active.put(a.fingerprint(), a));
        for (Alert a : active.values()) {
            String service = a.service() == null || a.service().isBlank() ? null : a.service();
            String upstream = service == null ? null : deps.downUpstream(service);
            if (firing.containsKey(a.fingerprint()) || upstream != null && !book.open.containsKey("health:" + upstream)) {
                continue; // recorded already, or wait for the upstream's incident (it opens at the end of the round)
            }
            String text = a.name() + " firing" + (service == null ? "" : " on " + service)
                    + (a.summary().isBlank() ? "" : ": " + a.summary());
            firing.put(a.fingerprint(), text);
            String home = upstream != null ? upstream : service;
            String incident = home == null ? null : book.open.get("health:" + home);
            String key = "alert:" + a.name() + ":" + (service == null ? "" : service);
            if (incident == null) {
                incident = book.open.get(key);
            }
            if (incident == null) {
                incident = rules.forAlert(a.name(), a.severity(), service)
                        .map(p -> book.open(now, "alert", key, service, "Alert " + text, p)).orElse(null);
            } else {
                book.affects(incident, service, now);
            }
            book.added.add(event(now, IncidentEvent.ALERT, incident, service, text, Map.of("fingerprint",
                    a.fingerprint(), "state", "firing", "severity", a.severity() == null ? "" : a.severity())));
        }
        for (var it = firing.entrySet().iterator(); it.hasNext(); ) {
            var f = it.next();
            if (!active.containsKey(f.getKey())) {
                it.remove();
                String text = f.getValue().replaceFirst(" firing", " resolved");
                String incident = book.alertIncident.get(f.getKey());
                book.added.add(event(now, IncidentEvent.ALERT, incident, null, text,
                        Map.of("fingerprint", f.getKey(), "state", "resolved")));
            }
        }
    }

    /**
     * Log classes whose spikes are counted from the security events (the audit log included) once the watcher has
     * read them: failed authentications and destructive statements as runbook §8.1 counts them, not log lines.
     */
    private static final Map<LogClass, SecurityEvent.Category> SECURITY_COUNTED = Map.of(
            LogClass.AUTH_FAILURE, SecurityEvent.Category.AUTH_FAILURE,
            LogClass.DESTRUCTIVE, SecurityEvent.Category.DESTRUCTIVE);

    private void logs(Book book, LogSummary l, SecurityState security, Dependencies deps, Instant now) {
        String upstream = deps.downUpstream(l.service());
        if (upstream != null && !book.open.containsKey("health:" + upstream)) {
            return; // errors because something it needs is down: they join that incident once it is open
        }
        for (int c = 0; c < l.recent().size() && c < LogClass.ALL.size(); c++) {
            LogClass lc = LogClass.ALL.get(c);
            String cls = lc.key();
            SecurityEvent.Category counted = security.at() == null ? null : SECURITY_COUNTED.get(lc);
            int count = counted == null ? l.recent().get(c)
                    : security.count(l.service(), counted, now.minus(rules.config().spikeWindow()));
            String latch = l.service() + "|" + cls;
            Optional<IncidentConfig.Rule> rule = rules.forLogs(l.service(), cls, count);
            if (rule.isEmpty()) {
                spiking.remove(latch);
                continue;
            }
            if (!spiking.add(latch)) {
                continue;
            }
            String what = counted != null ? counted.count(count)
                    : count + " " + lc.word() + " line" + (count == 1 ? "" : "s");
            String text = what + " in " + io.hcdjg.cockpit.config.Durations.words(
                    rules.config().spikeWindow()) + " on " + l.service();
            String key = "logs:" + l.service() + ":" + cls;
            String home = upstream != null ? upstream : l.service();
            String incident = book.open.getOrDefault("health:" + home, book.open.get(key));
            if (incident == null) {
                incident = book.open(now, "log-spike", key, l.service(), text, rule.get().priority());
            } else {
                book.affects(incident, l.service(), now);
            }
            book.added.add(event(now, IncidentEvent.LOG_SPIKE, incident, l.service(), text,
                    Map.of("class", cls, "count", String.valueOf(count))));
        }
    }

    static IncidentEvent event(Instant at, String type, String incident, String service, String text,
                               Map<String, String> data) {
        return new IncidentEvent(at, type, incident, service, text, data);
    }

    /** The unresolved incidents by key while one write is prepared, and what it adds. */
    private static final class Book {
        final Map<String, String> open = new HashMap<>();
        final Map<String, List<String>> services = new HashMap<>();
        final Map<String, String> alertIncident = new HashMap<>();
        final List<IncidentEvent> added = new ArrayList<>();
        int opened;

        Book(List<IncidentEvent> stored, List<Incident> incidents) {
            for (Incident i : incidents) {
                opened++;
                if (!i.resolved() && i.key() != null) {
                    open.put(i.key(), i.id());
                    services.put(i.id(), new ArrayList<>(i.services()));
                }
            }
            for (IncidentEvent e : stored) {
                if (e.type().equals(IncidentEvent.ALERT) && e.incident() != null) {
                    alertIncident.put(e.get("fingerprint"), e.incident());
                }
            }
        }

        String open(Instant now, String source, String key, String service, String title, Priority p) {
            String id = "INC-%04d".formatted(++opened);
            Map<String, String> data = new HashMap<>(Map.of("priority", p.name(), "source", source));
            if (key != null) {
                data.put("key", key);
                open.put(key, id);
            }
            services.put(id, new ArrayList<>(service == null ? List.of() : List.of(service)));
            added.add(event(now, IncidentEvent.OPENED, id, service, title, data));
            return id;
        }

        void affects(String incident, String service, Instant now) {
            if (incident != null && service != null && !services.get(incident).contains(service)) {
                services.get(incident).add(service);
                added.add(event(now, IncidentEvent.AFFECTED, incident, service, service + " affected", Map.of()));
            }
        }

        String incidentOf(String service) {
            return services.entrySet().stream().filter(e -> e.getValue().contains(service)).map(Map.Entry::getKey)
                    .sorted().findFirst().orElse(null);
        }

    }
}
