package io.hcdjg.cockpit.model;

import java.time.Instant;
import java.util.List;

/**
 * What the runbook panel shows between runs: the deterministic proof, the backups, the certificates, and the latest
 * checklist.
 *
 * @param proof     null before the first read
 * @param lastBackup the checklist's judgement of the newest backup's age, null before the first read
 * @param schedule  the routine maintenance tasks with their next due times
 * @param maintenance the maintenance window in force, or null
 * @param checklist the latest checklist run in this window, empty before one
 * @param checkedAt when the checklist ran, null before
 */
public record RunbookState(ProofStatus proof, List<BackupInfo> backups, CheckResult lastBackup,
                           List<CertStatus> certificates, List<MaintenanceDue> schedule,
                           MaintenanceWindow maintenance, List<CheckResult> checklist, Instant checkedAt, Instant at) {
    public RunbookState {
        backups = List.copyOf(backups);
        certificates = List.copyOf(certificates);
        checklist = List.copyOf(checklist);
        schedule = List.copyOf(schedule);
    }

    public static RunbookState none() {
        return new RunbookState(null, List.of(), null, List.of(), List.of(), null, List.of(), null, null);
    }

    public RunbookState withChecklist(List<CheckResult> results, Instant ranAt) {
        return new RunbookState(proof, backups, lastBackup, certificates, schedule, maintenance, results, ranAt, at);
    }
}
