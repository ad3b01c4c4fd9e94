package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status files in the formats of stack-reference §4.3, including the broken cases it lists. */
class ProofReaderTest {
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path exports;

    private void file(String path, String fixture, Instant modified) throws Exception {
        Path p = exports.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, fixture.startsWith("proof/") ? Fixtures.read(fixture) : fixture);
        Files.setLastModifiedTime(p, FileTime.from(modified));
    }

    private void passingRun() throws Exception {
        file("deterministic-status.json", "proof/status-pass.json", Instant.parse("2026-11-28T06:12:40Z"));
        file("demo-20261128T060000Z/failed_gate.txt", "none\n", Instant.parse("2026-11-28T06:12:30Z"));
        file("demo-20261128T060000Z/notebook_run_report.tsv", "proof/notebook_run_report-pass.tsv",
                Instant.parse("2026-11-28T06:10:00Z"));
    }

    @Test
    void aPassingProof() throws Exception {
        passingRun();
        ProofStatus p = ProofReader.read(exports, NOW, DAY);
        assertEquals(HealthLevel.UP, p.verdict(), p.summary());
        assertEquals("PASS: exit 0, gate none, 3 of 3 notebooks PASS", p.summary());
        assertEquals(Duration.ofSeconds(6439), p.status().age().withNanos(0));
        assertEquals("janusgraph-demo", p.status().project());
        assertEquals(List.of(), p.status().problems());
        assertEquals("01_Sanctions_Screening_Demo.ipynb", p.notebooks().rows().get(0).notebook());
        assertEquals(41, p.notebooks().rows().get(0).durationS());
    }

    @Test
    void anOldProofIsDegraded() throws Exception {
        passingRun();
        ProofStatus p = ProofReader.read(exports, NOW.plus(Duration.ofDays(3)), DAY);
        assertEquals(HealthLevel.DEGRADED, p.verdict());
        assertEquals("PASS, but 73 h 47 min old (more than 1 d)",
                p.summary());
    }

    @Test
    void aFailedRunSaysWhichGateAndWhichNotebooks() throws Exception {
        file("deterministic-status.json", "proof/status-unescaped-args.json", Instant.parse("2026-11-28T07:12:40Z"));
        file("demo-20261128T070000Z/failed_gate.txt", "G8_NOTEBOOKS\n", Instant.parse("2026-11-28T07:12:30Z"));
        file("demo-20261128T070000Z/notebook_run_report.tsv", "proof/notebook_run_report-fail.tsv",
                Instant.parse("2026-11-28T07:10:00Z"));
        passingRunOlder();
        ProofStatus p = ProofReader.read(exports, NOW, DAY);
        assertEquals(HealthLevel.DOWN, p.verdict());
        assertEquals("FAIL: the wrapper exited 1; gate G8_NOTEBOOKS failed — notebooks: notebook_run_report.tsv and "
                + "notebooks.log; rerun the failing notebook; 3 of 4 notebooks not PASS", p.summary());
        assertEquals(1, p.status().exitCode(), "read field by field although args broke the JSON");
        assertTrue(p.status().problems().get(0).startsWith("not valid JSON"), p.status().problems().toString());
        assertEquals(List.of("PASS", "ERROR", "TIMEOUT", "MALFORMED"),
                p.notebooks().rows().stream().map(ProofStatus.Row::status).toList());
        assertEquals(List.of("line 5: 5 columns, not 7"), p.notebooks().problems());
        assertEquals("demo-20261128T070000Z", p.gate().runDir().getFileName().toString(), "the newest run");
    }

    /** An older passing run next to the newer failing one: the newest by time counts, whatever the names. */
    private void passingRunOlder() throws Exception {
        file("live-notebooks-stable-20261127T235959Z/notebook_run_report.tsv", "proof/notebook_run_report-pass.tsv",
                Instant.parse("2026-11-27T23:59:59Z"));
        file("live-notebooks-stable-20261127T235959Z/failed_gate.txt", "none\n", Instant.parse("2026-11-27T23:59:59Z"));
    }

    @Test
    void aBsdDateIsReadToTheSecond() throws Exception {
        passingRun();
        file("deterministic-status.json", "proof/status-bsd-date.json", Instant.parse("2026-11-28T06:12:40Z"));
        ProofStatus p = ProofReader.read(exports, NOW, Duration.ofDays(365));
        assertEquals(Instant.parse("2026-03-26T18:50:05Z"), p.status().timestamp());
        assertEquals(List.of("timestamp written by a BSD date (literal .3N): read to the second"),
                p.status().problems());
    }

    @Test
    void aStatusFileOlderThanTheNewestRunIsNotTrusted() throws Exception {
        passingRun();
        file("demo-20261128T075000Z/failed_gate.txt", "", Instant.parse("2026-11-28T07:55:00Z"));
        ProofStatus p = ProofReader.read(exports, NOW, DAY);
        assertEquals(HealthLevel.DOWN, p.verdict());
        assertTrue(p.summary().contains("failed_gate.txt is empty: the run was aborted by something outside the "
                + "pipeline's steps"), p.summary());
        file("demo-20261128T075000Z/failed_gate.txt", "none", Instant.parse("2026-11-28T07:55:00Z"));
        p = ProofReader.read(exports, NOW, DAY);
        assertEquals(HealthLevel.UNKNOWN, p.verdict());
        assertTrue(p.summary().contains("the status file is older than the newest run (demo-20261128T075000Z): the "
                + "wrapper died before rewriting it"), p.summary());
    }

    @Test
    void wrongKeysAndUnknownGatesAreNamed() throws Exception {
        passingRun();
        file("deterministic-status.json", "proof/status-wrong-keys.json", Instant.parse("2026-11-28T06:12:40Z"));
        file("demo-20261128T060000Z/failed_gate.txt", "G4_RESERVED", Instant.parse("2026-11-28T06:12:30Z"));
        ProofStatus p = ProofReader.read(exports, NOW, DAY);
        assertEquals(List.of("missing args, pipeline_script, wrapper", "unexpected failed_gate",
                "exit_code is not an integer: \"0\""), p.status().problems());
        assertNull(p.status().exitCode());
        assertEquals(List.of("unknown gate code 'G4_RESERVED'"), p.gate().problems());
        assertEquals(HealthLevel.DOWN, p.verdict());
    }

    @Test
    void nothingThereIsUnknownNotAPass() {
        ProofStatus p = ProofReader.read(exports.resolve("missing"), NOW, DAY);
        assertEquals(HealthLevel.UNKNOWN, p.verdict());
        assertEquals("not proven: no deterministic-status.json (the wrapper runs with --status-report "
                + "exports/deterministic-status.json); no run directory with failed_gate.txt; "
                + "no notebook_run_report.tsv",
                p.summary());
    }
}
