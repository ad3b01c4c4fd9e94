package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a restore may take from an unpacked backup, checked before anything is stopped: an archive is a file anyone
 * who can write the backup folder may have made, and a restore runs its CQL on the stack's database. It must be a
 * backup of the keyspace this cockpit backs up, its tables plain {@code <table>-<id>} folders of it, and its CQL
 * exactly one {@code CREATE KEYSPACE} of that keyspace and one {@code CREATE TABLE} of each table.
 */
final class BackupArchive {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");
    private static final Pattern TABLE_DIR = Pattern.compile("([A-Za-z0-9_]{1,48})-[0-9a-f]{32}");
    private static final Pattern COMMENT = Pattern.compile("(?m)^\\s*--.*$");

    /** A checked archive: its keyspace and table folders, and the CQL that recreates them when missing. */
    record Checked(String keyspace, List<String> tableDirs) {
        String table(String tableDir) {
            return tableDir.replaceFirst("-[0-9a-f]{32}$", "");
        }
    }

    private BackupArchive() {
    }

    /** @throws IllegalArgumentException what makes the archive unfit, for the operator */
    static Checked check(Path unpacked, String keyspace) throws IOException {
        Path metaFile = unpacked.resolve("backup.json");
        if (!Files.isRegularFile(metaFile)) {
            throw new IllegalArgumentException("not a cockpit backup: it has no backup.json");
        }
        JsonNode meta = JSON.readTree(metaFile.toFile());
        String ks = meta.path("keyspace").asText();
        if (!ks.equals(keyspace)) {
            throw new IllegalArgumentException("the archive is a backup of keyspace '" + ks + "'; this cockpit "
                    + "restores '" + keyspace + "' (runbook.keyspace)");
        }
        if (!IDENTIFIER.matcher(ks).matches()) {
            throw new IllegalArgumentException("'" + ks + "' is not a keyspace name");
        }
        statement(unpacked.resolve("keyspace.cql"), "CREATE\\s+KEYSPACE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?\"?" + ks
                + "\"?\\s+WITH\\s", "CREATE KEYSPACE " + ks);
        List<String> tableDirs = new ArrayList<>();
        for (JsonNode t : meta.path("tables")) {
            String dir = t.asText();
            var m = TABLE_DIR.matcher(dir);
            Path files = unpacked.resolve(ks).resolve(dir);
            if (!m.matches() || !Files.isDirectory(files)) {
                throw new IllegalArgumentException("'" + dir + "' is not a table folder of the archive");
            }
            statement(files.resolve("schema.cql"), "CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?\"?" + ks
                    + "\"?\\.\"?" + m.group(1) + "\"?\\s*\\(", "CREATE TABLE " + ks + "." + m.group(1));
            tableDirs.add(dir);
        }
        return new Checked(ks, tableDirs);
    }

    /** The file holds one statement, {@code what}, starting as {@code start} says, and nothing after its end. */
    private static void statement(Path file, String start, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file.getFileName() + " is missing from the archive");
        }
        String cql = COMMENT.matcher(Files.readString(file)).replaceAll("").strip();
        int end = cql.indexOf(';');
        if (!Pattern.compile("(?is)" + start + ".*").matcher(cql).matches()
                || end >= 0 && !cql.substring(end + 1).isBlank()) {
            throw new IllegalArgumentException(file.getFileName() + " holds more or other than the one statement a "
                    + "backup has there (" + what + " ...): not run");
        }
    }
}
