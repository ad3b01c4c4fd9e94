package io.hcdjg.cockpit.bench;

import io.hcdjg.cockpit.app.CockpitApp;
import io.hcdjg.cockpit.app.WindowLaunch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The window's idle cost against a bare JavaFX window, in the same run: the cockpit ({@code java -jar
 * target/cockpit.jar}, as an operator starts it) watches the demo project, then {@link BareWindow} (the same number of
 * tiles, nothing behind them) runs with the same JVM options; for each, after a warm-up, the CPU of its whole process
 * tree over the window (the JVMs and every podman process they ran, reaped or still running) as a share of one core,
 * the JVMs' resident set, and the time from starting the process to its first live tiles (the bare window: its first
 * frame). Needs a display (Xvfb), the jar, and the demo project up ({@code cockpit demo up --project cockpit-test}).
 * <pre>DISPLAY=:99 ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.hcdjg.cockpit.bench.IdleBench [-Didle.seconds=60] [-Didle.presenter=true]</pre>
 */
public final class IdleBench {
    static final String FIRST_FRAME = "bare window: first frame";
    private static final long HZ = 100; // USER_HZ on Linux

    record Figures(String name, double cpuPercent, double podmanPercent, long rssMb, long podmanRssMb,
                   long startupMs) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("idle.seconds", 60);
        int warmup = Integer.getInteger("idle.warmup", 20);
        String project = System.getProperty("idle.project", "cockpit-test");
        boolean presenter = Boolean.getBoolean("idle.presenter");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path home = Files.createTempDirectory("idle-bench-home");
        List<String> cockpit = new ArrayList<>(List.of(java, "-Dcockpit.startupMark=true", "-jar",
                "target/cockpit.jar", "--project", project, "--no-demo"));
        if (presenter) {
            cockpit.add("--presenter");
        }
        List<String> bare = new ArrayList<>(List.of(java));
        bare.addAll(WindowLaunch.jvmOptions(Runtime.version().feature(), "target/javafx"));
        bare.addAll(List.of("-cp", System.getProperty("java.class.path"), BareWindow.class.getName()));
        Figures c = run(presenter ? "cockpit (presenter)" : "cockpit", cockpit, CockpitApp.STARTUP_MARK, home,
                warmup, seconds);
        Figures b = run("bare window", bare, FIRST_FRAME, home, warmup, seconds);
        for (Figures f : List.of(c, b)) {
            System.out.printf("idle %-20s CPU %5.2f %% of one core (podman processes %5.2f %%), RSS %4d MB "
                    + "(podman %3d MB), start to first live frame %5d ms%n", f.name(), f.cpuPercent(),
                    f.podmanPercent(), f.rssMb(), f.podmanRssMb(), f.startupMs());
        }
        System.out.printf("idle ratio cockpit / bare window: CPU %.2f×, RSS %.2f×, start-up %.2f×%n",
                c.cpuPercent() / b.cpuPercent(), (double) c.rssMb() / b.rssMb(),
                (double) c.startupMs() / b.startupMs());
        System.exit(0);
    }

    static Figures run(String name, List<String> argv, String mark, Path home, int warmup, int seconds)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString()); // its own window place, incidents and audit log
        long t0 = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<Long> started = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(mark)) {
                        started.complete((System.nanoTime() - t0) / 1_000_000);
                    } else if (!line.startsWith("WARNING")) {
                        System.out.println("  " + name + ": " + line);
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
        });
        try {
            long startupMs = started.get(120, TimeUnit.SECONDS);
            Thread.sleep(warmup * 1000L);
            long[] before = ticks(p.toHandle());
            Thread.sleep(seconds * 1000L);
            long[] after = ticks(p.toHandle());
            long[] rss = rss(p.toHandle());
            double all = (after[0] - before[0]) / (double) HZ;
            double jvm = (after[1] - before[1]) / (double) HZ;
            return new Figures(name, all / seconds * 100, (all - jvm) / seconds * 100, rss[0] >> 10, rss[1] >> 10,
                    startupMs);
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * [the tree's CPU, the java processes' own CPU] in ticks: each live process's utime+stime and its reaped
     * children's (cutime+cstime), so a podman process that ended in between is counted in its parent.
     */
    static long[] ticks(ProcessHandle root) throws IOException {
        long all = 0;
        long jvm = 0;
        for (ProcessHandle h : tree(root)) {
            long[] f = stat(h.pid());
            if (f == null) {
                continue;
            }
            all += f[0] + f[1] + f[2] + f[3];
            if (isJava(h)) {
                jvm += f[0] + f[1];
            }
        }
        return new long[]{all, jvm};
    }

    /** [the java processes' VmRSS, the others'] in kB. */
    static long[] rss(ProcessHandle root) throws IOException {
        long jvm = 0;
        long others = 0;
        for (ProcessHandle h : tree(root)) {
            try (Stream<String> lines = Files.lines(Path.of("/proc/" + h.pid() + "/status"))) {
                long kb = lines.filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(
                        l.replaceAll("\\D", ""))).sum();
                if (isJava(h)) {
                    jvm += kb;
                } else {
                    others += kb;
                }
            } catch (IOException e) {
                // ended meanwhile
            }
        }
        return new long[]{jvm, others};
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>(List.of(root));
        root.descendants().forEach(all::add);
        return all;
    }

    private static boolean isJava(ProcessHandle h) {
        return h.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    /** utime, stime, cutime, cstime from /proc/PID/stat; null when it ended meanwhile. */
    private static long[] stat(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException e) {
            return null;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
    }
}
