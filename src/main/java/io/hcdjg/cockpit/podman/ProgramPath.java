package io.hcdjg.cockpit.podman;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a gateway's program is. */
final class ProgramPath {
    private ProgramPath() {
    }

    /**
     * The argv with its program looked up on a gateway's own PATH, when it has one (Java looks on the JVM's): the
     * processes run with the environment the cockpit was given. Null: not on that PATH.
     */
    static List<String> onPath(List<String> argv, String path) {
        if (path == null || argv.get(0).contains("/")) {
            return argv;
        }
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, argv.get(0));
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                List<String> resolved = new ArrayList<>(argv);
                resolved.set(0, p.toString());
                return resolved;
            }
        }
        return null;
    }
}
