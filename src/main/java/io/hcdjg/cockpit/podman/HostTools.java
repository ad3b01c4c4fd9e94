package io.hcdjg.cockpit.podman;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The programs of this machine that the runbook procedures run besides podman (tar, gpg, jlink, mvn, chmod, busybox):
 * always here, whatever podman connection is in use. Podman itself is refused: it goes through {@link Podman}'s verbs,
 * which name the connection.
 */
public final class HostTools {
    private static final Set<String> PODMAN = Set.of("podman", "podman-compose");

    private final ProcessGateway gateway;

    public HostTools(ProcessGateway gateway) {
        this.gateway = gateway;
    }

    /** Runs to completion; a non-zero exit is a {@link ProcessException.Failed}. */
    public ProcessResult run(List<String> argv, Duration timeout) throws ProcessException {
        return gateway.run(notPodman(argv), timeout);
    }

    /** Runs to completion whatever the exit code; {@code onLine} (null: none) gets each line of output as it comes. */
    public ProcessResult runAllowingFailure(List<String> argv, Duration timeout, Consumer<String> onLine)
            throws ProcessException {
        return gateway.runAllowingFailure(notPodman(argv), timeout, null, onLine);
    }

    private static List<String> notPodman(List<String> argv) {
        Path program = Path.of(argv.get(0)).getFileName();
        if (program != null && PODMAN.contains(program.toString())) {
            throw new IllegalArgumentException(argv.get(0) + " is run through Podman's verbs, not as a host tool");
        }
        return argv;
    }
}
