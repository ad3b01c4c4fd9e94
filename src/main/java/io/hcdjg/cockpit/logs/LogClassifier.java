package io.hcdjg.cockpit.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tags each log line with the classes it belongs to (error, slow query, authentication failure, destructive
 * statement) as a bit mask. Keywords are found by one Aho-Corasick automaton over the raw bytes, folded to lower case,
 * compiled into a full transition table: one table lookup per byte, whatever the number of keywords, and no decoding
 * or String per line. Regular expressions are possible too, at the cost of a decode per line.
 */
public final class LogClassifier {
    public static final int ERROR = 1;
    public static final int SLOW_QUERY = 2;
    public static final int AUTH_FAILURE = 4;
    public static final int DESTRUCTIVE = 8;
    public static final List<String> NAMES = List.of("error", "slow query", "auth failure", "destructive");

    private final int[] output;     // state -> class mask of every keyword ending here (failure links folded in)
    /**
     * The scanning table over byte classes (bytes that occur in no keyword share one class, so the table stays in the
     * L1 cache): entry (state * classes + class) holds the next state already multiplied by the number of classes,
     * with the sign bit set when that state ends a keyword or the byte is a newline — so the hot loop is two loads and
     * one rarely taken branch per byte.
     */
    private final int[] scan;
    private final byte[] byteClass = new byte[256];
    private final int classes;
    private final List<Pattern> regexes;
    private final List<Integer> regexClasses;
    private final Map<Integer, List<String>> keywords;

