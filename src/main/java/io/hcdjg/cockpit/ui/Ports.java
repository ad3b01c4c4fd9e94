package io.hcdjg.cockpit.ui;

/** What the window asks of the cockpit behind it, one port per feature. */
public record Ports(ActionPort actions, LogPort logs, MonitoringPort monitoring, IncidentPort incidents,
                    RunbookPort runbook) {
}
