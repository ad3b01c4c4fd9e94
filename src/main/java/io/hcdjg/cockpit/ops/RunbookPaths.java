package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.AppDirs;
import io.hcdjg.cockpit.config.RunbookConfig;
import io.hcdjg.cockpit.model.ContainerInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where the runbook's files are: the project checkout (exports, certificates) and the backups. */
public final class RunbookPaths {
    private RunbookPaths() {
    }

    /**
     * The configured checkout; else the one the compose project was started from (podman-compose records the compose
     * files on every container: {@code <repo>/config/compose/docker-compose.full.yml}); else {@code fallback}.
     */
    public static Path repo(RunbookConfig c, List<ContainerInfo> containers, Map<String, String> env, Path fallback) {
        if (!c.repo().isBlank()) {
            return home(c.repo(), env);
        }
        for (ContainerInfo i : containers) {
            for (String f : i.composeFiles()) {
                for (Path dir = Path.of(f).toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
                    if (Files.isDirectory(dir.resolve("exports")) || Files.isDirectory(dir.resolve("scripts"))) {
                        return dir;
                    }
                }
            }
        }
        return fallback;
    }

    public static Path backups(RunbookConfig c, Map<String, String> env) {
        return c.backupDir().isBlank() ? AppDirs.data(env).resolve("backups") : home(c.backupDir(), env);
    }

    private static Path home(String path, Map<String, String> env) {
        return path.startsWith("~/") ? Path.of(env.getOrDefault("HOME", System.getProperty("user.home")))
                .resolve(path.substring(2)) : Path.of(path);
    }
}
