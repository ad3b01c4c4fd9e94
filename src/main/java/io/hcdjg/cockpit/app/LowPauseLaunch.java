package io.hcdjg.cockpit.app;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window wants a collector whose pauses never cost a frame (decision 0004): under a log flood G1's young pauses
 * reach 40-65 ms on two cores, ZGC's stay under a millisecond. {@code java -jar cockpit.jar} cannot choose its
 * collector, so a window started without one chosen runs itself again with ZGC, keeping every other JVM option.
 */
final class LowPauseLaunch {
    private LowPauseLaunch() {
    }

    /** The command that starts this window again under ZGC, or empty when this JVM should go on as it is. */
    static Optional<List<String>> relaunch(String[] args) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        boolean zgc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(b -> b.getName().startsWith("ZGC"));
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return argv(zgc, java, runtime.getInputArguments(), System.getProperty("java.class.path"),
                Runtime.version().feature(), args);
    }

    static Optional<List<String>> argv(boolean zgc, String java, List<String> jvmOptions, String classPath, int feature,
                                       String[] args) {
        // a collector the operator chose (or ZGC already) is kept; a debugger or agent stays attached to this JVM
        if (zgc || classPath == null || classPath.isEmpty()
                || jvmOptions.stream().anyMatch(o -> o.matches("-XX:[+]Use\\w*GC")
                        || o.startsWith("-agentlib") || o.startsWith("-javaagent") || o.startsWith("-Xrunjdwp"))) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>(List.of(java));
        argv.addAll(jvmOptions);
        argv.add("-XX:+UseZGC");
        if (feature < 23) {
            argv.add("-XX:+ZGenerational"); // the default from JDK 23
        } else {
            argv.add("--sun-misc-unsafe-memory-access=allow"); // JavaFX's rasterizer: no warning on every start
        }
        boolean jar = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
        // a jar runs as a jar, so its manifest (native access for JavaFX) applies as it did the first time
        argv.addAll(jar ? List.of("-jar", classPath) : List.of("-cp", classPath, CockpitMain.class.getName()));
        argv.addAll(List.of(args));
        return Optional.of(argv);
    }
}
