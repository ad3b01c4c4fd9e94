package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class LogFilesTest {
    @Test
    void aFileSplitOverTheCoresCountsLikeOneScan(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.log");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            for (int i = 0; i < 300_000; i++) { // ~12 MB: several blocks and parts
                w.write(i % 3 == 0 ? "line " + i + " ERROR boom\n"
                        : i % 5 == 0 ? "line " + i + " slow query\n" : "line " + i + " ok\n");
            }
            w.write("last line without newline: drop table x");
        }
        long errors = 100_000;
        long slow = 300_000 / 5 - 300_000 / 15; // multiples of 5 that are not multiples of 3
        assertArrayEquals(new long[]{errors, slow, 0, 1, 300_001, errors + slow + 1},
                LogFiles.classify(f, LogClassifier.defaults()));
    }
}
