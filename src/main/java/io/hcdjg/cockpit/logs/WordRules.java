package io.hcdjg.cockpit.logs;

import static io.hcdjg.cockpit.logs.LineBytes.isAlnum;
import static io.hcdjg.cockpit.logs.LineBytes.isDigit;
import static io.hcdjg.cockpit.logs.LineBytes.isLetter;
import static io.hcdjg.cockpit.logs.LineBytes.isSpace;
import static io.hcdjg.cockpit.logs.LineBytes.isUpper;
import static io.hcdjg.cockpit.logs.LineBytes.isWord;
import static io.hcdjg.cockpit.logs.LineBytes.oneOf;

/**
 * The rules for keywords that are words: where a word starts and ends, the class names that end in a keyword, log
 * levels, and the ways a line says that nothing went wrong. The rules are listed in {@link LogClassifier}'s comment.
 */
final class WordRules {
    /** Words between a negation and its keyword that keep the negation: "no new errors", "without any error". */
    private static final String[] FILLERS = {"a", "an", "any", "new", "more", "other", "further", "unhandled",
            "recent"};
    private static final String[] NEGATIONS = {"no", "zero", "without", "not"};
    /** Words between a keyword and its count: "error rate 0.0", "errors total: 0". */
    private static final String[] QUALIFIERS = {"count", "counts", "rate", "ratio", "total", "code", "found", "seen"};
    private static final String[] LEVEL_KEYS = {"level", "levelname", "severity", "lvl"};

    private WordRules() {
    }

    /** The keyword is a word of its own. */
    static boolean word(byte[] b, int from, int to, int start, int end) {
        return before(b, from, start) && after(b, end, to);
    }

    /**
     * A word that reports something (a slow query, an authentication failure), unless the line says there were none.
     */
    static boolean reported(byte[] b, int from, int to, int start, int end) {
        return word(b, from, to, start, end) && !negated(b, from, to, start, end);
    }

    /** "error", "exception": a word, or the end of a class name (IllegalStateException, KeyError), unless negated. */
    static boolean errorWord(byte[] b, int from, int to, int start, int end) {
        return (word(b, from, to, start, end) || classNameSuffix(b, from, to, start, end))
                && !negated(b, from, to, start, end) && !stackFrame(b, from, to);
    }

