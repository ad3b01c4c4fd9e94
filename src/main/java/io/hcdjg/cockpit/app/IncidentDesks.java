package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.incidents.ActionHistory;
import io.hcdjg.cockpit.incidents.IncidentDesk;
import io.hcdjg.cockpit.incidents.IncidentReport;
import io.hcdjg.cockpit.incidents.IncidentRules;
import io.hcdjg.cockpit.incidents.IncidentStore;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.Escalator;
import io.hcdjg.cockpit.podman.ProcessGateway;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/** The one place the incident desk is built, for the window's cockpit and for the incident subcommands alike. */
public final class IncidentDesks {
    private IncidentDesks() {
    }

    /**
     * The desk on the config's rules, the XDG data dir's store and the audit log. The store, the reports and the
     * escalations hide what the audit log hides; escalations run their commands on {@code processes} and their
     * webhooks on {@code http}, which the caller closes.
     */
    public static IncidentDesk build(CockpitConfig config, Map<String, String> env, AuditLog audit,
                                     ProcessGateway processes, HttpClient http, Clock clock) {
        Redaction redaction = audit.redaction();
        IncidentStore store = new IncidentStore(IncidentStore.defaultFile(env), redaction);
        IncidentRules rules = new IncidentRules(config.incidents(), ZoneId.systemDefault());
        return new IncidentDesk(rules, config.dependencies(), store, new Escalator(processes, http, audit),
                new ActionHistory(audit.file()), new IncidentReport(store.file().resolveSibling("reports"),
                ZoneId.systemDefault(), rules, redaction), clock);
    }
}
