package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.hcdjg.cockpit.logs.LogClassifier.AUTH_FAILURE;
import static io.hcdjg.cockpit.logs.LogClassifier.DESTRUCTIVE;
import static io.hcdjg.cockpit.logs.LogClassifierTest.classify;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Destructive statements by CQL's and Gremlin's grammar, and a 401 as an access line's status. */
class StatementRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "DROP TABLE ks.t", "DROP COLUMNFAMILY t", "DROP KEYSPACE IF EXISTS scratch", "DROP SCHEMA \"Scratch\"",
            "DROP INDEX ks.person_name_idx", "DROP MATERIALIZED VIEW  ks.person_by_name", "DROP TYPE ks.address",
            "DROP FUNCTION ks.fLog(double)", "DROP AGGREGATE IF EXISTS ks.average", "DROP TRIGGER audit ON ks.t",
            "DROP ROLE alice", "DROP USER IF EXISTS bob", "drop\ttable\tks.t",
            "TRUNCATE ks.t", "TRUNCATE t;", "TRUNCATE TABLE ks.t", "TRUNCATE COLUMNFAMILY \"Quoted\"",
            "cqlsh:ks> truncate staging;", "cqlsh> truncate ks.staging",
            "query_executed: TRUNCATE janusgraph.staging by admin",
            "DELETE FROM ks.t WHERE id = 1", "DELETE name FROM ks.t WHERE id = 1",
            "DELETE name, emails['work'], scores[2], address.city FROM t WHERE id = 1",
            "cqlsh:ks> delete from person where id = 1;",
            "cqlsh:ks> delete from person using timestamp 12 where id = 1;",
            "ALTER TABLE ks.t DROP nickname", "ALTER TABLE IF EXISTS t DROP IF EXISTS nickname",
            "ALTER TABLE t DROP (a, b)", "ALTER COLUMNFAMILY t DROP COMPACT STORAGE",
            "{\"event_type\": \"query_executed\", \"metadata\": {\"query\": \"TRUNCATE janusgraph.staging\"}}",
            "user:cassandra|type:DROP_TABLE|category:DDL|operation:DROP TABLE janusgraph.tmp;",
            "Unauthorized DROP KEYSPACE attempt", "Executing DROP TABLE ks.t"})
    void cqlStatementsAreDestructive(String line) {
        assertEquals(DESTRUCTIVE, classify(line) & DESTRUCTIVE, line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "g.V().has('x').drop()", "g.E(12).drop().iterate()", "g.V(1).properties('nickname').drop()",
            "g.V().sideEffect(__.drop())", "g.V().sideEffect(drop())",
            "args={gremlin=[[], [V(), hasLabel(tmp), drop()]]}",
            "gremlin> JanusGraphFactory.drop(graph)", "ConfiguredGraphFactory.drop('scratch')", "g.V().drop( )"})
    void gremlinDropStepsAreDestructive(String line) {
        assertEquals(DESTRUCTIVE, classify(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MessagingService dropped 3 messages", "READ_REQ messages were dropped in last 5000 ms", "drop-down values",
            "Dropping connection to 10.89.0.4", "\"DELETE /api/v1/x HTTP/1.1\" 204", "DELETE /api/v1/x 204 4ms",
            "delete_from_cache calls 3", "truncated line of 70000 bytes", "Failed to delete from cache",
            "delete from cache failed", "Please drop table foo", "GRANT DROP ON KEYSPACE ks TO ops",
            "User bob has no DROP permission on <table ks.t> or any of its parents",
            "ALTER TABLE t WITH gc_grace_seconds = 0",
            "ALTER TABLE t ADD nickname text", "TRUNCATE", "TRUNCATE TABLE", "DELETE FROM", "DROP TABLE IF EXISTS",
            "truncate -s 0 /var/log/x.log", "df.drop(columns=['a'])", "graph.io(IoCore.graphml()).readGraph('x')",
            "sidedrop()", "\"action\": \"drop_graph\"", "backdrop raindrop"})
    void lookAlikesAreNotDestructive(String line) {
        assertEquals(0, classify(line), line);
    }

    @Test
    void cassandrasRecordOfATruncateIsDestructiveNotItsHousekeeping() {
        // ColumnFamilyStore.truncateBlocking: logger.info("Truncating {}.{}") then "Truncate of {}.{} is complete"
        assertEquals(DESTRUCTIVE, classify("INFO  [Native-Transport-Requests-1] 2026-11-28 06:20:00,000 "
                + "ColumnFamilyStore.java:3074 - Truncating janusgraph.staging"));
        assertEquals(0, classify("INFO  [Native-Transport-Requests-1] 2026-11-28 06:20:00,210 "
                + "ColumnFamilyStore.java:3116 - Truncate of janusgraph.staging is complete"),
                "the same truncate, once");
        // PaxosUncommittedTracker.maybeRebuild truncates its own system table at start-up
        assertEquals(0, classify("INFO  [main] 2026-11-28 05:52:04,500 PaxosUncommittedTracker.java:312 - "
                + "Truncating system.paxos_repair_history"));
        assertEquals(0, classify("Truncating long line to 1024 bytes"));
        // SystemKeyspaceMigrator41.migrateTable, at every first start
        assertEquals(0, classify("INFO  [main] 2026-11-28 05:52:03,014 SystemKeyspaceMigrator41.java:214 - peers_v2 "
                + "table was empty, migrating legacy peers, if this fails you should fix the issue and then truncate "
                + "peers_v2 to have it try again."));
        // MigrationManager (3.x/4.0): logger.info("Drop Keyspace '{}'"), logger.info("Drop table '{}/{}'")
        assertEquals(DESTRUCTIVE, classify("INFO  [MigrationStage:1] 2026-11-28 06:21:00,000 MigrationManager.java:462 "
                + "- Drop Keyspace 'scratch'"));
        assertEquals(DESTRUCTIVE, classify("INFO  [MigrationStage:1] 2026-11-28 06:21:01,000 MigrationManager.java:478 "
                + "- Drop table 'janusgraph/tmp_import'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "10.89.0.1:51240 - \"POST /api/v1/auth/login HTTP/1.1\" 401",
            "INFO:     10.89.0.1:51250 - \"POST /api/v1/auth/login HTTP/1.1\" 401 Unauthorized",
            "10.0.0.1 - - [28/Nov/2026:06:00:00 +0000] \"GET /x HTTP/2\" 401 0 \"-\" \"curl/8\"",
            "2026-11-28 06:00:00,012 [INFO] banking.api - POST /api/v1/auth/login 401 9ms"})
    void a401IsAnAccessLinesStatus(String line) {
        assertEquals(AUTH_FAILURE, classify(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "took 401 ms", "\"GET /api/v1/accounts?limit=401 HTTP/1.1\" 200", "consumed 401 events",
            "\"GET /x HTTP/1.1\" 4010", "processed \"batch\" 401", "order /401 401", "GET /x 200 401ms"})
    void another401IsNone(String line) {
        assertEquals(0, classify(line), line);
    }
}
