package io.hcdjg.cockpit.podman;

import java.util.List;

/** A process that could not run, failed or overran its timeout; the message is fit for a banner. */
public class ProcessException extends Exception {
    private final List<String> argv;

    public ProcessException(List<String> argv, String message) {
        super(message);
        this.argv = List.copyOf(argv);
    }

    public List<String> argv() {
        return argv;
    }

    /** The program is not installed: says how to install it. */
    public static final class Missing extends ProcessException {
        public Missing(List<String> argv, String hint) {
            super(argv, "'" + argv.get(0) + "' is not installed or not on PATH" + (hint.isEmpty() ? "" : ": " + hint));
        }
    }

    /** The program ran past its timeout and was killed. */
    public static final class TimedOut extends ProcessException {
        public TimedOut(List<String> argv, java.time.Duration timeout) {
            super(argv, String.join(" ", argv) + " did not finish in " + timeout.toSeconds() + " s and was stopped");
        }
    }

    /** The program exited non-zero. */
    public static final class Failed extends ProcessException {
        private final ProcessResult result;

        public Failed(ProcessResult result) {
            super(result.argv(), String.join(" ", result.argv()) + " exited " + result.exitCode()
                    + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip().lines().reduce((a, b) -> b).orElse("")));
            this.result = result;
        }

        public ProcessResult result() {
            return result;
        }
    }
}
