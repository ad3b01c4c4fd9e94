package io.hcdjg.cockpit.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The deterministic proof of runbook §11 as the files in {@code exports/} tell it: the wrapper's status report, the
 * newest run's gate and its notebook report, with a verdict (UP pass, DEGRADED stale, DOWN fail, UNKNOWN not proven).
 */
public record ProofStatus(Path exports, Status status, Gate gate, Notebooks notebooks, HealthLevel verdict,
                          String summary) {

    /**
     * @param file      null when there is none
     * @param timestamp when the wrapper wrote it, null when unreadable
     * @param exitCode  the pipeline's exit code, null when unreadable
     */
    public record Status(Path file, Instant timestamp, Integer exitCode, String project, Duration age,
                         List<String> problems) {
        public Status {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param runDir the newest run directory with a failed_gate.txt, null when none
     * @param token  "none" when the run passed; "" when the file is empty (aborted outside the pipeline's steps)
     */
    public record Gate(Path runDir, String token, String meaning, List<String> problems) {
        public Gate {
            problems = List.copyOf(problems);
        }
    }

    public record Row(String notebook, String status, int exitCode, String timestamp, int durationS, int errorCells,
                      String log) {
        public boolean pass() {
            return status.equals("PASS");
        }
    }

    /** @param file the newest notebook_run_report.tsv, null when none */
    public record Notebooks(Path file, List<Row> rows, List<String> problems) {
        public Notebooks {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        public long passed() {
            return rows.stream().filter(Row::pass).count();
        }
    }
}
