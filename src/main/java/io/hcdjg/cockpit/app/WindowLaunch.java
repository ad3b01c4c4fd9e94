package io.hcdjg.cockpit.app;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the window's JVM runs. {@code java -jar cockpit.jar} can choose neither its collector nor its module path, so a
 * window started without them runs itself again with them, keeping every other JVM option and argument:
 * <ul>
 *   <li>ZGC, whose pauses never cost a frame (decision 0004): under a log flood G1's young pauses reach 40-65 ms on
 *   two cores, ZGC's stay under a millisecond; a collector the operator chose is kept;</li>
 *   <li>JavaFX on the module path, from the {@code javafx} folder the build puts beside the jar (decision 0013), so
 *   that JavaFX starts as it supports (no "Unsupported JavaFX configuration" on every start).</li>
 * </ul>
 * The app image's launcher (decision 0013) starts with {@link #jvmOptions} already, so it never runs twice.
 */
public final class WindowLaunch {
    /** The folder of JavaFX's modular jars, beside the cockpit's jar. */
    static final String FX_FOLDER = "javafx";

    /** What ControlsFX reaches inside JavaFX: exported to the class path's code once JavaFX is named modules. */
    private static final List<String> FX_INTERNALS = List.of(
            "javafx.base/com.sun.javafx.event", "javafx.controls/com.sun.javafx.scene.control",
            "javafx.controls/com.sun.javafx.scene.control.behavior",
            "javafx.controls/com.sun.javafx.scene.control.inputmap", "javafx.graphics/com.sun.javafx.scene",
            "javafx.graphics/com.sun.javafx.scene.traversal", "javafx.graphics/com.sun.javafx.css");

    private WindowLaunch() {
    }

    /** The JVM as it runs: its java, options, class path, feature version, collector and JavaFX's modules. */
    record Jvm(String java, List<String> options, String classPath, int feature, boolean zgc, boolean fxModules) {
        static Jvm current() {
            return new Jvm(ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                    ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"),
                    Runtime.version().feature(),
                    ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .anyMatch(b -> b.getName().startsWith("ZGC")),
                    ModuleLayer.boot().findModule("javafx.graphics").isPresent());
        }

        /** The jar this JVM runs, when it runs one ({@code java -jar}). */
        Optional<Path> jar() {
            boolean one = classPath != null && classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
            return one ? Optional.of(Path.of(classPath).toAbsolutePath()) : Optional.empty();
        }
    }

    /** The command that starts this window again, or empty when this JVM should go on as it is. */
    static Optional<List<String>> relaunch(String[] args) {
        Jvm jvm = Jvm.current();
        Optional<Path> fx = jvm.jar().map(j -> j.resolveSibling(FX_FOLDER)).filter(Files::isDirectory);
        return argv(jvm, fx, args);
    }

    static Optional<List<String>> argv(Jvm jvm, Optional<Path> fxFolder, String[] args) {
        boolean addModules = !jvm.fxModules() && fxFolder.isPresent();
        boolean chosenCollector = jvm.options().stream().anyMatch(o -> o.matches("-XX:[+]Use\\w*GC"));
        boolean addZgc = !jvm.zgc() && !chosenCollector;
        // a debugger or agent stays attached to this JVM
        if (!(addZgc || addModules) || jvm.classPath() == null || jvm.classPath().isEmpty()
                || jvm.options().stream().anyMatch(o -> o.startsWith("-agentlib") || o.startsWith("-javaagent")
                        || o.startsWith("-Xrunjdwp"))) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>(List.of(jvm.java()));
        argv.addAll(jvm.options());
        if (addZgc) {
            argv.addAll(collector(jvm.feature()));
        }
        fxFolder.filter(f -> addModules).ifPresent(f -> argv.addAll(modules(f.toString())));
        // a jar runs as a jar, so its manifest (native access for JavaFX) applies as it did the first time
        argv.addAll(jvm.jar().isPresent() ? List.of("-jar", jvm.classPath())
                : List.of("-cp", jvm.classPath(), CockpitMain.class.getName()));
        argv.addAll(List.of(args));
        return Optional.of(argv);
    }

    /** ZGC on a JDK of this feature version. */
    static List<String> collector(int feature) {
        return feature < 23 ? List.of("-XX:+UseZGC", "-XX:+ZGenerational") // generational: the default from JDK 23
                : List.of("-XX:+UseZGC", "--sun-misc-unsafe-memory-access=allow"); // JavaFX's rasterizer: no warning
    }

    /** JavaFX's modules from this folder, with what ControlsFX needs of their insides. */
    static List<String> modules(String fxFolder) {
        List<String> options = new ArrayList<>(List.of("--module-path", fxFolder, "--add-modules", "javafx.controls",
                "--enable-native-access=javafx.graphics,ALL-UNNAMED"));
        FX_INTERNALS.forEach(p -> options.addAll(List.of("--add-exports", p + "=ALL-UNNAMED")));
        options.addAll(List.of("--add-opens", "javafx.controls/javafx.scene.control.skin=ALL-UNNAMED"));
        return options;
    }

    /**
     * Every option the window's JVM starts with, for a launcher that sets them itself (the app image's; IdleBench's
     * bare window, so that it runs as the window does).
     */
    public static List<String> jvmOptions(int feature, String fxFolder) {
        List<String> options = new ArrayList<>(collector(feature));
        options.addAll(modules(fxFolder));
        return options;
    }
}
