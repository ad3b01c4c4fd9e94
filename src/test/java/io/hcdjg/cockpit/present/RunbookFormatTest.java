package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.CertStatus;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.MaintenanceDue;
import io.hcdjg.cockpit.model.MaintenanceWindow;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.RunbookState;
import io.hcdjg.cockpit.ops.ProofReader;
import io.hcdjg.cockpit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The runbook panel from a recorded proof, backups, certificates, a checklist and the schedule. */
class RunbookFormatTest {
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final Path BACKUPS = Path.of("/var/backups/cockpit");

    @TempDir
    Path exports;

    /** The passing run of ProofReaderTest: the wrapper's status, the gate and the notebook report, as recorded. */
    private ProofStatus passingProof() throws Exception {
        write("deterministic-status.json", Fixtures.read("proof/status-pass.json"), "2026-11-28T06:12:40Z");
        write("demo-20261128T060000Z/failed_gate.txt", "none\n", "2026-11-28T06:12:30Z");
        write("demo-20261128T060000Z/notebook_run_report.tsv", Fixtures.read("proof/notebook_run_report-pass.tsv"),
                "2026-11-28T06:10:00Z");
        return ProofReader.read(exports, NOW, Duration.ofHours(24));
    }

    private void write(String path, String text, String modified) throws Exception {
        Path p = exports.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(modified)));
    }

    private static final List<CheckResult> CHECKS = List.of(new CheckResult("services up", HealthLevel.UP, "12 of 12"),
            new CheckResult("disk", HealthLevel.DEGRADED, "86 % used of 100 GB"),
            new CheckResult("errors", HealthLevel.UP, "0 in the last hour"));
    private static final BackupInfo BACKUP = new BackupInfo(BACKUPS.resolve("janusgraph-20261128T0200Z.tar.gz"),
            "janusgraph", NOW.minus(Duration.ofHours(6)).minusSeconds(20), 12_300_000, true);
    private static final List<CertStatus> CERTS = List.of(
            new CertStatus("config/certs/ca/ca-cert.pem", "CN=cockpit CA", NOW.plus(Duration.ofDays(300)), 300,
                    HealthLevel.UP, "expires 2027-09-24 (300 days)"),
            new CertStatus("config/certs/hcd/hcd-cert.pem", "CN=hcd", NOW.plus(Duration.ofDays(5)), 5,
                    HealthLevel.DOWN, "expires 2026-12-03 (5 days)"),
            new CertStatus("127.0.0.1:9042", "", null, 0, HealthLevel.DOWN, "no TLS on 127.0.0.1:9042"),
            new CertStatus("config/certs/grafana/grafana-cert.pem", "", null, 0, HealthLevel.UNKNOWN, "not found"));

    private RunbookState state(ProofStatus proof, MaintenanceWindow window) {
        return new RunbookState(proof, List.of(BACKUP), new CheckResult("backup", HealthLevel.UP, "6 h old"), CERTS,
                List.of(new MaintenanceDue("Log rotation", "daily 02:00", Duration.ofMinutes(15),
                        Instant.parse("2026-11-29T02:00:00Z"))), window, CHECKS, NOW.minusSeconds(3600), NOW);
    }

    @Test
    void theWholePanel() throws Exception {
        RunbookModel m = RunbookFormat.present(state(passingProof(), null), NOW, ZoneOffset.UTC);
        assertEquals(List.of("Morning checklist|1 warn|2 pass · 1 warn · 0 fail · 11-28 07:00|ck-warn",
                        "Deterministic proof|PASS|PASS: exit 0, gate none, 3 of 3 notebooks PASS|ck-ok",
                        "Last backup|6 h ago|1 kept · 6 h old|ck-ok",
                        "Certificates|5 days|soonest: hcd-cert.pem · 2 of 4 found|ck-crit"),
                m.tiles().stream().map(t -> t.title() + "|" + t.word() + "|" + t.detail() + "|" + t.styleClass())
                        .toList());
        assertEquals("saved 2026-11-28 07:00:00", m.checklist().at());
        assertEquals(List.of("PASS ck-ok services up 12 of 12", "WARN ck-warn disk 86 % used of 100 GB",
                        "PASS ck-ok errors 0 in the last hour"),
                m.checklist().rows().stream().map(r -> r.badge() + " " + r.styleClass() + " " + r.name() + " "
                        + r.value()).toList());
        assertEquals("PASS: exit 0, gate none, 3 of 3 notebooks PASS", m.proofSummary());
        assertEquals("exports: " + exports + "\nstatus: exit 0, written 2026-11-28T06:12:40.123Z\nrun: "
                + "demo-20261128T060000Z, gate none — every gate passed", m.proofDetail());
        assertEquals(3, m.notebooks().size());
        assertEquals("PASS     01_Sanctions_Screening_Demo.ipynb                    exit 0       41 s   0 error cells",
                m.notebooks().get(0));
        assertEquals(List.of("janusgraph-20261128T0200Z.tar.gz    6 h old    12.3 MB    encrypted"),
                m.backups().stream().map(RunbookModel.BackupRow::text).toList());
        assertEquals(BACKUP.file(), m.backups().get(0).file());
        assertEquals(List.of("OK ck-ok", "CRITICAL ck-crit", "NO TLS ck-crit", "MISSING ck-unknown"),
                m.certificates().stream().map(c -> c.badge() + " " + c.styleClass()).toList());
        assertEquals(List.of("Log rotation|daily 02:00|15 min|next Sun 2026-11-29 02:00"), m.schedule().stream()
                .map(r -> r.task() + "|" + r.when() + "|" + r.duration() + "|" + r.next()).toList());
        assertEquals("not in maintenance", m.maintenance());
        assertEquals("Maintenance mode on…", m.maintenanceButton());
    }

    @Test
    void inMaintenanceAndBeforeAnythingWasRead() {
        RunbookModel m = RunbookFormat.present(state(null, new MaintenanceWindow(NOW, NOW.plus(Duration.ofHours(2)),
                "s-1", "HCD upgrade", "alice")), NOW, ZoneOffset.UTC);
        assertEquals("in maintenance until 10:00 — HCD upgrade (alice); this stack's alerts silenced", m.maintenance());
        assertEquals("End maintenance mode", m.maintenanceButton());
        assertEquals(true, m.inMaintenance());
        assertEquals("", m.proofSummary());

        RunbookModel none = RunbookFormat.present(RunbookState.none(), NOW, ZoneOffset.UTC);
        assertEquals(List.of("not run|run it from the Checklist tab", "…|reading exports/",
                        "…|reading the backup directory", "none found|0 configured, none found (the deployed stack "
                                + "serves no TLS)"),
                none.tiles().stream().map(t -> t.word() + "|" + t.detail()).toList());
        assertNull(none.checklist().at());
        assertEquals(List.of(), none.notebooks());
    }

    @Test
    void rowsAndAges() {
        assertEquals("under a minute", RunbookFormat.age(Duration.ofSeconds(59)));
        assertEquals("1 h 1 min", RunbookFormat.age(Duration.ofSeconds(3661)));
        assertEquals("janusgraph-20261128T0200Z.tar.gz    under a minute old    12.3 MB    encrypted",
                RunbookFormat.backupRow(BACKUP, BACKUP.createdAt().plusSeconds(3)));
        assertEquals("ck-crit", RunbookFormat.style(new CheckResult("x", HealthLevel.DOWN, "")));
        RunbookModel.Checklist fail = RunbookFormat.checklist(List.of(new CheckResult("proof", HealthLevel.DOWN,
                "gate G8")), NOW, ZoneOffset.UTC);
        assertEquals("FAIL", fail.rows().get(0).badge());
        assertEquals("saved 2026-11-28 08:00:00", fail.at());
        assertEquals("1 fail", RunbookFormat.checklist(state(null, null).withChecklist(List.of(new CheckResult("proof",
                HealthLevel.DOWN, "gate G8")), NOW), ZoneOffset.UTC).word());
    }
}
