package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.incidents.EscalationChannel;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.probes.BoundedHttp;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a level's escalation action: its command (argv, placeholders filled in, never through a shell) and/or a POST
 * of a JSON body to its webhook. Each call is recorded in the audit log; a webhook's query string (where tokens tend
 * to live) is never recorded or shown, nor its path when the config names it (the redaction knows the ladder's
 * webhooks), nor a secret in the command's argv or stderr. The incident desk reaches it through
 * {@link EscalationChannel}.
 */
public final class Escalator implements EscalationChannel {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** What a webhook answers is only looked at for its status; a few KB of it are read, no more. */
    private static final int WEBHOOK_ANSWER = 64 << 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessGateway processes;
    private final HttpClient http;
    private final AuditLog audit;

    public Escalator(ProcessGateway processes, HttpClient http, AuditLog audit) {
        this.processes = processes;
        this.http = http;
        this.audit = audit;
    }

    @Override
    public Result escalate(Incident i, IncidentConfig.Level level, String summary, String link) throws IOException {
        String action = "escalate " + i.id() + " to " + level.name();
        audit.started("local", action);
        List<String> said = new ArrayList<>();
        boolean ok = true;
        if (!level.command().isEmpty()) {
            List<String> argv = level.command().stream().map(a -> fill(a, i, level, summary, link)).toList();
            try {
                ProcessResult r = processes.runAllowingFailure(argv, TIMEOUT);
                audit.process("local", action, r);
                ok &= r.ok();
                said.add(argv.get(0) + " exit " + r.exitCode() + (r.ok() || r.stderr().isBlank() ? ""
                        : ": " + r.stderr().strip().lines().findFirst().orElse("")));
            } catch (ProcessException e) {
                ok = false;
                said.add(e.getMessage());
            }
        }
        if (level.webhook() != null) {
            String shown = withoutQuery(audit.redaction().text(level.webhook()));
            ObjectNode body = JSON.createObjectNode();
            body.put("incident", i.id());
            body.put("level", level.name());
            body.put("role", level.role());
            body.put("contact", level.contact());
            body.put("priority", i.priority().name());
            body.put("summary", summary);
            body.put("link", link);
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> r = BoundedHttp.send(http, HttpRequest.newBuilder(URI.create(level.webhook()))
                        .timeout(TIMEOUT).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                        WEBHOOK_ANSWER, TIMEOUT);
                audit.http("webhook", action, "POST", shown, r.statusCode(), (System.nanoTime() - start) / 1_000_000);
                ok &= r.statusCode() / 100 == 2;
                said.add("webhook " + shown + " HTTP " + r.statusCode());
            } catch (IOException | IllegalArgumentException e) {
                ok = false;
                said.add("webhook " + shown + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ok = false;
                said.add("webhook " + shown + ": cancelled");
            }
        }
        String to = level.role() + (level.contact().isBlank() ? "" : " <" + level.contact() + ">");
        String text = audit.redaction().text(said.isEmpty() ? "no action configured for " + level.name() + ": contact "
                + to + " by hand" : to + ": " + String.join("; ", said));
        audit.outcome("local", action, ok ? "done" : "failed", text);
        return new Result(ok, text);
    }

    static String fill(String arg, Incident i, IncidentConfig.Level level, String summary, String link) {
        return arg.replace("{id}", i.id()).replace("{level}", level.name()).replace("{priority}", i.priority().name())
                .replace("{summary}", summary).replace("{contact}", level.contact()).replace("{link}", link);
    }

    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }
}
