package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.CertStatus;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.MaintenanceDue;
import io.hcdjg.cockpit.model.MaintenanceWindow;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.RunbookState;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;

/** How the runbook panel reads: its summary tiles, its rows, the maintenance schedule. Pure. */
public final class RunbookFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private RunbookFormat() {
    }

    /** A summary tile: its headline word, the line under it, and its colour. */
    public record Tile(String id, String title, String word, String detail, String styleClass) {
    }

    /** The whole panel from the poller's state. */
    public static RunbookModel present(RunbookState r, Instant now, ZoneId zone) {
        ProofStatus p = r.proof();
        List<String> notebooks = new ArrayList<>();
        if (p != null) {
            p.notebooks().rows().forEach(x -> notebooks.add(notebookRow(x)));
            p.notebooks().problems().forEach(x -> notebooks.add("! " + x));
        }
        MaintenanceWindow w = r.maintenance();
        String maintenance = w == null ? "not in maintenance" : "in maintenance until "
                + HH_MM.format(w.until().atZone(zone)) + " — " + w.reason() + " (" + w.by()
                + "); this stack's alerts silenced";
        return new RunbookModel(tiles(r, zone), checklist(r.checklist(), r.checkedAt(), zone),
                p == null ? "" : p.summary(), p == null ? "" : proofDetail(p), notebooks,
                r.backups().stream().map(b -> new RunbookModel.BackupRow(backupRow(b, now), b.file())).toList(),
                r.certificates().stream().map(RunbookFormat::certificate).toList(),
                r.schedule().stream().map(t -> schedule(t, zone)).toList(), maintenance,
                w == null ? "Maintenance mode on…" : "End maintenance mode", w != null);
    }

    /** A checklist run's rows, and when it was saved. */
    public static RunbookModel.Checklist checklist(List<CheckResult> results, Instant at, ZoneId zone) {
        return new RunbookModel.Checklist(results.stream().map(c -> new RunbookModel.CheckRow(
                c.word().toUpperCase(Locale.ROOT), style(c), c.name(), c.value())).toList(),
                at == null ? null : "saved " + SAVED.format(at.atZone(zone)));
    }

    static String proofDetail(ProofStatus p) {
        return "exports: " + p.exports()
                + (p.status().file() == null ? "" : "\nstatus: exit " + p.status().exitCode() + ", written "
                + p.status().timestamp() + (p.status().problems().isEmpty() ? ""
                : " — " + String.join("; ", p.status().problems())))
                + (p.gate().runDir() == null ? "" : "\nrun: " + p.gate().runDir().getFileName() + ", gate "
                + (p.gate().token() == null || p.gate().token().isEmpty() ? "(empty)" : p.gate().token()) + " — "
                + p.gate().meaning());
    }

    static RunbookModel.CertRow certificate(CertStatus c) {
        String word = switch (c.level()) {
            case UP -> "OK";
            case DEGRADED -> "WARN";
            case DOWN -> c.notAfter() == null ? "NO TLS" : "CRITICAL";
            default -> "MISSING";
        };
        return new RunbookModel.CertRow(word, HealthFormat.styleClass(c.level()), c.source(), c.subject(), c.text());
    }

    static RunbookModel.ScheduleRow schedule(MaintenanceDue t, ZoneId zone) {
        return new RunbookModel.ScheduleRow(t.task(), t.when(), Durations.words(t.duration()),
                t.next() == null ? "—" : "next " + NEXT.format(t.next().atZone(zone)));
    }

    public static List<Tile> tiles(RunbookState r, ZoneId zone) {
        return List.of(checklist(r, zone), proof(r.proof()), backup(r), certificates(r.certificates()));
    }

    static Tile checklist(RunbookState r, ZoneId zone) {
        if (r.checkedAt() == null) {
            return new Tile("checklist", "Morning checklist", "not run", "run it from the Checklist tab",
                    HealthFormat.STYLE_UNKNOWN);
        }
        long fail = r.checklist().stream().filter(c -> c.word().equals("fail")).count();
        long warn = r.checklist().stream().filter(c -> c.word().equals("warn")).count();
        HealthLevel level = fail > 0 ? HealthLevel.DOWN : warn > 0 ? HealthLevel.DEGRADED : HealthLevel.UP;
        return new Tile("checklist", "Morning checklist",
                fail > 0 ? fail + " fail" : warn > 0 ? warn + " warn" : "all pass",
                (r.checklist().size() - fail - warn) + " pass · " + warn + " warn · " + fail + " fail · "
                        + TIME.format(r.checkedAt().atZone(zone)), HealthFormat.styleClass(level));
    }

    static Tile proof(ProofStatus p) {
        if (p == null) {
            return new Tile("proof", "Deterministic proof", "…", "reading exports/", HealthFormat.STYLE_UNKNOWN);
        }
        String word = switch (p.verdict()) {
            case UP -> "PASS";
            case DEGRADED -> "stale";
            case DOWN -> "FAIL";
            default -> "not proven";
        };
        return new Tile("proof", "Deterministic proof", word, p.summary(), HealthFormat.styleClass(p.verdict()));
    }

    static Tile backup(RunbookState r) {
        if (r.lastBackup() == null) {
            return new Tile("backup", "Last backup", "…", "reading the backup directory", HealthFormat.STYLE_UNKNOWN);
        }
        String word = r.backups().isEmpty() ? "none" : r.lastBackup().value().split(" old")[0] + " ago";
        return new Tile("backup", "Last backup", word, r.backups().size() + " kept · " + r.lastBackup().value(),
                HealthFormat.styleClass(r.lastBackup().level()));
    }

    static Tile certificates(List<CertStatus> certs) {
        List<CertStatus> read = certs.stream().filter(c -> c.notAfter() != null).toList();
        if (read.isEmpty()) {
            return new Tile("certificates", "Certificates", "none found", certs.size() + " configured, none found "
                    + "(the deployed stack serves no TLS)", HealthFormat.STYLE_UNKNOWN);
        }
        CertStatus soonest = read.stream().min(Comparator.comparing(CertStatus::daysLeft)).orElseThrow();
        return new Tile("certificates", "Certificates",
                soonest.daysLeft() < 0 ? "expired" : soonest.daysLeft() + " days",
                "soonest: " + Path.of(soonest.source()).getFileName() + " · " + read.size() + " of "
                        + certs.size() + " found", HealthFormat.styleClass(soonest.level()));
    }

    public static String style(CheckResult r) {
        return HealthFormat.styleClass(r.level());
    }

    public static String backupRow(BackupInfo b, Instant now) {
        return b.file().getFileName() + "    " + age(Duration.between(b.createdAt(), now)) + " old    " + b.size()
                + (b.encrypted() ? "    encrypted" : "");
    }

    public static String notebookRow(ProofStatus.Row r) {
        return String.format(Locale.ROOT, "%-8s %-52s exit %-4d %5d s   %d error cells", r.status(), r.notebook(),
                r.exitCode(), r.durationS(), r.errorCells());
    }

    static String age(Duration d) {
        return d.toMinutes() < 1 ? "under a minute" : Durations.words(d.truncatedTo(ChronoUnit.MINUTES));
    }
}
