package io.hcdjg.cockpit.logs;

import io.hcdjg.cockpit.config.CockpitConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.hcdjg.cockpit.logs.LogClassifier.AUTH_FAILURE;
import static io.hcdjg.cockpit.logs.LogClassifier.DESTRUCTIVE;
import static io.hcdjg.cockpit.logs.LogClassifier.ERROR;
import static io.hcdjg.cockpit.logs.LogClassifier.SLOW_QUERY;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The default patterns on the stack's real log formats (stack-reference §4.10). */
class LogClassifierTest {
    static final LogClassifier DEFAULTS = LogClassifier.defaults();

    static int classify(LogClassifier c, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return c.classify(b, 0, b.length);
    }

    /** The default classes of one line. */
    static int classify(String line) {
        return classify(DEFAULTS, line);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-28 05:52:19,680 [ERROR] banking.api - Unhandled exception on GET /api/v1/graph/stats   | 1
            ERROR [main] 2026-11-28 05:52:06,099 CassandraDaemon.java:889 - Exception encountered during startup | 1
            FATAL: cannot allocate memory                                                                   | 1
            [WARNING] banking.api.profiler - Slow query: g.V().out() took 1532 ms                             | 2
            WARN  [ScheduledTasks:1] MonitoringTask.java:173 - 3 operations were slow in the last 5000 msecs  | 2
            timeout occurred during traversal evaluation of [RequestMessage{...}]                             | 2
            10.89.0.1:51240 - "POST /api/v1/auth/login HTTP/1.1" 401                                          | 4
            [WARNING] banking.security.mfa - TOTP verification failed for user: alice                         | 4
            {"event_type": "auth_failed", "user": "mallory", "result": "failure"}                             | 4
            query_executed: DROP TABLE IF EXISTS janusgraph.tmp_import by admin                               | 8
            cqlsh> truncate table janusgraph.edgestore;                                                      | 8
            DELETE FROM janusgraph.edgestore WHERE key = 0x01                                                 | 8
            [INFO] banking.api - GET /api/v1/persons?limit=20 200 12ms                                        | 0
            INFO  [main] SystemKeyspaceMigrator41.java:213 - if this fails you should then truncate peers    | 0
            """)
    void theStacksLinesAreClassified(String line, int expected) {
        assertEquals(expected, classify(DEFAULTS, line));
    }

    @Test
    void caseDoesNotMatterAndOneLineCanBeInSeveralClasses() {
        assertEquals(ERROR | SLOW_QUERY, classify(DEFAULTS, "EXCEPTION after a SLOW QUERY"));
        assertEquals(ERROR | AUTH_FAILURE | DESTRUCTIVE,
                classify(DEFAULTS, "error: Unauthorized DROP KEYSPACE attempt"));
        assertEquals(ERROR, classify(DEFAULTS, "\u001B[31mERROR\u001B[0m coloured"),
                "ANSI codes do not hide a keyword");
    }

    @Test
    void theConstructorSearchesLiterallyWhileTheDefaultsReadWords() {
        LogClassifier literal = new LogClassifier(Map.of(ERROR, List.of("error")), Map.of());
        assertEquals(ERROR, classify(literal, "errorless"), "a literal search, as LogBuffer.find needs");
        assertEquals(0, classify(DEFAULTS, "errorless"));
    }

    @Test
    void keywordsFromTheConfigAreWordsAndReplaceTheirClassOnly() {
        LogClassifier c = LogClassifier.from(new CockpitConfig.Logs(1000, "24h",
                Map.of("error", List.of("failed"), "destructive", List.of("purge")),
                Map.of("slow-query", List.of("took [0-9]{4,} ms"))));
        assertEquals(ERROR, classify(c, "job failed"));
        assertEquals(0, classify(c, "0 failed, 3 passed"), "negated like the defaults");
        assertEquals(0, classify(c, "unfailed"));
        assertEquals(0, classify(c, "an error"), "the class's defaults are replaced");
        assertEquals(DESTRUCTIVE, classify(c, "purge all"));
        assertEquals(0, classify(c, "DROP TABLE x"));
        assertEquals(SLOW_QUERY, classify(c, "slow query"), "the other classes keep theirs");
        assertEquals(SLOW_QUERY, classify(c, "took 1500 ms"));
        assertEquals(AUTH_FAILURE, classify(c, "\"POST /login HTTP/1.1\" 401"));
        assertEquals(List.of("failed"), c.keywords().get(ERROR));
    }

    @Test
    void aLineWithManyCandidatesIsConfirmedWhole() {
        String many = "dropped ".repeat(200) + "then DROP TABLE ks.t";
        byte[] b = (many + "\n0 errors\n" + "error ".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8);
        List<Integer> seen = new ArrayList<>();
        DEFAULTS.classifyLines(b, 0, b.length, (s, e, c) -> seen.add(c));
        assertEquals(List.of(DESTRUCTIVE, 0, ERROR), seen);
        assertEquals(DESTRUCTIVE, classify(DEFAULTS, many));
    }

    @Test
    void overlappingKeywordsAreAllFound() {
        LogClassifier c = new LogClassifier(Map.of(1, List.of("he", "she", "hers"), 2, List.of("his")), Map.of());
        assertEquals(1, classify(c, "ushers"));
        assertEquals(2, classify(c, "this"));
        assertEquals(0, classify(c, "hxs"));
    }

    @Test
    void regularExpressionsAddToKeywords() {
        LogClassifier c = new LogClassifier(Map.of(ERROR, List.of("error")),
                Map.of(SLOW_QUERY, List.of("took [0-9]{4,} ms")));
        assertEquals(SLOW_QUERY, classify(c, "traversal took 1532 ms"));
        assertEquals(0, classify(c, "traversal took 153 ms"));
    }

    @Test
    void classifyingABufferGivesEveryLineAndItsClasses() {
        byte[] b = "ok\nerror here\n\nslow query\nno newline".getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        long n = DEFAULTS.classifyLines(b, 0, b.length, (s, e, c) -> seen.add(new String(b, s, e - s) + "=" + c));
        assertEquals(4, n, "the unterminated tail is not a line yet");
        assertEquals(List.of("ok=0", "error here=1", "=0", "slow query=2"), seen);
        assertEquals("error, auth failure", LogClassifier.describe(ERROR | AUTH_FAILURE));
    }
}
