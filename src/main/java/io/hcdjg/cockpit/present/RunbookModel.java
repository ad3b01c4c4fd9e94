package io.hcdjg.cockpit.present;

import java.nio.file.Path;
import java.util.List;

/**
 * The runbook panel, already worded: summary tiles, the latest checklist, the proof, the backups, the certificates
 * and the maintenance schedule. The view copies these into nodes.
 *
 * @param proofDetail  exports, status file and gate, one per line; empty before the first read
 * @param notebooks    one line per notebook of the proof, problems after them
 * @param maintenance  "not in maintenance", or until when, why and by whom
 * @param maintenanceButton what the maintenance-mode button does now
 * @param inMaintenance     a maintenance window is in force
 */
public record RunbookModel(List<RunbookFormat.Tile> tiles, Checklist checklist, String proofSummary,
                           String proofDetail, List<String> notebooks, List<BackupRow> backups,
                           List<CertRow> certificates, List<ScheduleRow> schedule, String maintenance,
                           String maintenanceButton, boolean inMaintenance) {
    public RunbookModel {
        tiles = List.copyOf(tiles);
        notebooks = List.copyOf(notebooks);
        backups = List.copyOf(backups);
        certificates = List.copyOf(certificates);
        schedule = List.copyOf(schedule);
    }

    /** @param at "saved 2026-12-02 08:00:00", or null before a run */
    public record Checklist(List<CheckRow> rows, String at) {
        public Checklist {
            rows = List.copyOf(rows);
        }
    }

    /** @param badge "PASS", "WARN", "FAIL"… */
    public record CheckRow(String badge, String styleClass, String name, String value) {
    }

    /** @param file the backup, for Restore */
    public record BackupRow(String text, Path file) {
    }

    /** @param badge "OK", "WARN", "CRITICAL", "NO TLS", "MISSING" */
    public record CertRow(String badge, String styleClass, String source, String subject, String text) {
    }

    public record ScheduleRow(String task, String when, String duration, String next) {
    }
}