    /**
     * @param keywords class bit → case-insensitive keywords
     * @param regexes  class bit → regular expressions, matched against the decoded line (slower)
     */
    public LogClassifier(Map<Integer, List<String>> keywords, Map<Integer, List<String>> regexes) {
        this.keywords = Map.copyOf(keywords);
        List<int[]> go = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        go.add(newRow());
        out.add(0);
        keywords.forEach((cls, words) -> {
            for (String w : words) {
                int s = 0;
                for (byte b : w.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
                    int c = b & 0xff;
                    if (go.get(s)[c] < 0) {
                        go.get(s)[c] = go.size();
                        go.add(newRow());
                        out.add(0);
                    }
                    s = go.get(s)[c];
                }
                out.set(s, out.get(s) | cls);
            }
        });
        int n = go.size();
        int[] delta = new int[n * 256]; // state * 256 + byte -> state
        output = new int[n];
        int[] fail = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int c = 0; c < 256; c++) {
            int t = go.get(0)[c];
            delta[c] = t < 0 ? 0 : t;
            if (t > 0) {
                fail[t] = 0;
                queue[tail++] = t;
            }
        }
        for (int s = 0; s < n; s++) {
            output[s] = out.get(s);
        }
        while (head < tail) {
            int s = queue[head++];
            output[s] |= output[fail[s]];
            for (int c = 0; c < 256; c++) {
                int t = go.get(s)[c];
                if (t >= 0) {
                    fail[t] = delta[fail[s] * 256 + c];
                    delta[s * 256 + c] = t;
                    queue[tail++] = t;
                } else {
                    delta[s * 256 + c] = delta[fail[s] * 256 + c];
                }
            }
        }
        // Case folding: an upper-case ASCII letter moves like its lower-case one.
        for (int s = 0; s < n; s++) {
            for (int c = 'A'; c <= 'Z'; c++) {
                delta[s * 256 + c] = delta[s * 256 + c + 32];
            }
        }
        // Bytes with identical columns in the transition table are one class; a representative byte per class.
        Map<String, Integer> columns = new java.util.HashMap<>();
        List<Integer> representative = new ArrayList<>();
        for (int c = 0; c < 256; c++) {
            StringBuilder key = new StringBuilder(c == '\n' ? "nl:" : "");
            for (int s = 0; s < n; s++) {
                key.append(delta[s * 256 + c]).append(',');
            }
            int k = columns.computeIfAbsent(key.toString(), x -> {
                representative.add(-1);
                return representative.size() - 1;
            });
            if (representative.get(k) < 0) {
                representative.set(k, c);
            }
            byteClass[c] = (byte) k;
        }
        int classes = representative.size();
        scan = new int[n * classes];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < classes; k++) {
                int c = representative.get(k);
                int t = delta[s * 256 + c];
                boolean flag = output[t] != 0 || c == '\n';
                scan[s * classes + k] = t * classes | (flag ? Integer.MIN_VALUE : 0);
            }
        }
        this.classes = classes;
        this.regexes = new ArrayList<>();
        this.regexClasses = new ArrayList<>();
        regexes.forEach((cls, list) -> list.forEach(r -> {
            this.regexes.add(Pattern.compile(r, Pattern.CASE_INSENSITIVE));
            this.regexClasses.add(cls);
        }));
    }

    private static int[] newRow() {
        int[] row = new int[256];
        java.util.Arrays.fill(row, -1);
        return row;
    }

    /** The defaults: what the runbook greps for, and what the stack really logs (stack-reference §4.10). */
    public static LogClassifier defaults() {
        return new LogClassifier(Map.of(
                ERROR, List.of("error", "exception", "fatal", "severe", "panic"),
                SLOW_QUERY, List.of("slow query", "slow queries", "operations were slow", "timeout occurred during traversal",
                        "batch took"),
                AUTH_FAILURE, List.of("authentication failed", "authentication failure", "auth failed", "auth_failed",
                        "invalid credentials", "totp verification failed", "mfa verification blocked", "unauthorized",
                        "\" 401", "authz_denied", "login failed"),
                DESTRUCTIVE, List.of("drop table", "drop keyspace", "drop index", "drop materialized view", "drop graph",
                        "truncate table", "delete from", ".drop()")), Map.of());
    }

    /** The defaults with the config's classes laid over them (a class listed in the config replaces its keywords). */
    public static LogClassifier from(io.hcdjg.cockpit.config.CockpitConfig.Logs config) {
        List<String> classes = List.of("error", "slow-query", "auth-failure", "destructive");
        Map<Integer, List<String>> keywords = new java.util.HashMap<>(defaults().keywords);
        Map<Integer, List<String>> regex = new java.util.HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            List<String> k = config.keywords().get(classes.get(i));
            if (k != null) {
                keywords.put(1 << i, k);
            }
            List<String> r = config.regex().get(classes.get(i));
            if (r != null) {
                regex.put(1 << i, r);
            }
        }
        return new LogClassifier(keywords, regex);
    }

    /** The keywords per class, e.g. to build the same search for grep. */
    public Map<Integer, List<String>> keywords() {
        return keywords;
    }

    /** The classes of bytes [from, to) of one line. */
    public int classify(byte[] buf, int from, int to) {
        int s = 0;
        int mask = 0;
        final int[] t = scan;
        final byte[] k = byteClass;
        for (int i = from; i < to; i++) {
            s = t[s + k[buf[i] & 0xff]];
            if (s < 0) {
                s &= Integer.MAX_VALUE;
                mask |= output[s / classes];
            }
        }
        if (!regexes.isEmpty()) {
            String line = new String(buf, from, to - from, StandardCharsets.UTF_8);
            for (int i = 0; i < regexes.size(); i++) {
                if ((mask & regexClasses.get(i)) == 0 && regexes.get(i).matcher(line).find()) {
                    mask |= regexClasses.get(i);
                }
            }
        }
        return mask;
    }

    /** Every line of a buffer: calls {@code sink} with each line's bounds and classes; returns the lines seen. */
    public long classifyLines(byte[] buf, int from, int to, LineSink sink) {
        final int[] t = scan;
        final byte[] k = byteClass;
        int s = 0;
        int mask = 0;
        int start = from;
        long lines = 0;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            s = t[s + k[b & 0xff]];
            if (s < 0) {
                s &= Integer.MAX_VALUE;
                if (b == '\n') {
                    sink.line(start, i, regexes.isEmpty() ? mask : mask | classify(buf, start, i));
                    lines++;
                    s = 0;
                    mask = 0;
                    start = i + 1;
                } else {
                    mask |= output[s / classes];
                }
            }
        }
        return lines;
    }

    /** Receives one line of a buffer: [start, end) and its classes. */
    @FunctionalInterface
    public interface LineSink {
        void line(int start, int end, int classes);
    }

    public static String describe(int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(NAMES.get(i));
            }
        }
        return String.join(", ", out);
    }
}
