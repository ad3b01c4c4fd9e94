package io.hcdjg.cockpit.logs;

import io.hcdjg.cockpit.model.LogClass;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.hcdjg.cockpit.config.CockpitConfig;
import java.util.Locale;

/**
 * Tags each log line with the classes it belongs to (error, slow query, authentication failure, destructive
 * statement) as a bit mask. It reads words and statements, not substrings: one Aho-Corasick automaton over the raw
 * bytes finds candidate keywords (a table lookup per byte, no decoding, no String per line), and only a line with a
 * candidate has it confirmed by the keyword's rule. The rules:
 * <ul>
 * <li><b>Words.</b> A keyword counts where it stands as a word: the bytes around it are no word characters (ASCII
 * letters, digits, '_', and every byte from 0x80 on, the bytes of non-ASCII letters). A path (/api/v1/errors), a
 * dotted name (banking.api.errors, error.log), a hyphenated compound (non-fatal, error-free) and an identifier
 * (janusgraph_errors_total, ErrorReporter, errorless) are longer words. ANSI colour codes are no part of a word.</li>
 * <li><b>Class names.</b> "Error" and "Exception", Capitalised at the end of a class name, count:
 * java.lang.IllegalStateException, IOException, ConnectionRefusedError. A JVM option does not
 * (-XX:+HeapDumpOnOutOfMemoryError, in Cassandra's start-up line).</li>
 * <li><b>Levels.</b> A level field (ERROR [main], [ERROR], ] ERROR o.a.t…, uvicorn's ERROR:, level=error,
 * "levelname": "ERROR") is an error word that nothing negates, so its line is an error line whatever it says. "severe"
 * and "critical" count only as levels: in capitals, or as a level field's value.</li>
 * <li><b>Nothing went wrong.</b> An error, slow-query or auth-failure word does not count when the line says there was
 * none: a zero or a negation just before it ("0 errors", "no new errors", "without any error", "not an error"; one
 * word may stand between), or a zero after it ("errors: 0", "errors=0", "error rate 0.0", "Errors: none"; for a
 * key-value pair also null, nil, false, [], {}: "error": null). So an INFO line's "completed with 0 errors" is not an
 * error line, and "Found 3 errors" is.</li>
 * <li><b>Statements.</b> Destructive means a data statement, by its grammar: CQL's DROP (TABLE | COLUMNFAMILY |
 * KEYSPACE | SCHEMA | INDEX | MATERIALIZED VIEW | TYPE | FUNCTION | AGGREGATE | TRIGGER | ROLE | USER) [IF EXISTS]
 * name, TRUNCATE [TABLE | COLUMNFAMILY] name, DELETE [columns] FROM name and ALTER TABLE name DROP columns, anywhere
 * in the line (audit JSON, cqlsh echo, Cassandra's audit log) but in capitals or where a statement starts (the line's
 * start, after a prompt, separator, quote or bracket): "then truncate peers_v2" is prose. Gremlin's drop step
 * (g.V().has('x').drop(), [V(), drop()]) and JanusGraphFactory.drop(graph). Cassandra's "Truncating ks.t", its
 * record of a TRUNCATE (not of its own system keyspaces). An HTTP DELETE request is no data statement.</li>
 * <li><b>A 401.</b> Only as an HTTP access line's status: after the quoted request ("POST /x HTTP/1.1" 401) or
 * after the method and path of the API's request log (POST /x 401 12ms).</li>
 * </ul>
 * Keywords from the config are words with these boundaries; the error, slow-query and auth-failure ones can be
 * negated. A classifier built with the public constructor matches its keywords as plain substrings: a literal search,
 * as {@link LogBuffer#find} needs. Regular expressions are possible too, at the cost of a decode per line.
 */