    /**
     * A Java stack frame ("\tat com.x.FooException.of(FooException.java:12)") belongs to the error above it: counted
     * as one line of its own, a 40-frame trace would be 40 errors.
     */
    static boolean stackFrame(byte[] b, int from, int to) {
        int p = from;
        while (p < to && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p > from && LineBytes.at(b, p, to, "at ") && p + 3 < to && isWord(b[p + 3]);
    }

    /**
     * "critical", "severe": only as a log level — in capitals (SEVERE:) or as a level field's value (level=critical).
     */
    static boolean level(byte[] b, int from, int to, int start, int end) {
        return word(b, from, to, start, end) && (LineBytes.upper(b, start, end) || levelKeyBefore(b, from, start))
                && !negated(b, from, to, start, end);
    }

    /**
     * A word starts at the line's start or after a byte that is no word character, except: a path (/api/errors), a
     * dotted name (banking.api.errors) and a hyphenated compound (non-fatal) continue a longer word. ANSI colour codes
     * (ESC[31m) end before it.
     */
    static boolean before(byte[] b, int from, int start) {
        if (start == from) {
            return true;
        }
        byte c = b[start - 1];
        if (c == 'm' && ansiBefore(b, from, start - 1)) {
            return true;
        }
        if (isWord(c) || c == '/') {
            return false;
        }
        return !((c == '.' || c == '-') && start - 1 > from && isAlnum(b[start - 2]));
    }

    /** A word ends at the line's end or before a byte that is no word character, except in error-free, error.log. */
    static boolean after(byte[] b, int end, int to) {
        if (end == to) {
            return true;
        }
        byte c = b[end];
        if (isWord(c)) {
            return false;
        }
        return !((c == '.' || c == '-') && end + 1 < to && isLetter(b[end + 1]));
    }

    private static boolean ansiBefore(byte[] b, int from, int m) {
        int i = m - 1;
        while (i > from && (isDigit(b[i]) || b[i] == ';')) {
            i--;
        }
        return i > from && b[i] == '[' && b[i - 1] == 0x1B;
    }

    /**
     * The keyword ends a Java or Python class name: it is written Capitalised and follows a letter, digit, '.' or '$'
     * (java.lang.Error, IOException, ConnectionRefusedError). A JVM option (-XX:+HeapDumpOnOutOfMemoryError) is no
     * error however it ends.
     */
    static boolean classNameSuffix(byte[] b, int from, int to, int start, int end) {
        if (start == from || !isUpper(b[start]) || !after(b, end, to)) {
            return false;
        }
        byte p = b[start - 1];
        if (!(isAlnum(p) || p == '.' || p == '$')) {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (isUpper(b[i])) {
                return false;
            }
        }
        int t = start;
        while (t > from && (isWord(b[t - 1]) || b[t - 1] == '.' || b[t - 1] == '$')) {
            t--;
        }
        boolean jvmOption = t - 3 >= from && LineBytes.at(b, t - 3, to, "xx:")
                || t - 4 >= from && (LineBytes.at(b, t - 4, to, "xx:+") || LineBytes.at(b, t - 4, to, "xx:-"));
        return !jvmOption;
    }

    /** Just before: "level=", "level": ", "severity": " (logfmt, JSON logs, the audit log). */
    private static boolean levelKeyBefore(byte[] b, int from, int start) {
        int p = start;
        if (p > from && b[p - 1] == '"') {
            p--;
        }
        p = spacesBack(b, from, p);
        if (p == from || (b[p - 1] != '=' && b[p - 1] != ':')) {
            return false;
        }
        p = spacesBack(b, from, p - 1);
        if (p > from && b[p - 1] == '"') {
            p--;
        }
        int w = p;
        while (w > from && isLetter(b[w - 1])) {
            w--;
        }
        return oneOf(b, w, p, LEVEL_KEYS);
    }

    /**
     * The line says there was none of it: a zero or a negation before the keyword, or a zero value after it. A word in
     * capitals (ERROR, FATAL) is a level or a label: a count before it is another field's ("line 0 ERROR").
     */
    static boolean negated(byte[] b, int from, int to, int start, int end) {
        boolean label = LineBytes.upper(b, start, end) && b[end - 1] != 'S';
        return !label && negatedBefore(b, from, start) || zeroAfter(b, from, to, start, end);
    }

    /** "0 errors", "no errors", "no new errors", "without any error", "not an error". */
    private static boolean negatedBefore(byte[] b, int from, int start) {
        int p = start;
        for (int words = 0; words < 2; words++) {
            int q = spacesBack(b, from, p);
            if (q == p) {
                return false;
            }
            int t = q;
            while (t > from && (isAlnum(b[t - 1]) || b[t - 1] == '.')) {
                t--;
            }
            if (t == q || t > from && !isSpace(b[t - 1]) && b[t - 1] != '(' && b[t - 1] != '[') {
                return false; // no word, or the end of a time, a version, a path: 06:00:00,000 ERROR
            }
            if (zeroNumber(b, t, q) == q || oneOf(b, t, q, NEGATIONS)) {
                return true;
            }
            if (!oneOf(b, t, q, FILLERS)) {
                return false;
            }
            p = t;
        }
        return false;
    }

    /**
     * "errors: 0", "errors=0", "error rate 0.0", "Errors: none"; for a key-value pair (a quoted key or '=') also an
     * empty value: "error": null, error=nil, "errors": [], error=false. An unquoted "Exception: null" is a real one
     * (a NullPointerException's message).
     */
    private static boolean zeroAfter(byte[] b, int from, int to, int start, int end) {
        int p = end;
        boolean quotedKey = start > from && b[start - 1] == '"' && p < to && b[p] == '"';
        if (quotedKey) {
            p++;
        }
        int q = LineBytes.spaces(b, p, to);
        int w = q;
        while (w < to && isLetter(b[w])) {
            w++;
        }
        if (q > p && oneOf(b, q, w, QUALIFIERS)) {
            p = w;
        }
        p = LineBytes.spaces(b, p, to);
        boolean equals = p < to && b[p] == '=';
        if (p < to && (b[p] == ':' || b[p] == '=')) {
            p = LineBytes.spaces(b, p + 1, to);
        }
        if (p + 1 < to && (b[p] == '[' && b[p + 1] == ']' || b[p] == '{' && b[p + 1] == '}'
                || b[p] == '"' && b[p + 1] == '"')) {
            return quotedKey || equals;
        }
        if (p < to && b[p] == '"') {
            p++;
        }
        int v = zeroNumber(b, p, to);
        if (v > p) {
            return v == to || !isWord(b[v]);
        }
        w = p;
        while (w < to && isLetter(b[w])) {
            w++;
        }
        if (w < to && isWord(b[w])) {
            return false;
        }
        return oneOf(b, p, w, "none") || (quotedKey || equals) && oneOf(b, p, w, "null", "nil", "false");
    }

    /** Past a number that is zero (0, 00, 0.0, 0.00%), or {@code at} when there is none. */
    private static int zeroNumber(byte[] b, int at, int to) {
        int p = at;
        while (p < to && b[p] == '0') {
            p++;
        }
        if (p == at) {
            return at;
        }
        if (p + 1 < to && b[p] == '.' && isDigit(b[p + 1])) {
            p++;
            while (p < to && b[p] == '0') {
                p++;
            }
        }
        if (p < to && isDigit(b[p])) {
            return at;
        }
        return p < to && b[p] == '%' ? p + 1 : p;
    }

    private static int spacesBack(byte[] b, int from, int p) {
        while (p > from && isSpace(b[p - 1])) {
            p--;
        }
        return p;
    }
}
