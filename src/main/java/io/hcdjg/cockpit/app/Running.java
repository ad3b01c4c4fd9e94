package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ActionOutcome;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cockpit behind the window, which is absent while it starts (and while a connection switch restarts it): the one
 * place the window's ports ask for it and say "still starting".
 */
final class Running {
    static final String STARTING = "the cockpit is still starting; try again in a moment";

    /** One audited call on the running cockpit. */
    interface Call {
        ActionOutcome on(Cockpit c) throws IOException;
    }

    private final Supplier<Cockpit> cockpit;

    Running(Supplier<Cockpit> cockpit) {
        this.cockpit = cockpit;
    }

    /** The running cockpit, for calls with nothing to say while it starts (lists, ladders). */
    Optional<Cockpit> now() {
        return Optional.ofNullable(cockpit.get());
    }

    /** The running cockpit; while it starts, an {@link IllegalStateException} whose message is for the operator. */
    Cockpit get() {
        return now().orElseThrow(() -> new IllegalStateException(STARTING));
    }

    /** An audited call: "still starting", an unavailable podman and an unwritable audit log end as FAILED outcomes. */
    ActionOutcome outcome(Call call) {
        Cockpit c = cockpit.get();
        if (c == null) {
            return failed(STARTING);
        }
        try {
            return call.on(c);
        } catch (IOException e) {
            return failed("the audit log could not be written, so nothing is reported done: " + e.getMessage());
        }
    }

    static ActionOutcome failed(String message) {
        return new ActionOutcome(ActionOutcome.Status.FAILED, message, List.of());
    }
}