public final class LogClassifier {
    // the bits as ints: the scan loops and the buffers work on masks, the names live in LogClass
    public static final int ERROR = LogClass.ERROR.bit();
    public static final int SLOW_QUERY = LogClass.SLOW_QUERY.bit();
    public static final int AUTH_FAILURE = LogClass.AUTH_FAILURE.bit();
    public static final int DESTRUCTIVE = LogClass.DESTRUCTIVE.bit();
    private static final List<Keyword> DEFAULTS = defaultKeywords();

    /** A keyword: what the automaton looks for, the class it marks, and the rule that confirms a match. */
    record Keyword(String text, int cls, HitRule rule) {
    }

    private final Keyword[] words;
    private final int[] lengths;
    private final int[] output;
    private final int[][] ruled;
    private final int[] scan;
    private final byte[] byteClass;
    private final int classes;
    private final List<Pattern> regexes = new ArrayList<>();
    private final List<Integer> regexClasses = new ArrayList<>();
    private final Map<Integer, List<String>> keywords;

    /**
     * A literal search: any occurrence of a keyword counts.
     *
     * @param keywords class bit → case-insensitive keywords, matched as substrings
     * @param regexes  class bit → regular expressions, matched against the decoded line (slower)
     */
    public LogClassifier(Map<Integer, List<String>> keywords, Map<Integer, List<String>> regexes) {
        this(keywords.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(w -> new Keyword(w, e.getKey(), HitRule.SUBSTRING))).toList(), regexes);
    }

    LogClassifier(List<Keyword> words, Map<Integer, List<String>> regexes) {
        this.words = words.toArray(Keyword[]::new);
        lengths = new int[this.words.length];
        int[] literal = new int[this.words.length];
        Map<Integer, List<String>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < this.words.length; i++) {
            Keyword k = this.words[i];
            lengths[i] = k.text().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8).length;
            literal[i] = k.rule() == HitRule.SUBSTRING ? k.cls() : 0;
            byClass.computeIfAbsent(k.cls(), c -> new ArrayList<>()).add(k.text());
        }
        keywords = Map.copyOf(byClass);
        KeywordAutomaton a = new KeywordAutomaton(words.stream().map(Keyword::text).toList(), literal);
        output = a.output;
        ruled = a.ruled;
        scan = a.scan;
        byteClass = a.byteClass;
        classes = a.classes;
        regexes.forEach((cls, list) -> list.forEach(r -> {
            this.regexes.add(Pattern.compile(r, Pattern.CASE_INSENSITIVE));
            this.regexClasses.add(cls);
        }));
    }

    private static List<Keyword> defaultKeywords() {
        List<Keyword> k = new ArrayList<>();
        add(k, ERROR, WordRules::errorWord, "error", "errors", "exception", "exceptions");
        add(k, ERROR, WordRules::reported, "fatal", "panic");
        add(k, ERROR, WordRules::level, "severe", "critical");
        add(k, SLOW_QUERY, WordRules::reported, "slow query", "slow queries", "operations were slow",
                "timeout occurred during traversal evaluation", "requires iterating over all vertices");
        add(k, AUTH_FAILURE, WordRules::reported, "authentication failed", "authentication failure",
                "authentication failures", "auth failed", "auth_failed", "authz_denied", "login failed", "login_error",
                "unauthorized", "unauthorized_attempt", "invalid credentials", "invalid username or password",
                "and/or password are incorrect", "totp verification failed", "mfa verification blocked",
                "waf blocked request");
        add(k, AUTH_FAILURE, StatementRules::accessStatus, " 401");
        add(k, DESTRUCTIVE, StatementRules::drop, "drop");
        add(k, DESTRUCTIVE, StatementRules::truncate, "truncate");
        add(k, DESTRUCTIVE, StatementRules::truncating, "truncating");
        add(k, DESTRUCTIVE, StatementRules::droppedFlush, "enqueuing flush of");
        add(k, DESTRUCTIVE, StatementRules::delete, "delete");
        add(k, DESTRUCTIVE, StatementRules::alter, "alter");
        return List.copyOf(k);
    }

    private static void add(List<Keyword> to, int cls, HitRule rule, String... texts) {
        for (String t : texts) {
            to.add(new Keyword(t, cls, rule));
        }
    }

    /** The defaults: what the runbook looks for, and what the stack really logs (stack-reference §4.10). */
    public static LogClassifier defaults() {
        return new LogClassifier(DEFAULTS, Map.of());
    }

    /** The defaults with the config's classes laid over them (a class listed in the config replaces its keywords). */
    public static LogClassifier from(CockpitConfig.Logs config) {
        List<Keyword> words = new ArrayList<>(DEFAULTS);
        Map<Integer, List<String>> regex = new HashMap<>();
        for (LogClass c : LogClass.ALL) {
            int cls = c.bit();
            List<String> k = config.keywords().get(c.key());
            if (k != null) {
                words.removeIf(w -> w.cls() == cls);
                add(words, cls, cls == DESTRUCTIVE ? WordRules::word : WordRules::reported, k.toArray(String[]::new));
            }
            List<String> r = config.regex().get(c.key());
            if (r != null) {
                regex.put(cls, r);
            }
        }
        return new LogClassifier(words, regex);
    }

    /**
     * The keywords per class (what the automaton looks for before any rule), e.g. to build the same search for grep.
     */
    public Map<Integer, List<String>> keywords() {
        return keywords;
    }

    /** The classes of bytes [from, to) of one line. */
    public int classify(byte[] buf, int from, int to) {
        final int[] t = scan;
        final byte[] k = byteClass;
        int s = 0;
        int mask = 0;
        int[] hits = null;
        int n = 0;
        for (int i = from; i < to; i++) {
            s = t[s + k[buf[i] & 0xff]];
            if (s < 0) {
                s &= Integer.MAX_VALUE;
                int state = s / classes;
                int o = output[state];
                mask |= o & Integer.MAX_VALUE;
                if (o < 0) {
                    hits = hits == null ? new int[8] : hits.length == n ? Arrays.copyOf(hits, 2 * n) : hits;
                    hits[n++] = state;
                    hits[n++] = i + 1;
                }
            }
        }
        if (n > 0) {
            mask |= confirm(buf, from, to, hits, n);
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
        int[] hits = new int[16];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            s = t[s + k[b & 0xff]];
            if (s < 0) {
                s &= Integer.MAX_VALUE;
                if (b == '\n') {
                    if (!regexes.isEmpty()) {
                        mask = classify(buf, start, i);
                    } else if (n > 0) {
                        mask |= confirm(buf, start, i, hits, n);
                    }
                    sink.line(start, i, mask);
                    lines++;
                    s = 0;
                    mask = 0;
                    n = 0;
                    start = i + 1;
                } else {
                    int state = s / classes;
                    int o = output[state];
                    mask |= o & Integer.MAX_VALUE;
                    if (o < 0) {
                        if (n == hits.length) {
                            hits = Arrays.copyOf(hits, 2 * n);
                        }
                        hits[n++] = state;
                        hits[n++] = i + 1;
                    }
                }
            }
        }
        return lines;
    }

    /** The classes the rules confirm among a line's candidates: (state, end) pairs. */
    private int confirm(byte[] buf, int from, int to, int[] hits, int n) {
        int found = 0;
        for (int h = 0; h < n; h += 2) {
            int end = hits[h + 1];
            for (int w : ruled[hits[h]]) {
                Keyword kw = words[w];
                if ((found & kw.cls()) == 0 && kw.rule().confirms(buf, from, to, end - lengths[w], end)) {
                    found |= kw.cls();
                }
            }
        }
        return found;
    }

    /** Receives one line of a buffer: [start, end) and its classes. */
    @FunctionalInterface
    public interface LineSink {
        void line(int start, int end, int classes);
    }

    public static String describe(int mask) {
        return LogClass.describe(mask);
    }
}
