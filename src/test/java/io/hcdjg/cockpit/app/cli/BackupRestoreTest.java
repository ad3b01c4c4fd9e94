package io.hcdjg.cockpit.app.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.testing.PodmanStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.testing.DemoCql;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;

/**
 * Backup → list → restore with real data in the demo project's real Cassandra: {@code nodetool snapshot} in the
 * container, {@code podman cp}, tar.gz, retention; then the keyspace dropped and brought back by {@code restore}.
 */
@ExtendWith(PodmanStack.class)
class BackupRestoreTest {
    static final String KS = "cockpit_backup_test";

    @TempDir
    Path tmp;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;
    String recipient = "backup@example.org";

    private int run(String... args) throws Exception {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Path config = tmp.resolve("cockpit.yaml");
        Files.writeString(config, PodmanStack.CONFIG + "runbook:\n  keyspace: " + KS
                + "\n  backupDir: " + tmp.resolve("backups")
                + "\n  retentionDays: 7\n  gpgRecipient: " + recipient
                + "\n  gpgHome: " + tmp.resolve("gnupg") + "\n");
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--config", config.toString()));
        return CockpitCli.run(argv.toArray(String[]::new), Map.of("HOME", tmp.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Set<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static CqlSession cql() {
        return DemoCql.session();
    }

    private static long rows(CqlSession s) {
        return s.execute("SELECT count(*) FROM " + KS + ".accounts").one().getLong(0);
    }

    /** A key for backups only, without a passphrase, in its own keyring. */
    private void gpgKey() throws Exception {
        Path home = tmp.resolve("gnupg");
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Process p = new ProcessBuilder("gpg", "--homedir", home.toString(), "--batch", "--passphrase", "",
                "--quick-gen-key", "cockpit backups <backup@example.org>", "default", "default", "never")
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, said);
    }

    @Test
    void backupListAndRestoreADroppedKeyspace(PodmanStack.Handle stack) throws Exception {
        gpgKey();
        try (CqlSession s = cql()) {
            s.execute("DROP KEYSPACE IF EXISTS " + KS);
            s.execute("CREATE KEYSPACE " + KS
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            s.execute("CREATE TABLE " + KS + ".accounts (id int PRIMARY KEY, owner text, balance decimal)");
            for (int i = 0; i < 500; i++) {
                s.execute("INSERT INTO " + KS + ".accounts (id, owner, balance) VALUES (" + i + ", 'owner " + i + "', "
                        + i * 10 + ".5)");
            }
        }
        Path backups = tmp.resolve("backups");
        Files.createDirectories(backups);
        String project = PodmanStack.PROJECT;
        Path old = Files.writeString(backups.resolve("hcd-" + project + "-" + KS + "-20200101T000000Z.tar.gz"),
                "an old backup of this project");
        // a shared backup folder: another project's old backup and an earlier cockpit's (no project) are not ours
        Path foreign = Files.writeString(backups.resolve("hcd-other-project-" + KS + "-20200101T000000Z.tar.gz"),
                "another project's");
        Path legacy = Files.writeString(backups.resolve("hcd-" + KS + "-20200101T000000Z.tar.gz"), "no project");

        assertEquals(0, run("backup"), err.toString());
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("nodetool snapshot -t cockpit-"), said);
        assertTrue(said.contains("encrypted to backup@example.org"), said);
        assertTrue(said.contains("removed hcd-" + project + "-" + KS + "-20200101T000000Z.tar.gz (older than 7 days)"),
                said);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(foreign) && Files.exists(legacy), "retention removes only this project's backups");

        assertEquals(0, run("backups", "--format", "json"));
        var list = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))
                .get("backups");
        assertEquals(3, list.size(), list.toString());
        Path archive = Path.of(list.get(0).get("file").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)));
        Set<String> kept = Set.of(archive.getFileName().toString(), foreign.getFileName().toString(),
                legacy.getFileName().toString());
        assertEquals(kept, names(backups), "no plain archive and no staging folder beside the encrypted one");
        assertTrue(list.get(0).get("bytes").asLong() > 1000);
        assertTrue(list.get(0).get("encrypted").asBoolean());
        assertTrue(archive.toString().endsWith(".tar.gz.gpg"), archive.toString());
        Path plain = tmp.resolve("plain.tar.gz");
        Process gpg = new ProcessBuilder("gpg", "--homedir", tmp.resolve("gnupg").toString(), "--batch", "--output",
                plain.toString(), "--decrypt", archive.toString()).redirectErrorStream(true).start();
        gpg.getInputStream().readAllBytes();
        assertTrue(gpg.waitFor(60, TimeUnit.SECONDS) && gpg.exitValue() == 0);
        Process tar = new ProcessBuilder("tar", "-tzf", plain.toString()).start();
        String entries = new String(tar.getInputStream().readAllBytes());
        assertTrue(tar.waitFor(30, TimeUnit.SECONDS));
        assertTrue(entries.contains("./keyspace.cql") && entries.contains("./backup.json"), entries);
        assertTrue(entries.matches("(?s).*\\./" + KS + "/accounts-[0-9a-f]{32}/[^\\n]*-Data\\.db.*"), entries);
        assertTrue(entries.contains("schema.cql"), entries);

        // the data is lost: the keyspace dropped
        try (CqlSession s = cql()) {
            s.execute("DROP KEYSPACE " + KS);
        }
        assertEquals(3, run("restore", archive.getFileName().toString()), "refused without the project name typed");
        assertTrue(err.toString(StandardCharsets.UTF_8)
                .contains("confirm it with the project name '" + PodmanStack.PROJECT + "'"));

        assertEquals(0, run("restore", archive.getFileName().toString(), "--confirm", PodmanStack.PROJECT),
                out + "\n" + err);
        said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("stopping the rest of the stack: "), said);
        assertTrue(said.contains("creating keyspace " + KS), said);
        assertTrue(said.contains("done: 1 tables of " + KS + " restored from " + archive.getFileName()
                + "; health verified"), said);
        try (CqlSession s = cql()) {
            assertEquals(500, rows(s), said);
            assertEquals("owner 42",
                    s.execute("SELECT owner FROM " + KS + ".accounts WHERE id = 42").one().getString(0));
        }
        // gpg cannot encrypt (no key for the recipient): the backup fails and leaves nothing, least of all a plain
        // archive
        recipient = "nobody@example.org";
        assertEquals(1, run("backup"), out + "\n" + err);
        assertEquals(kept, names(backups));

        // a restore cancelled once the rest of the stack is stopped (the window's Cancel interrupts its thread):
        // the stack is started again all the same
        recipient = "backup@example.org";
        int[] code = {-1};
        out = null;
        Thread restoring = Thread.ofPlatform().start(() -> {
            try {
                code[0] = run("restore", archive.getFileName().toString(), "--confirm", PodmanStack.PROJECT);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> out != null && out.toString(StandardCharsets.UTF_8)
                .contains("stopping the rest of the stack"));
        restoring.interrupt();
        restoring.join(Duration.ofMinutes(3));
        assertEquals(1, code[0], out + "\n" + err);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> stack.containers().stream().allMatch(ContainerInfo::running));
        } catch (TimeoutException notAll) {
            // the assertions below name the container
        }
        for (ContainerInfo c : stack.containers()) {
            assertTrue(c.running(), c.name() + " is " + c.state() + " after the cancelled restore: " + out);
        }
        try (CqlSession s = cql()) {
            s.execute("DROP KEYSPACE " + KS);
        }
        new ProcessBuilder("gpgconf", "--homedir", tmp.resolve("gnupg").toString(), "--kill", "gpg-agent").start()
                .waitFor(10, TimeUnit.SECONDS);
        for (ContainerInfo c : stack.containers()) {
            assertTrue(c.running(), c.name() + " is " + c.state() + " after the restore");
        }
        String audit = Files.readString(tmp.resolve(".local/state/hcd-janusgraph-cockpit/audit.jsonl"));
        assertTrue(audit.contains("\"action\":\"backup hcd-server\",\"kind\":\"outcome\",\"outcome\":\"done\""), audit);
        assertTrue(audit.contains("\"outcome\":\"refused\""), audit);
        assertTrue(audit.contains("\"action\":\"restore " + archive.getFileName() + "\",\"kind\":\"outcome\","
                + "\"outcome\":\"done\""), audit);
    }

    /** Gremlin on the demo's janusgraph-server: JanusGraph 1.1 keeping its graph in hcd-server's keyspace. */
    private static long count(Client g, String run) throws Exception {
        return g.submit("g.V().hasLabel('backup_probe').has('run', run).count()", Map.of("run", run)).all()
                .get(60, TimeUnit.SECONDS).get(0).getLong();
    }

    @Test
    void theGraphComesBackWithItsKeyspace(PodmanStack.Handle stack) throws Exception {
        String run = "run-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        var cluster = Cluster.build("127.0.0.1").port(18182)
                .maxWaitForConnection(60_000).create();
        try {
            var g = cluster.connect();
            g.submit("(1..25).each { g.addV('backup_probe').property('run', run).property('n', it).iterate() }",
                    Map.of("run", run)).all().get(60, TimeUnit.SECONDS);
            assertEquals(25, count(g, run), "written through Gremlin");
            Path config = tmp.resolve("graph.yaml");
            Files.writeString(config, PodmanStack.CONFIG + "runbook:\n  keyspace: janusgraph\n  backupDir: "
                    + tmp.resolve("graph-backups") + "\n");
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            assertEquals(0, CockpitCli.run(new String[]{"backup", "--config", config.toString()},
                    Map.of("HOME", tmp.toString()), new PrintStream(o, true), new PrintStream(e, true)), o + "\n" + e);
            Path archive;
            try (var files = Files.list(tmp.resolve("graph-backups"))) {
                archive = files.filter(p -> p.getFileName().toString()
                        .startsWith("hcd-" + PodmanStack.PROJECT + "-janusgraph-")).findFirst().orElseThrow();
            }
            try (CqlSession s = cql()) {
                s.execute("DROP KEYSPACE janusgraph");
            }
            g.close();
            o.reset();
            assertEquals(0, CockpitCli.run(new String[]{"restore", archive.getFileName().toString(),
                            "--confirm", PodmanStack.PROJECT, "--config", config.toString()},
                    Map.of("HOME", tmp.toString()), new PrintStream(o, true), new PrintStream(e, true)), o + "\n" + e);
            assertTrue(o.toString().contains("creating keyspace janusgraph"), o.toString());
            // a client of its own: the old one's connections went with the restarted server
            cluster.close();
            cluster = Cluster.build("127.0.0.1").port(18182)
                    .maxWaitForConnection(60_000).create();
            g = cluster.connect();
            assertEquals(25, count(g, run), "read back through Gremlin after the restore:\n" + o);
            assertEquals(List.of(1L, 25L), List.of(g.submit("g.V().has('run', run).values('n').min()",
                    Map.of("run", run)).all().get(60, TimeUnit.SECONDS).get(0).getLong(), g.submit(
                    "g.V().has('run', run).values('n').max()", Map.of("run", run)).all().get(60, TimeUnit.SECONDS)
                    .get(0).getLong()));
            g.submit("g.V().hasLabel('backup_probe').has('run', run).drop().iterate()", Map.of("run", run)).all()
                    .get(60, TimeUnit.SECONDS);
        } finally {
            cluster.close();
        }
    }
}
