package io.hcdjg.cockpit.model;

import java.time.Instant;

/**
 * The expiry of one certificate: a PEM file or a TLS endpoint's.
 *
 * @param source   the file or host:port
 * @param subject  the certificate's subject, "" when none was read
 * @param notAfter null when none was read
 * @param daysLeft whole days until it expires (negative: expired), 0 when none was read
 * @param text     what the operator reads: "expires 2027-01-01 (34 days)", "expired 3 days ago", "not found"
 */
public record CertStatus(String source, String subject, Instant notAfter, long daysLeft, HealthLevel level,
                         String text) {
}
