package io.hcdjg.cockpit.config;

import java.nio.file.Path;
import java.util.Map;

/** The cockpit's directories after the XDG base-directory spec: config, state (the audit log), data (incidents). */
public final class AppDirs {
    public static final String APP_DIR = "hcd-janusgraph-cockpit";

    private AppDirs() {
    }

    public static Path config(Map<String, String> env) {
        return dir(env, "XDG_CONFIG_HOME", ".config");
    }

    public static Path state(Map<String, String> env) {
        return dir(env, "XDG_STATE_HOME", ".local/state");
    }

    public static Path data(Map<String, String> env) {
        return dir(env, "XDG_DATA_HOME", ".local/share");
    }

    /** {@code $VARIABLE/hcd-janusgraph-cockpit}, else {@code $HOME/<fallback>/hcd-janusgraph-cockpit}. */
    private static Path dir(Map<String, String> env, String variable, String fallback) {
        String base = env.get(variable);
        Path dir = base != null && !base.isBlank() ? Path.of(base)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home"))).resolve(fallback);
        return dir.resolve(APP_DIR);
    }
}
