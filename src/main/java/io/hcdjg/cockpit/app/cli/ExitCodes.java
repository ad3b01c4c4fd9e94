package io.hcdjg.cockpit.app.cli;

/**
 * The subcommands' exit codes, one meaning each, for scripts and cron: they are part of the command line's contract
 * (README, each subcommand's {@code --help}) and do not change.
 */
final class ExitCodes {
    /** Done (and verified); every service UP, every metric within bounds, nothing firing, open or found. */
    static final int OK = 0;
    /** Failed, or not all well: a service not UP, podman failed, an alert firing, an incident open, events found. */
    static final int NOT_OK = 1;
    /** The command line or the config is wrong: nothing was done. picocli's own usage code is the same. */
    static final int USAGE = 2;
    /** Refused: an unknown service, a missing or wrong {@code --confirm}, an incident in the wrong state. */
    static final int REFUSED = 3;
    /** Done but not verified (a restart whose probe is not UP yet); the checklist: warnings only. */
    static final int NOT_VERIFIED = 4;

    private ExitCodes() {
    }

    /** The lines of the {@code --help} texts' exit code lists, built on the codes above (annotation constants). */
    static final class Help {
        static final String HEADING = "%nExit codes:%n";
        static final String DONE = OK + ":done (and verified)";
        static final String FAILED = NOT_OK + ":failed";
        static final String USAGE = ExitCodes.USAGE + ":usage or config error: nothing was done";
        static final String REFUSED = ExitCodes.REFUSED + ":refused (an unknown service, a missing or wrong --confirm)";
        static final String NOT_VERIFIED = ExitCodes.NOT_VERIFIED + ":done but not verified";

        private Help() {
        }
    }
}
