package io.hcdjg.cockpit.config;

import io.hcdjg.cockpit.model.ConfigProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.NoSuchFileException;

/**
 * Loads the shipped {@code config/cockpit.yaml} (built into the jar) and lays the user's file over it: the file given
 * with {@code --config}, else {@code $XDG_CONFIG_HOME/hcd-janusgraph-cockpit/cockpit.yaml} when it exists.
 */
public final class ConfigLoader {
    public static final String SHIPPED_RESOURCE = "/cockpit/config/cockpit.yaml";
    public static final String SHIPPED_NAME = "config/cockpit.yaml (shipped)";

    /**
     * @param problems when non-empty, {@code config} is the shipped default so the window can still open
     * @param source   the files in effect, for the status bar
     */
    public record Loaded(CockpitConfig config, String source, List<ConfigProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public Loaded load(Optional<Path> explicit) {
        LocatedYaml shipped;
        try {
            shipped = LocatedYaml.parse(SHIPPED_NAME, shippedText());
        } catch (ConfigException e) {
            throw new IllegalStateException("the built-in config is broken: " + e.getMessage(), e);
        }
        Optional<Path> user = explicit.or(() -> Optional.of(xdgConfigFile()).filter(Files::exists));
        if (user.isEmpty()) {
            return read(List.of(shipped), SHIPPED_NAME, List.of());
        }
        Path file = user.get();
        String name = file.toString();
        List<ConfigProblem> problems = new ArrayList<>();
        try {
            LocatedYaml doc = LocatedYaml.parse(name, Files.readString(file, StandardCharsets.UTF_8));
            Loaded layered = read(List.of(shipped, doc), SHIPPED_NAME + " + " + name, List.of());
            if (layered.ok()) {
                return layered;
            }
            problems.addAll(layered.problems());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (NoSuchFileException e) {
            problems.add(new ConfigProblem(name, 0, 0, "", "file not found"));
        } catch (IOException e) {
            problems.add(new ConfigProblem(name, 0, 0, "", "cannot read: " + e.getMessage()));
        }
        return read(List.of(shipped), SHIPPED_NAME + " (" + name + " has errors)", problems);
    }

    private static Loaded read(List<LocatedYaml> docs, String source, List<ConfigProblem> earlier) {
        ConfigReader reader = new ConfigReader(docs);
        CockpitConfig config = reader.read();
        List<ConfigProblem> all = new ArrayList<>(earlier);
        all.addAll(reader.problems());
        return new Loaded(config, source, all);
    }

    public Path xdgConfigFile() {
        return AppDirs.config(env).resolve("cockpit.yaml");
    }

    static String shippedText() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
