package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.ui.MonitoringPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The window's {@link MonitoringPort}: Prometheus history and Alertmanager silences of the running cockpit. */
final class WindowMonitoring implements MonitoringPort {
    private final Running running;

    WindowMonitoring(Running running) {
        this.running = running;
    }

    @Override
    public List<double[]> range(String metric, Duration range) throws Exception {
        return running.get().monitoring().history(metric, range);
    }

    @Override
    public ActionOutcome silence(String alertName, Map<String, String> labels, Duration duration, String author,
                                 String comment) {
        Map<String, String> others = new TreeMap<>(labels);
        others.remove("alertname");
        return running.outcome(c -> c.silences().silence(alertName, others, duration, author, comment));
    }

    @Override
    public ActionOutcome expireSilence(String id) {
        return running.outcome(c -> c.silences().expire(id));
    }
}
