package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.Escalator;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.testing.MutableClock;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A desk on the shipped config (or another ladder), a store in a temp dir and a clock moved by hand. It escalates
 * through the real {@code ops.Escalator}, as {@code app} wires it; public for the escalation test in {@code ops}.
 */
public final class DeskFixture {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z"); // a Friday

    final MutableClock clock = new MutableClock(T0);
    final CockpitConfig config;
    final Path dir;
    public final AuditLog audit;
    public final IncidentDesk desk;
    private StackSnapshot snapshot;
    private int rounds;

    DeskFixture(Path dir) throws Exception {
        this(dir, null);
    }

    public DeskFixture(Path dir, List<IncidentConfig.Level> ladder) throws Exception {
        this(dir, ladder, Redaction.DEFAULT);
    }

    /** @param redaction what the audit log, the store, the report and the escalations' processes hide */
    public DeskFixture(Path dir, List<IncidentConfig.Level> ladder, Redaction redaction) throws Exception {
        this.dir = dir;
        CockpitConfig shipped = new ConfigLoader(Map.of("HOME", dir.toString())).load(Optional.empty()).config();
        IncidentConfig ic = shipped.incidents();
        if (ladder != null) {
            ic = new IncidentConfig(ic.responseTimes(), ic.ackReminder(), ic.spikeWindow(), ic.rules(), ladder);
        }
        config = shipped;
        audit = new AuditLog(dir.resolve("audit.jsonl"), clock, redaction);
        IncidentRules rules = new IncidentRules(ic, ZoneOffset.UTC);
        desk = new IncidentDesk(rules, shipped.dependencies(), new IncidentStore(dir.resolve("incidents.jsonl"),
                redaction), new Escalator(new ProcessGateway(redaction), HttpClient.newHttpClient(), audit),
                new ActionHistory(audit.file()), new IncidentReport(dir.resolve("reports"), ZoneOffset.UTC, rules,
                redaction), clock);
        List<ServiceStatus> all = new ArrayList<>();
        for (var s : shipped.shownServices()) {
            all.add(new ServiceStatus(s.name(), s.probe(), s.endpoint(), Health.up("ok"), List.of(), T0, 0, null));
        }
        snapshot = StackSnapshot.initial(T0, "test", "test", false, List.of()).withServices(all, T0);
    }

    /** One finished round in which the named services answer with {@code h}; the others as before. */
    public StackSnapshot round(Health h, String... names) {
        // each round ends at its own instant, as real rounds do, even while the test's clock stands still
        snapshot = services(h, names).withRoundFinished(clock.instant().plusNanos(++rounds), Duration.ofSeconds(1));
        desk.observe(snapshot);
        return snapshot;
    }

    /** Answers in the middle of a round: not a finished round. */
    StackSnapshot services(Health h, String... names) {
        List<String> which = List.of(names);
        List<ServiceStatus> out = new ArrayList<>();
        for (ServiceStatus s : snapshot.services()) {
            out.add(which.contains(s.name()) ? new ServiceStatus(s.name(), s.kind(), s.endpoint(), h, List.of(),
                    clock.instant(), 0, null) : s);
        }
        snapshot = snapshot.withServices(out, clock.instant());
        return snapshot;
    }

    StackSnapshot snapshot() {
        return snapshot;
    }

    StackSnapshot observe(StackSnapshot s) {
        snapshot = s;
        desk.observe(s);
        return s;
    }

    static ServiceStatus status(String name, ProbeKind kind, Health h, Instant at) {
        return new ServiceStatus(name, kind, name, h, List.of(), at, 0, null);
    }
}
