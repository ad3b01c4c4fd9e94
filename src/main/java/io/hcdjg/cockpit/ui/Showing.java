package io.hcdjg.cockpit.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Window;

/**
 * When a view is on screen, so that its timers and feeds run only then: in a window that is showing and, inside a tab
 * pane, on the selected tab. A view owns one {@link Switch} and hands it the condition it lives under.
 */
final class Showing {
    private Showing() {
    }

    /** In the scene of a window that is showing. */
    static ObservableValue<Boolean> inWindow(Node node) {
        return node.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
    }

    /** On the selected tab of a showing window. */
    static ObservableValue<Boolean> onTab(Node node, Tab tab) {
        ObservableValue<Boolean> window = inWindow(node);
        return Bindings.createBooleanBinding(() -> tab.isSelected() && window.getValue(), tab.selectedProperty(),
                window);
    }

    /** Starts something when its condition turns true and stops it when it turns false; one condition at a time. */
    static final class Switch {
        private final Runnable start;
        private final Runnable stop;
        private final ChangeListener<Boolean> listener = (o, was, now) -> set(now);
        private ObservableValue<Boolean> condition;
        private boolean on;

        Switch(Runnable start, Runnable stop) {
            this.start = start;
            this.stop = stop;
        }

        /** From now on under {@code c} (replacing the previous condition); applies its current value at once. */
        void follow(ObservableValue<Boolean> c) {
            if (condition != null) {
                condition.removeListener(listener);
            }
            condition = c;
            c.addListener(listener);
            set(c.getValue());
        }

        boolean on() {
            return on;
        }

        private void set(Boolean value) {
            boolean want = Boolean.TRUE.equals(value);
            if (want != on) {
                on = want;
                (want ? start : stop).run();
            }
        }
    }
}
