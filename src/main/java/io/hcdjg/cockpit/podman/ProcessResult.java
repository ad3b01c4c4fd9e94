package io.hcdjg.cockpit.podman;

import java.time.Duration;
import java.util.List;

/** A finished process: what ran, how it ended, what it printed. */
public record ProcessResult(List<String> argv, int exitCode, String stdout, String stderr, Duration took) {

    public ProcessResult {
        argv = List.copyOf(argv);
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
