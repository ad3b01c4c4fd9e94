package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.config.RunbookConfig;
import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.CertStatus;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.RunbookState;
import io.hcdjg.cockpit.model.MaintenanceDue;
import io.hcdjg.cockpit.model.MaintenanceWindow;
import io.hcdjg.cockpit.ops.Backups;
import io.hcdjg.cockpit.ops.Maintenance;
import io.hcdjg.cockpit.ops.MaintenanceSchedule;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import io.hcdjg.cockpit.ops.Certificates;
import io.hcdjg.cockpit.ops.ProofReader;
import io.hcdjg.cockpit.ops.RunbookPaths;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import io.hcdjg.cockpit.ops.Checklist;
import java.time.ZoneOffset;

/**
 * Once a minute, on its own thread: the deterministic proof from the exports files, the backup list, the certificates'
 * expiry (files, and TLS endpoints by handshake), the maintenance schedule and mode, published into the snapshot.
 */
public final class RunbookPoller implements AutoCloseable {
    static final Duration EVERY = Duration.ofMinutes(1);

    private final RunbookConfig config;
    private final Backups backups;
    private final Maintenance maintenance;
    private final Map<String, String> env;
    private final SnapshotStore store;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> schedule;

    public RunbookPoller(RunbookConfig config, Backups backups, Maintenance maintenance, Map<String, String> env,
                         SnapshotStore store, Clock clock, ScheduledExecutorService scheduler) {
        this.config = config;
        this.maintenance = maintenance;
        this.backups = backups;
        this.env = env;
        this.store = store;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    public void start() {
        schedule = scheduler.scheduleWithFixedDelay(Rounds.guarded("runbook poller", this::read, why -> { }), 2,
                EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Reads again now, off the caller's thread (after a backup or restore). */
    public void refresh() {
        scheduler.execute(this::read);
    }

    /** Where the runbook's files are: the configured checkout, else where the compose project was started from. */
    public Path repo() {
        return RunbookPaths.repo(config, store.get().podman().containers().stream().map(ContainerStatus::info).toList(),
                env, Path.of("").toAbsolutePath());
    }

    /** Reads everything now, on the caller's thread, publishes it and returns it. */
    public RunbookState read() {
        Instant now = clock.instant();
        Path repo = repo();
        ProofStatus proof = ProofReader.read(repo.resolve("exports"), now, config.proofMaxAge());
        List<BackupInfo> list;
        try {
            list = backups.list();
        } catch (IOException e) {
            list = List.of();
        }
        List<CertStatus> certs = new Certificates(config.certWarnDays(), config.certCriticalDays(),
                Duration.ofSeconds(5)).check(config.certificates(), repo, config.tlsEndpoints(), now);
        List<BackupInfo> found = list;
        var age = Checklist.backup(found, config.backupWarnAge(), now);
        List<MaintenanceDue> schedule = schedule(now);
        MaintenanceWindow window = maintenance.active().orElse(null);
        return store.update(s -> s.withRunbook(new RunbookState(proof, found, age, certs, schedule, window,
                s.runbook().checklist(), s.runbook().checkedAt(), now), now)).runbook();
    }

    private List<MaintenanceDue> schedule(Instant now) {
        ZonedDateTime local = now.atZone(clock.getZone().equals(ZoneOffset.UTC)
                ? ZoneId.systemDefault() : clock.getZone());
        return config.maintenance().stream().map(t -> new MaintenanceDue(t.task(), t.every()
                + (t.day().isEmpty() ? "" : " " + t.day()) + (t.at() == null ? " (not decided)" : " " + t.at()),
                t.duration(), MaintenanceSchedule.next(t, local).map(ZonedDateTime::toInstant).orElse(null))).toList();
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
