package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.RecoveryStep;

import java.util.List;

/**
 * The fresh-machine recovery chain as the runbook's Recovery tab shows it: a row per step, the first failing one. Pure.
 */
public final class RecoveryFormat {
    private RecoveryFormat() {
    }

    /** @param first the first failing step: it stands out */
    public record Row(String badge, String styleClass, String name, String found, boolean first) {
    }

    /**
     * @param summary "every step passes" or "first failing: R-07"
     * @param code    the first failing step's R-code, to highlight in the table; empty when none
     */
    public record Chain(List<Row> rows, String summary, String code) {
        public Chain {
            rows = List.copyOf(rows);
        }
    }

    public static Chain chain(List<RecoveryStep> steps) {
        RecoveryStep failing = steps.stream().filter(s -> s.level() == HealthLevel.DOWN).findFirst().orElse(null);
        List<Row> rows = steps.stream().map(s -> new Row(word(s.level()), HealthFormat.styleClass(s.level()),
                s.number() + ". " + s.name(), s.found() + (s.code().isEmpty() ? "" : "   [" + s.code() + "]"),
                s == failing)).toList();
        String summary = failing == null ? "every step passes"
                : "first failing: " + (failing.code().isEmpty() ? "step " + failing.number() : failing.code());
        return new Chain(rows, summary, failing == null ? "" : failing.code());
    }

    static String word(HealthLevel level) {
        return level == HealthLevel.UP ? "PASS" : level == HealthLevel.DOWN ? "FAIL" : "SKIP";
    }
}
