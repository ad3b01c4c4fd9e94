package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionOutcome;

import java.util.List;
import java.util.function.Consumer;

/** One planned-maintenance run (§5.2), step by step; {@code run} blocks and is called off the FX thread. */
public interface MaintenanceSteps {
    List<String> steps();

    ActionOutcome run(int step, Consumer<String> progress);

    /** Where this run's output is kept. */
    String log();
}
