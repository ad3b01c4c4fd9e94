package io.hcdjg.cockpit.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a cockpit is built on, from the command line: the window and every subcommand take the same four.
 *
 * @param demo       true: always the demo stack; false: never; null: the demo stack when no configured service answers
 * @param connection the podman connection named on the command line, or null for the config's, env's or local one
 * @param project    the compose project named on the command line, or null for the config's
 */
public record CockpitOptions(Optional<Path> config, Boolean demo, String connection, String project) {
    /** Nothing named: the config's file, stack and connection, the demo when nothing answers. */
    public static CockpitOptions defaults() {
        return new CockpitOptions(Optional.empty(), null, null, null);
    }

    /** The same, on another podman connection (the window's switcher). */
    public CockpitOptions withConnection(String name) {
        return new CockpitOptions(config, demo, name, project);
    }
}
