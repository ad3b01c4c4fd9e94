package io.hcdjg.cockpit.model;

import java.time.Instant;

/**
 * One security-relevant record from where the real stack keeps it (runbook §8.1, stack-reference §4.10): a line of a
 * container's log, or an event of the analytics-api's audit log inside its container.
 *
 * @param what   a short account: "401 POST /api/v1/auth/login", "TOTP failure", "DROP TABLE banking.tmp"
 * @param who    the user or client address it names, "" when it names none
 * @param source where it was read: {@link #LOG} or the audit file's path inside the container
 * @param raw    the line as written, for the operator to read
 */
public record SecurityEvent(Instant at, String service, Category category, String what, String who, String source,
                            String raw) {
    public static final String LOG = "container log";

    public enum Category {
        AUTH_FAILURE("failed authentications"),
        AUTHZ_DENIED("authorisation denials"),
        VALIDATION_FAILURE("validation failures"),
        DESTRUCTIVE("destructive statements"),
        VAULT_ACCESS("Vault access");

        public final String words;

        Category(String words) {
            this.words = words;
        }
    }
}
