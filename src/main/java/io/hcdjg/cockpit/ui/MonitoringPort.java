package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionOutcome;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the metrics and alerts tabs ask of Prometheus and Alertmanager; every method blocks. */
public interface MonitoringPort {

    /** A configured metric over the last {@code range}: [epoch seconds, value] points. */
    List<double[]> range(String metric, Duration range) throws Exception;

    /** Acknowledges an alert: a silence on exactly its labels, through the audited path. */
    ActionOutcome silence(String alertName, Map<String, String> labels, Duration duration, String author,
                          String comment);

    /** Ends a silence now, through the audited path. */
    ActionOutcome expireSilence(String id);
}
