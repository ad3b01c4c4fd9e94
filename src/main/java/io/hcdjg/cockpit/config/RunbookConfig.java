package io.hcdjg.cockpit.config;

import java.time.Duration;
import java.util.List;
import java.time.LocalTime;

/**
 * Where the runbook's procedures find things and what they count as healthy.
 *
 * @param repo            the janusgraph-demo checkout (its {@code exports/} and {@code config/certs/}); empty: the
 *                        directory the compose project was started from, as its containers' labels say
 * @param proofMaxAge     a passing deterministic proof older than this is shown as stale
 * @param backupDir       where backups are written; empty: {@code $XDG_DATA_HOME/hcd-janusgraph-cockpit/backups}
 * @param retentionDays   backups older than this are removed after a successful backup
 * @param gpgRecipient    encrypt backups to this key; empty: not encrypted
 * @param gpgHome         gpg's home directory (a keyring kept for backups); empty: gpg's default
 * @param nodetool        argv of nodetool inside the hcd-server container
 * @param hcdDataDir      the data directory inside the hcd-server container
 * @param keyspace        the keyspace that is snapshotted
 * @param backupWarnAge   the checklist warns when the newest backup is older; fails at twice this
 * @param certificates    PEM files whose expiry is checked, relative to {@code repo} unless absolute
 * @param tlsEndpoints    host:port endpoints whose certificate is checked by a TLS handshake
 * @param certWarnDays    warn when a certificate expires within this many days
 * @param certCriticalDays critical within this many days
 * @param maintenance     the routine maintenance schedule (§5.1)
 */
public record RunbookConfig(String repo, Duration proofMaxAge, String backupDir, int retentionDays, String gpgRecipient,
                            String gpgHome,
                            List<String> nodetool, String hcdDataDir, String keyspace, Duration backupWarnAge,
                            List<String> certificates, List<String> tlsEndpoints, int certWarnDays,
                            int certCriticalDays, List<Task> maintenance) {
    public RunbookConfig {
        maintenance = List.copyOf(maintenance);
        nodetool = List.copyOf(nodetool);
        certificates = List.copyOf(certificates);
        tlsEndpoints = List.copyOf(tlsEndpoints);
    }

    /**
     * A routine maintenance task.
     *
     * @param every daily, weekly, monthly or quarterly
     * @param day   weekly: a weekday ("sunday"); monthly: "1st monday" or a day of the month ("15"); empty when not
     *              decided (the runbook's DR test says TBD)
     * @param at    local time of day, null when not decided
     */
    public record Task(String task, String every, String day, LocalTime at, Duration duration) {
    }
}
