package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.SecurityLedger;
import io.hcdjg.cockpit.logs.SecurityLines;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.SecurityState;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runbook §8.1: reads what is new in the containers' log buffers and in the audit logs kept inside containers (through
 * podman, on the operator's connection: no volume is assumed) and gives the last day of security events. Where it
 * got to is kept per container id, so a restarted container (same id, same file) is read on from there and nothing is
 * counted twice. The window runs it every few seconds; the {@code security} command once — the same code.
 */
public final class SecurityWatcher implements AutoCloseable {
    /** Events kept (a day of a brute-force attempt at one every two seconds); more are counted as forgotten. */
    public static final int CAP = 50_000;
    static final Duration WINDOW = Duration.ofDays(1);
    /** Vault runs without an audit device in the stack (stack-reference §4.10): say so rather than show zero. */
    static final String NO_VAULT_AUDIT = "Vault: no audit device is configured in the stack, so Vault access is seen "
            + "only in the analytics-api's vault_access audit events";

    /** A container's log as the cockpit holds it. */
    public record Buffer(String container, String service, LogBuffer buffer) {
    }

    private final Podman podman;
    private final Supplier<List<Buffer>> buffers;
    private final Supplier<List<ContainerInfo>> containers;
    private final boolean vault;
    private final SecurityLedger ledger;
    private final Clock clock;
    private final Map<String, Long> logPositions = new HashMap<>();
    private final Map<String, Long> auditOffsets = new HashMap<>();
    private final Map<String, String> auditStatus = new TreeMap<>();
    private ScheduledFuture<?> schedule;

    /**
     * @param buffers    the followed containers' buffers
     * @param containers the project's containers, for the audit logs inside them
     * @param vault      whether the stack has a Vault (its missing audit device is then named)
     */
    public SecurityWatcher(Podman podman, Supplier<List<Buffer>> buffers, Supplier<List<ContainerInfo>> containers,
                           boolean vault, SecurityLedger ledger, Clock clock) {
        this.podman = podman;
        this.buffers = buffers;
        this.containers = containers;
        this.vault = vault;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Every 5 s on {@code scheduler}, each result to {@code publish}. */
    public void start(ScheduledExecutorService scheduler, Consumer<SecurityState> publish) {
        schedule = scheduler.scheduleWithFixedDelay(Rounds.guarded("security watcher", () -> publish.accept(tick()),
                why -> auditStatus.put("~", why)), 2, 5, TimeUnit.SECONDS);
    }

    /** One read of everything new. */
    public synchronized SecurityState tick() {
        List<Buffer> logs = buffers.get();
        for (Buffer b : logs) {
            logPositions.put(b.container(), ledger.readLog(b.service(), b.buffer(),
                    logPositions.getOrDefault(b.container(), 0L)));
        }
        List<ContainerInfo> all = containers.get();
        SecurityLines.AUDIT_LOGS.forEach((service, path) -> readAudit(service, path, all));
        List<String> sources = new ArrayList<>();
        sources.add("container logs of " + logs.size() + " containers: uvicorn access lines (401, 403), MFA, WAF and "
                + "query sanitizer lines, destructive statements");
        sources.addAll(auditStatus.values());
        if (vault) {
            sources.add(NO_VAULT_AUDIT);
        }
        if (ledger.dropped() > 0) {
            sources.add(ledger.dropped() + " older events forgotten (more than the " + CAP + " kept)");
        }
        Instant now = clock.instant();
        return new SecurityState(now, ledger.since(now.minus(WINDOW)), sources);
    }

    private void readAudit(String service, String path, List<ContainerInfo> all) {
        List<ContainerInfo> mine = all.stream().filter(c -> c.service().equals(service)).toList();
        auditStatus.keySet().removeIf(k -> k.startsWith(service + " "));
        if (mine.isEmpty()) {
            auditStatus.put(service + " ", service + ": no container in the project, so its audit log " + path
                    + " is not read");
            return;
        }
        for (ContainerInfo c : mine) {
            String where = service + " audit log " + path + " in " + c.name() + ": ";
            if (!c.running()) {
                auditStatus.put(service + " " + c.name(), where + "read on when it runs again");
                continue;
            }
            long offset = auditOffsets.getOrDefault(c.id(), 0L);
            String status;
            try {
                ProcessResult r = podman.readFrom(c.name(), path, offset);
                if (r.ok()) {
                    offset += ledger.readAudit(service, path, r.stdout());
                    auditOffsets.put(c.id(), offset);
                    status = "followed (" + offset + " bytes read)";
                } else {
                    status = r.stderr().contains("No such file") ? "not written yet (nothing audited so far)"
                            : r.stderr().lines().filter(l -> !l.isBlank()).findFirst().orElse("unreadable").strip();
                }
            } catch (ProcessException e) {
                status = e.getMessage();
            }
            auditStatus.put(service + " " + c.name(), where + status);
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
