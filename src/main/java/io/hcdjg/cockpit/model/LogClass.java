package io.hcdjg.cockpit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classes a log line can belong to, named once: the classifier tags a line with their bits, the counters and
 * {@link LogSummary} keep one count per class in this order, the config names them by {@link #key()}, and every view,
 * report and CLI words them from here. The order is the bit order, so a new class goes at the end.
 */
public enum LogClass {
    ERROR("error", "errors", "errors"),
    SLOW_QUERY("slow query", "slow queries", "slow"),
    AUTH_FAILURE("auth failure", "auth failures", "auth"),
    DESTRUCTIVE("destructive", "destructive", "destructive");

    /** Every class in bit order; index i of a per-class count list is {@code ALL.get(i)}. */
    public static final List<LogClass> ALL = List.of(values());

    private final String word;
    private final String plural;
    private final String tag;

    LogClass(String word, String plural, String tag) {
        this.word = word;
        this.plural = plural;
        this.tag = tag;
    }

    /** The class's bit in a line's class mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /** "slow query": one line's class, as in "3 slow query lines" or "error, auth failure". */
    public String word() {
        return word;
    }

    /** "slow queries": a column heading or a filter choice. */
    public String plural() {
        return plural;
    }

    /** "slow": the short label next to a count on a service's tile. */
    public String tag() {
        return tag;
    }

    /** "slow-query": the name in the config's keyword and regex lists and in the incident rules. */
    public String key() {
        return word.replace(' ', '-');
    }

    /** The class a config key names, if any. */
    public static Optional<LogClass> ofKey(String key) {
        return ALL.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The classes whose bits are set in {@code mask}, in bit order. */
    public static List<LogClass> in(int mask) {
        List<LogClass> out = new ArrayList<>();
        for (LogClass c : ALL) {
            if ((mask & c.bit()) != 0) {
                out.add(c);
            }
        }
        return out;
    }

    /** "error, auth failure": the classes of a mask in words. */
    public static String describe(int mask) {
        return String.join(", ", in(mask).stream().map(LogClass::word).toList());
    }
}
