package io.hcdjg.cockpit.podman;

import io.hcdjg.cockpit.config.Redaction;

import java.util.List;
import java.time.Duration;

/**
 * A process that could not run, failed or overran its timeout; the message is fit for a banner. The argv and the
 * message pass through a {@link Redaction} here, so a password on the command line or in stderr never reaches a banner,
 * a log or a file through this exception (the gateway hands in the config's; others get the built-in rules).
 */
public class ProcessException extends Exception {
    private final List<String> argv;

    public ProcessException(List<String> argv, String message) {
        this(argv, message, Redaction.DEFAULT);
    }

    public ProcessException(List<String> argv, String message, Redaction redaction) {
        super(redaction.text(message));
        this.argv = redaction.argv(argv);
    }

    /** The command, redacted. */
    public List<String> argv() {
        return argv;
    }

    static String command(List<String> argv, Redaction redaction) {
        return String.join(" ", redaction.argv(argv));
    }

    /** The program is not installed: says how to install it. */
    public static final class Missing extends ProcessException {
        public Missing(List<String> argv, String hint, Redaction redaction) {
            super(argv, "'" + argv.get(0) + "' is not installed or not on PATH" + (hint.isEmpty() ? "" : ": " + hint),
                    redaction);
        }

        public Missing(List<String> argv, String hint) {
            this(argv, hint, Redaction.DEFAULT);
        }
    }

    /** The program ran past its timeout and was killed. */
    public static final class TimedOut extends ProcessException {
        public TimedOut(List<String> argv, Duration timeout, Redaction redaction) {
            super(argv, command(argv, redaction) + " did not finish in " + timeout.toSeconds() + " s and was stopped",
                    redaction);
        }

        public TimedOut(List<String> argv, Duration timeout) {
            this(argv, timeout, Redaction.DEFAULT);
        }
    }

    /** The program exited non-zero. */
    public static final class Failed extends ProcessException {
        private final ProcessResult result;

        public Failed(ProcessResult result, Redaction redaction) {
            super(result.argv(), command(result.argv(), redaction) + " exited " + result.exitCode()
                    + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip().lines().reduce((a, b) -> b)
                    .orElse("")), redaction);
            this.result = result;
        }

        public Failed(ProcessResult result) {
            this(result, Redaction.DEFAULT);
        }

        /** What ran and what it printed, as it was: for diagnosis in code, never to write or show unredacted. */
        public ProcessResult result() {
            return result;
        }
    }
}
