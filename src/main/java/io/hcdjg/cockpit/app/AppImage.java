package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.PrivateFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the installable application with jpackage (the {@code installer} Maven profile, decision 0013): an app image
 * with its own runtime whose launcher starts the window's JVM as {@link WindowLaunch} would (ZGC, JavaFX on the module
 * path), and from it a .deb that installs it under /opt with a desktop entry and an icon.
 * <pre>AppImage TARGET_DIR PROJECT_DIR VERSION</pre>
 */
public final class AppImage {
    static final String NAME = "hcd-janusgraph-cockpit";
    private static final String DESCRIPTION = "Operations cockpit for the HCD + JanusGraph stack";
    private static final String VENDOR = "HCD JanusGraph Ops Cockpit";
    private static final String ICON = "resources/icons/cockpit-256.png";

    private AppImage() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Path project = Path.of(args[1]);
        Path out = target.resolve("jpackage");
        Path input = out.resolve("input");
        PrivateFiles.deleteTree(out);
        Files.createDirectories(input.resolve(WindowLaunch.FX_FOLDER));
        Files.copy(target.resolve("cockpit.jar"), input.resolve("cockpit.jar"));
        try (Stream<Path> jars = Files.list(target.resolve(WindowLaunch.FX_FOLDER))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, input.resolve(WindowLaunch.FX_FOLDER).resolve(jar.getFileName()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        String version = args[2].replaceFirst("-.*$", ""); // jpackage takes numbers only: 0.1.0-SNAPSHOT → 0.1.0
        jpackage(appImage(input, out, project, version));
        jpackage(deb(out, project, version));
    }

    /** jpackage's arguments for the app image: the shaded jar, JavaFX's modules beside it, the window's options. */
    static List<String> appImage(Path input, Path out, Path project, String version) {
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", NAME, "--dest", out.toString(),
                "--input", input.toString(), "--main-jar", "cockpit.jar",
                "--main-class", CockpitMain.class.getName(), "--app-version", version,
                "--icon", project.resolve(ICON).toString(), "--description", DESCRIPTION, "--vendor", VENDOR,
                "--jlink-options",
                "--strip-debug --no-header-files --no-man-pages"));
        for (String option : WindowLaunch.jvmOptions(Runtime.version().feature(),
                "$APPDIR/" + WindowLaunch.FX_FOLDER)) {
            args.addAll(List.of("--java-options", option));
        }
        return args;
    }

    /** jpackage's arguments for the .deb made of that app image, with our desktop entry (resources/installer). */
    static List<String> deb(Path out, Path project, String version) {
        return List.of("--type", "deb", "--name", NAME, "--dest", out.toString(),
                "--app-image", out.resolve(NAME).toString(), "--app-version", version,
                "--description", DESCRIPTION, "--vendor", VENDOR,
                "--resource-dir", project.resolve("resources/installer").toString(),
                "--icon", project.resolve(ICON).toString(),
                "--linux-shortcut", "--linux-menu-group", "System;Monitor;",
                "--linux-app-category", "admin", "--linux-package-name", NAME,
                "--linux-deb-maintainer", "cockpit@localhost", "--linux-package-deps", "libgtk-3-0");
    }

    private static void jpackage(List<String> args) {
        ToolProvider tool = ToolProvider.findFirst("jpackage")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jpackage: build with a full JDK 21+"));
        System.out.println("jpackage " + String.join(" ", args));
        int rc = tool.run(System.out, System.err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("jpackage failed (exit " + rc + ")");
        }
    }
}
