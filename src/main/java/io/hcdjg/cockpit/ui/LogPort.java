package io.hcdjg.cockpit.ui;

import java.util.List;

/** The log pane's sources: the followed containers, as they are now. */
public interface LogPort {
    List<LogSource> sources();
}
