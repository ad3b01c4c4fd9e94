package io.hcdjg.cockpit.model;

import java.util.List;

/**
 * How an action ended.
 *
 * @param commands the processes it ran, as command lines (what the audit log holds in full)
 */
public record ActionOutcome(Status status, String message, List<String> commands) {

    public enum Status {
        DONE(0), FAILED(1), REFUSED(3), NOT_VERIFIED(4);

        public final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    public ActionOutcome {
        commands = List.copyOf(commands);
    }
}
