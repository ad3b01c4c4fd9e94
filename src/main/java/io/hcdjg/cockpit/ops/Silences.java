package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.probes.MonitoringClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Acknowledging an alert = an Alertmanager silence with author, comment and expiry; expiring one ends it. Both change
 * what the on-call is told, so both go to the audit log like every other action.
 */
public final class Silences {
    private final MonitoringClient client;
    private final AuditLog audit;
    private final Clock clock;
    private final Runnable changed;

    /** @param changed told after a silence is set or expired, so the alerts are asked again at once */
    public Silences(MonitoringClient client, AuditLog audit, Clock clock, Runnable changed) {
        this.client = client;
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    /** @param alertName null: every alert carrying {@code labels} (maintenance mode: this stack's alerts) */
    public ActionOutcome silence(String alertName, Map<String, String> labels, Duration duration, String author,
                                 String comment) throws IOException {
        String action = "silence " + (alertName == null ? "every alert" + (labels.isEmpty() ? "" : " of "
                + labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .collect(Collectors.joining(","))) : alertName) + " for " + duration.toMinutes() + "m";
        audit.started(client.alertmanagerUrl(), action);
        if (comment == null || comment.isBlank()) {
            return refuse(action, "a silence needs a comment that says why");
        }
        if (author == null || author.isBlank()) {
            return refuse(action, "a silence needs an author");
        }
        if (duration.isNegative() || duration.isZero()) {
            return refuse(action, "a silence needs a positive duration");
        }
        long t0 = System.nanoTime();
        String url = client.alertmanagerUrl() + "/api/v2/silences";
        try {
            String id = client.silence(alertName, labels, duration, author, comment, clock.instant());
            audit.http(client.alertmanagerUrl(), action, "POST", url, 200, (System.nanoTime() - t0) / 1_000_000);
            String msg = (alertName == null ? "every alert" : alertName) + " silenced until "
                    + clock.instant().plus(duration) + " (silence " + id + ")";
            audit.outcome(client.alertmanagerUrl(), action, "done", msg);
            changed.run();
            return new ActionOutcome(ActionOutcome.Status.DONE, msg, List.of("POST " + audit.redaction().text(url)));
        } catch (IOException e) {
            return failed(action, url, t0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(action, url, t0, new IOException("cancelled"));
        }
    }

    public ActionOutcome expire(String id) throws IOException {
        String action = "expire silence " + id;
        audit.started(client.alertmanagerUrl(), action);
        long t0 = System.nanoTime();
        String url = client.alertmanagerUrl() + "/api/v2/silence/" + id;
        try {
            client.expireSilence(id);
            audit.http(client.alertmanagerUrl(), action, "DELETE", url, 200, (System.nanoTime() - t0) / 1_000_000);
            audit.outcome(client.alertmanagerUrl(), action, "done", "silence " + id + " expired");
            changed.run();
            return new ActionOutcome(ActionOutcome.Status.DONE, "silence " + id + " expired",
                    List.of("DELETE " + audit.redaction().text(url)));
        } catch (IOException e) {
            return failed(action, url, t0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(action, url, t0, new IOException("cancelled"));
        }
    }

    private ActionOutcome failed(String action, String url, long t0, IOException e) throws IOException {
        audit.http(client.alertmanagerUrl(), action, "", url, 0, (System.nanoTime() - t0) / 1_000_000);
        audit.outcome(client.alertmanagerUrl(), action, "failed", String.valueOf(e.getMessage()));
        return new ActionOutcome(ActionOutcome.Status.FAILED, audit.redaction().text("Alertmanager at "
                + client.alertmanagerUrl() + ": " + e.getMessage()), List.of());
    }

    private ActionOutcome refuse(String action, String why) throws IOException {
        audit.outcome(client.alertmanagerUrl(), action, "refused", why);
        return new ActionOutcome(ActionOutcome.Status.REFUSED, why, List.of());
    }
}
