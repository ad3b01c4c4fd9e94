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
        AUTH_FAILURE("failed authentication", "failed authentications"),
        AUTHZ_DENIED("authorisation denial", "authorisation denials"),
        VALIDATION_FAILURE("validation failure", "validation failures"),
        DESTRUCTIVE("destructive statement", "destructive statements"),
        VAULT_ACCESS("Vault access", "Vault access");

        public final String one;
        public final String words;

        Category(String one, String words) {
            this.one = one;
            this.words = words;
        }

        /** "1 failed authentication", "3 failed authentications". */
        public String count(long n) {
            return n + " " + (n == 1 ? one : words);
        }
    }
}
