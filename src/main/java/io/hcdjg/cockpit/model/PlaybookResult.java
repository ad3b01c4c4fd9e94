package io.hcdjg.cockpit.model;

import java.util.List;

/**
 * A troubleshooting playbook (runbook §4.1–§4.5) as it was run: its symptoms checked live, its diagnosis with what
 * each step found, and the resolution steps to tick off.
 *
 * @param symptoms  each symptom with its level (UP: not present, DEGRADED / DOWN: present) and value
 * @param diagnosis each diagnosis step with what it found (the value may be several lines)
 */
public record PlaybookResult(String id, String title, List<CheckResult> symptoms, List<CheckResult> diagnosis,
                             List<String> resolution) {
    /** The playbooks, in the runbook's order. */
    public static final List<String> IDS = List.of("high-cpu", "high-memory", "slow-queries", "connection-pool",
            "disk-space");

    public PlaybookResult {
        symptoms = List.copyOf(symptoms);
        diagnosis = List.copyOf(diagnosis);
        resolution = List.copyOf(resolution);
    }

    public boolean present() {
        return symptoms.stream().anyMatch(s -> s.level() != HealthLevel.UP);
    }
}
