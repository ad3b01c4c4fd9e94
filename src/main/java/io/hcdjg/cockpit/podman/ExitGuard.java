package io.hcdjg.cockpit.podman;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * What must happen when the cockpit is ended (the window closed, Ctrl+C, SIGTERM from a logout or a service manager)
 * while it is in the middle of something: first the recoveries of the work in flight (a restore that stopped the stack
 * starts it again), then every child process still running (a {@code podman logs -f}, {@code podman events}) is ended
 * with its children. One JVM shutdown hook, so the two never race. A SIGKILL runs nothing: {@code recovery} in the
 * CLI and the recovery chain say what to do then.
 */
public final class ExitGuard {
    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();
    private static final ConcurrentLinkedDeque<Map.Entry<String, Runnable>> RECOVERIES = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitGuard::atExit, "cockpit-exit"));
    }

    private ExitGuard() {
    }

    /**
     * Runs {@code recovery} if the JVM ends before the returned handle is closed; closing it (the work ended by
     * itself) drops it.
     */
    public static AutoCloseable beforeExit(String what, Runnable recovery) {
        Map.Entry<String, Runnable> e = Map.entry(what, recovery);
        RECOVERIES.push(e);
        return () -> RECOVERIES.remove(e);
    }

    /** A child the gateway started: ended at exit if still running. */
    static void track(Process p) {
        CHILDREN.add(p);
        p.onExit().thenRun(() -> CHILDREN.remove(p));
    }

    private static void atExit() {
        for (Map.Entry<String, Runnable> r : new ArrayList<>(RECOVERIES)) {
            try {
                System.err.println("cockpit: ending while " + r.getKey() + ": recovering");
                r.getValue().run();
            } catch (RuntimeException e) {
                System.err.println("cockpit: the recovery of " + r.getKey() + " failed: " + e);
            }
        }
        List<Process> left = new ArrayList<>(CHILDREN);
        for (Process p : left) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : left) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
