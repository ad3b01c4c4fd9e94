package io.hcdjg.cockpit.ui;

import javafx.beans.value.ObservableValue;

import java.util.Objects;

/**
 * A view's part of each model, applied only when it changed and only while the view is on screen: a hidden tab does
 * no work, and is brought up to date when it is shown. FX thread.
 */
final class ViewFeed {
    private final ObservableValue<Boolean> showing;
    private Object applied;
    private Object part;
    private Runnable apply;

    ViewFeed(ObservableValue<Boolean> showing) {
        this.showing = showing;
        showing.addListener((o, was, now) -> flush());
    }

    /** The view's latest part, and how to show it. */
    void offer(Object latest, Runnable show) {
        part = latest;
        apply = show;
        flush();
    }

    private void flush() {
        if (apply != null && Boolean.TRUE.equals(showing.getValue()) && !Objects.equals(part, applied)) {
            applied = part;
            Runnable a = apply;
            apply = null;
            a.run();
        }
    }
}
