package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.hcdjg.cockpit.logs.LogClassifier.AUTH_FAILURE;
import static io.hcdjg.cockpit.logs.LogClassifier.ERROR;
import static io.hcdjg.cockpit.logs.LogClassifier.SLOW_QUERY;
import static io.hcdjg.cockpit.logs.LogClassifierTest.classify;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keywords as words: boundaries, class names, levels and the lines that say nothing went wrong. */
class WordRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "errorless run", "terrorism screening", "mirror_errors_total 3", "janusgraph_errors_total 12",
            "ErrorReporter started", "errorCode=12", "GET /api/v1/errors 200", "logger banking.api.errors started",
            "wrote /var/log/error.log", "an error-free run", "non-fatal: retried", "NOERROR from 10.0.0.2",
            "alert HighErrorRate firing", "critical path 41 ms", "severe weather feed refreshed",
            "slow_query_log_timeout=500ms", "auth_failed_total 3", "unauthorized_access_total 0",
            "erroré: 0x80 and above are word characters", "d\u00e9error"})
    void aKeywordInsideALongerWordIsNoHit(String line) {
        assertEquals(0, classify(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "java.lang.IllegalStateException: pool closed", "Caused by: java.io.IOException: reset",
            "ConnectionRefusedError: [Errno 111] Connection refused", "java.lang.OutOfMemoryError: Java heap space",
            "raised java.lang.Error", "org.apache.cassandra.exceptions.UnavailableException: 2 replicas needed",
            "Foo$BarException thrown", "an error here", "EXCEPTION!", "(error)", "error.",
            "\u001B[31mERROR\u001B[0m red"})
    void wordsAndClassNamesEndingInErrorOrExceptionAreErrors(String line) {
        assertEquals(ERROR, classify(line), line);
    }

    @Test
    void aJvmOptionNamedAfterAnErrorIsNone() {
        assertEquals(0, classify("JVM Arguments: [-XX:+HeapDumpOnOutOfMemoryError, -XX:-CrashOnOutOfMemoryError, "
                + "-XX:OnOutOfMemoryError=kill -9 %p]"));
        assertEquals(ERROR, classify("-XX:+HeapDumpOnOutOfMemoryError wrote a dump after java.lang.OutOfMemoryError"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0 errors", "(0 errors)", "no errors", "No new errors", "errors: 0", "errors=0", "error_count=0",
            "without error", "without any errors", "Errors: none", "completed with 0 errors and 0 warnings",
            "error rate 0.0", "error rate: 0.00%", "errors total=0", "not an error", "zero exceptions",
            "\"error\": null", "\"errors\": []", "error=nil", "hasError=false", "0 slow queries", "slow queries: 0",
            "authentication failures: 0", "line 3: 0 ERRORS"})
    void aLineThatSaysNothingWentWrongIsNotInTheClass(String line) {
        assertEquals(0, classify(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Found 3 errors", "10 errors", "errors: 0.5", "error rate 0.01", "error code 500",
            "Exception: null", "java.lang.NullPointerException: null", "Handler not found error",
            "no route to host error", "retrying after error: connection reset"})
    void aLineThatReportsSomeIsAnErrorLine(String line) {
        assertEquals(ERROR, classify(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-28 06:00:00,000 [ERROR] banking.api - export finished: 0 errors",
            "ERROR [main] 2026-11-28 06:00:00,000 Foo.java:12 - 0 errors",
            "[gremlin-server-exec-1] ERROR o.a.t.g.s.op.AbstractEvalOpProcessor - no errors",
            "ERROR:    no errors",
            "2026-11-28 06:00:00,000 ERROR [main] o.a.x - without errors",
            "06:00:00.000 [main] ERROR org.x.Y - errors: 0",
            "line 0 ERROR boom",
            "ts=2026-11-28T06:00:00Z level=error msg=\"0 errors\"",
            "{\"level\": \"ERROR\", \"message\": \"errors: none\"}",
            "2026-11-28T06:00:00.000Z [ERROR] core: 0 errors",
            "SEVERE: shutting down", "2026-11-28 06:00:00,000 [CRITICAL] banking.api - refusing to start",
            "level=critical msg=x", "{\"severity\": \"critical\"}", "FATAL: cannot allocate memory",
            "category:ERROR|operation:SELECT"})
    void aLevelFieldMakesAnErrorLineWhateverItSays(String line) {
        assertEquals(ERROR, classify(line), line);
    }

    @Test
    void aCountBeforeALevelBelongsToAnotherField() {
        assertEquals(ERROR, classify("2026-11-28 06:00:00,000 ERROR [main] x - boom"), "the milliseconds are 000");
        assertEquals(0, classify("2026-11-28 06:00:00,000 [INFO] x - 0 errors"));
        assertEquals(0, classify("stats ERROR=0 WARN=3"), "a level as a counter's key");
    }

    @Test
    void slowQueriesAndAuthFailuresAreWordsToo() {
        assertEquals(SLOW_QUERY, classify("Slow query: g.V().out() took 1532 ms"));
        assertEquals(SLOW_QUERY, classify("Some operations were slow, details available at debug level (debug.log)"));
        assertEquals(0, classify("batch took 1204 ms"), "no longer a slow-query phrase");
        assertEquals(AUTH_FAILURE, classify("{\"event_type\": \"authz_denied\"}"));
        assertEquals(AUTH_FAILURE, classify("WAF blocked request: category=sqli path=/x"));
        assertEquals(0, classify("GET /unauthorized.html 200"));
    }
}
