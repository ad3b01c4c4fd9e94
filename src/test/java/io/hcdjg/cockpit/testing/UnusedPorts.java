package io.hcdjg.cockpit.testing;

import io.hcdjg.cockpit.ui.ActionPort;
import io.hcdjg.cockpit.ui.IncidentPort;
import io.hcdjg.cockpit.ui.MonitoringPort;
import io.hcdjg.cockpit.ui.Ports;
import io.hcdjg.cockpit.ui.RunbookPort;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;

/**
 * For view tests that only look at what is shown: any call reaching the cockpit fails the test, but the lists the
 * window reads on its own (log sources, the escalation ladder) are empty and the project is janusgraph-demo. A test
 * that expects a call hands in its own port with {@link #with}.
 */
public final class UnusedPorts {
    private UnusedPorts() {
    }

    public static Ports all() {
        return new Ports(unused(ActionPort.class), List::of, unused(MonitoringPort.class),
                unused(IncidentPort.class), unused(RunbookPort.class));
    }

    public static Ports with(ActionPort actions) {
        Ports p = all();
        return new Ports(actions, p.logs(), p.monitoring(), p.incidents(), p.runbook());
    }

    /** A port whose every call fails the test, but for {@code project()} and {@code ladder()}. */
    public static <T> T unused(Class<T> port) {
        return unusedBut(port, "", args -> null);
    }

    /** A port whose every call fails the test, but for {@code project()}, {@code ladder()} and {@code method}. */
    public static <T> T unusedBut(Class<T> port, String method, Function<Object[], Object> answer) {
        return port.cast(Proxy.newProxyInstance(UnusedPorts.class.getClassLoader(), new Class<?>[]{port},
                (proxy, m, args) -> switch (m.getName()) {
                    case String name when name.equals(method) -> answer.apply(args);
                    case "project" -> "janusgraph-demo";
                    case "ladder" -> List.of();
                    case "toString" -> "unused " + port.getSimpleName();
                    default -> throw new AssertionError("unexpected " + port.getSimpleName() + "."
                            + m.getName());
                }));
    }
}
