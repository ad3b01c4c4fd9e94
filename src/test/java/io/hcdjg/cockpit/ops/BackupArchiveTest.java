package io.hcdjg.cockpit.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A restore takes from an archive only the keyspace it backs up, its table folders and one CREATE each. */
class BackupArchiveTest {
    static final String TABLE = "accounts-0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    /** An archive as a backup writes it (the CQL as the driver and Cassandra's snapshot write it). */
    private Path archive(String keyspace, String keyspaceCql, String tableDir, String schemaCql) throws Exception {
        Files.writeString(dir.resolve("backup.json"), "{\"project\":\"janusgraph-demo\",\"keyspace\":\"" + keyspace
                + "\",\"tables\":[\"" + tableDir + "\"]}");
        Files.writeString(dir.resolve("keyspace.cql"), keyspaceCql);
        Path table = Files.createDirectories(dir.resolve(keyspace).resolve(tableDir.replace("/", "_")));
        Files.writeString(table.resolve("schema.cql"), schemaCql);
        return dir;
    }

    private static final String KEYSPACE = "CREATE KEYSPACE janusgraph WITH replication = {'class': "
            + "'org.apache.cassandra.locator.SimpleStrategy', 'replication_factor': '1'} AND durable_writes = true;\n";
    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS janusgraph.accounts (\n    id int PRIMARY KEY,\n"
            + "    owner text)\n    WITH ID = 01234567-89ab-cdef-0123-456789abcdef\n    AND comment = '';\n";

    @Test
    void aBackupOfTheKeyspaceItRestoresPasses() throws Exception {
        BackupArchive.Checked c = BackupArchive.check(archive("janusgraph", KEYSPACE, TABLE, SCHEMA), "janusgraph");
        assertEquals("janusgraph", c.keyspace());
        assertEquals(List.of(TABLE), c.tableDirs());
        assertEquals("accounts", c.table(TABLE));
    }

    @Test
    void anotherKeyspaceIsRefused() throws Exception {
        Path a = archive("system_auth", KEYSPACE.replace("janusgraph", "system_auth"), TABLE,
                SCHEMA.replace("janusgraph", "system_auth"));
        assertEquals("the archive is a backup of keyspace 'system_auth'; this cockpit restores 'janusgraph' "
                + "(runbook.keyspace)", refusal(a));
    }

    @Test
    void aSecondStatementAfterTheCreateIsRefused() throws Exception {
        Path a = archive("janusgraph", KEYSPACE + "DROP KEYSPACE system_auth;\n", TABLE, SCHEMA);
        assertEquals("keyspace.cql holds more or other than the one statement a backup has there (CREATE KEYSPACE "
                + "janusgraph ...): not run", refusal(a));
    }

    @Test
    void aSchemaOfAnotherTableOrKeyspaceIsRefused() throws Exception {
        Path a = archive("janusgraph", KEYSPACE, TABLE, SCHEMA.replace("janusgraph.accounts", "system.local"));
        assertEquals("schema.cql holds more or other than the one statement a backup has there (CREATE TABLE "
                + "janusgraph.accounts ...): not run", refusal(a));
    }

    @Test
    void aTableFolderOutsideTheKeyspaceIsRefused() throws Exception {
        Path a = archive("janusgraph", KEYSPACE, "../../etc", SCHEMA);
        assertEquals("'../../etc' is not a table folder of the archive", refusal(a));
    }

    @Test
    void aFileWithoutBackupJsonIsNotABackup() {
        assertEquals("not a cockpit backup: it has no backup.json", refusal(dir));
    }

    private static String refusal(Path unpacked) {
        return assertThrows(IllegalArgumentException.class, () -> BackupArchive.check(unpacked, "janusgraph"))
                .getMessage();
    }
}
