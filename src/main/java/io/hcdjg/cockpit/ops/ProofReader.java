package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.ProofStatus.Gate;
import io.hcdjg.cockpit.model.ProofStatus.Notebooks;
import io.hcdjg.cockpit.model.ProofStatus.Row;
import io.hcdjg.cockpit.model.ProofStatus.Status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.hcdjg.cockpit.config.Durations;
import java.time.temporal.ChronoUnit;

/**
 * Reads the deterministic proof of runbook §11 from the files the wrapper and pipeline leave in {@code exports/}
 * (stack-reference §4.3): {@code deterministic-status.json} (six keys; exit_code 0 = pass; its age), the newest run's
 * {@code failed_gate.txt} and {@code notebook_run_report.tsv} (every row PASS). Every way these files are known to go
 * wrong is reported in words, never as a crash.
 */
public final class ProofReader {
    private ProofReader() {
    }

    static final Set<String> STATUS_KEYS = Set.of("timestamp_utc", "wrapper", "pipeline_script", "compose_project_name",
            "args", "exit_code");
    /** Gate → what failed and the first thing to do (stack-reference §4.9). */
    public static final Map<String, String> GATES = Map.ofEntries(
            Map.entry("G0_PRECHECK", "preflight or Podman isolation: run preflight_check.sh --strict"),
            Map.entry("G2_CONNECTION", "Podman connection: podman system connection list, podman machine list"),
            Map.entry("G3_RESET", "state reset timed out: rerun the pipeline with --skip-preflight"),
            Map.entry("G5_DEPLOY_VAULT",
                    "deploy or Vault: deploy_full_stack.sh, podman ps, logs of unhealthy services"),
            Map.entry("G5_PIPELINE", "a pipeline step (generators, manifest, drift, KPI): read its log in the run dir"),
            Map.entry("G6_RUNTIME_CONTRACT", "runtime contracts: validate_env_contract.py; secrets and dependencies"),
            Map.entry("G7_SEED", "graph seed: check_graph_counts.sh, reseed"),
            Map.entry("G8_NOTEBOOKS",
                    "notebooks: notebook_run_report.tsv and notebooks.log; rerun the failing notebook"),
            Map.entry("G9_DETERMINISM", "determinism: compare with the baseline; rerun the wrapper"),
            Map.entry("G10_DRIFT", "KPI drift: kpi_drift.log in the run dir"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BSD_MILLIS = Pattern.compile("(.*T\\d\\d:\\d\\d:\\d\\d)\\.3NZ");

    public static ProofStatus read(Path exports, Instant now, Duration maxAge) {
        Status status = status(exports.resolve("deterministic-status.json"), now);
        Optional<Path> gateFile = newest(exports, "failed_gate.txt");
        Gate gate = gate(gateFile.orElse(null));
        Notebooks notebooks = notebooks(newest(exports, "notebook_run_report.tsv").orElse(null));
        List<String> fails = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        if (status.file() == null) {
            unknowns.add("no deterministic-status.json (the wrapper runs with --status-report "
                    + "exports/deterministic-status.json)");
        } else if (status.exitCode() == null) {
            unknowns.add("deterministic-status.json unreadable");
        } else if (status.exitCode() != 0) {
            fails.add("the wrapper exited " + status.exitCode());
        }
        if (status.timestamp() != null && gate.runDir() != null) {
            try {
                Instant runAt = Files.getLastModifiedTime(gate.runDir().resolve("failed_gate.txt")).toInstant();
                if (runAt.isAfter(status.timestamp().plusSeconds(60))) {
                    unknowns.add("the status file is older than the newest run (" + gate.runDir().getFileName()
                            + "): the wrapper died before rewriting it");
                }
            } catch (IOException e) {
                // the gate file vanished meanwhile: judged by what was read
            }
        }
        if (gate.runDir() == null) {
            unknowns.add("no run directory with failed_gate.txt");
        } else if (gate.token() == null || gate.token().isEmpty()) {
            fails.add(gate.meaning());
        } else if (!gate.token().equals("none")) {
            fails.add("gate " + gate.token() + " failed — " + gate.meaning());
        }
        if (notebooks.file() == null) {
            unknowns.add("no notebook_run_report.tsv");
        } else if (notebooks.rows().isEmpty()) {
            unknowns.add("notebook_run_report.tsv has no notebook rows");
        } else if (notebooks.passed() < notebooks.rows().size()) {
            fails.add((notebooks.rows().size() - notebooks.passed()) + " of " + notebooks.rows().size()
                    + " notebooks not PASS");
        }
        HealthLevel verdict;
        String summary;
        if (!fails.isEmpty()) {
            verdict = HealthLevel.DOWN;
            summary = "FAIL: " + String.join("; ", fails);
        } else if (!unknowns.isEmpty()) {
            verdict = HealthLevel.UNKNOWN;
            summary = "not proven: " + String.join("; ", unknowns);
        } else if (status.age() != null && status.age().compareTo(maxAge) > 0) {
            verdict = HealthLevel.DEGRADED;
            summary = "PASS, but " + Durations.words(status.age().truncatedTo(
                    ChronoUnit.MINUTES)) + " old (more than "
                    + Durations.words(maxAge) + ")";
        } else {
            verdict = HealthLevel.UP;
            summary = "PASS: exit 0, gate none, " + notebooks.rows().size() + " of " + notebooks.rows().size()
                    + " notebooks PASS";
        }
        return new ProofStatus(exports, status, gate, notebooks, verdict, summary);
    }

    static Status status(Path file, Instant now) {
        if (!Files.isRegularFile(file)) {
            return new Status(null, null, null, null, null, List.of());
        }
        List<String> problems = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Status(file, null, null, null, null, List.of("unreadable: " + e.getMessage()));
        }
        JsonNode n = null;
        try {
            n = JSON.readTree(text);
        } catch (IOException e) {
            // args is written unescaped: a quote in an argument breaks the JSON; the other fields are still there
            problems.add("not valid JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); fields read one by one");
        }
        String ts = n != null ? n.path("timestamp_utc").asText(null) : field(text, "timestamp_utc", "\"([^\"]*)\"");
        String code = n != null ? (n.path("exit_code").isIntegralNumber() ? n.get("exit_code").asText() : null)
                : field(text, "exit_code", "(-?\\d+)");
        String project = n != null ? n.path("compose_project_name").asText(null)
                : field(text, "compose_project_name", "\"([^\"]*)\"");
        if (n != null && n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            List<String> missing = STATUS_KEYS.stream().filter(k -> !keys.contains(k)).sorted().toList();
            List<String> extra = keys.stream().filter(k -> !STATUS_KEYS.contains(k)).toList();
            if (!missing.isEmpty()) {
                problems.add("missing " + String.join(", ", missing));
            }
            if (!extra.isEmpty()) {
                problems.add("unexpected " + String.join(", ", extra));
            }
            if (n.has("exit_code") && code == null) {
                problems.add("exit_code is not an integer: " + n.get("exit_code"));
            }
        }
        Instant at = null;
        if (ts != null) {
            Matcher bsd = BSD_MILLIS.matcher(ts);
            try {
                at = Instant.parse(bsd.matches() ? bsd.group(1) + "Z" : ts);
                if (bsd.matches()) {
                    problems.add("timestamp written by a BSD date (literal .3N): read to the second");
                }
            } catch (DateTimeParseException e) {
                problems.add("timestamp_utc '" + ts + "' is not a UTC time");
            }
        }
        return new Status(file, at, code == null ? null : Integer.valueOf(code), project,
                at == null ? null : Duration.between(at, now), problems);
    }

    private static String field(String text, String key, String value) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*" + value).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The newest {@code exports/<run>/<name>} by modification time (run names do not sort by time across kinds). */
    static Optional<Path> newest(Path exports, String name) {
        if (!Files.isDirectory(exports)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(exports)) {
            return runs.map(r -> r.resolve(name)).filter(Files::isRegularFile).max(Comparator.comparing(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant();
                } catch (IOException e) {
                    return Instant.EPOCH;
                }
            }));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Gate gate(Path file) {
        if (file == null) {
            return new Gate(null, null, "no run yet, or the run aborted before its directory existed", List.of());
        }
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                return new Gate(file.getParent(), "", "failed_gate.txt is empty: the run was aborted by something "
                        + "outside the pipeline's steps (killed, out of disk)", List.of());
            }
            if (token.equals("none")) {
                return new Gate(file.getParent(), token, "every gate passed", List.of());
            }
            String meaning = GATES.get(token);
            return new Gate(file.getParent(), token, meaning != null ? meaning : "an unknown gate code",
                    meaning != null ? List.of() : List.of("unknown gate code '" + token + "'"));
        } catch (IOException e) {
            return new Gate(file.getParent(), null, "failed_gate.txt unreadable: " + e.getMessage(), List.of());
        }
    }

    static Notebooks notebooks(Path file) {
        if (file == null) {
            return new Notebooks(null, List.of(), List.of());
        }
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).startsWith("notebook\tstatus\texit_code")) {
                problems.add("line 1 is not the header "
                        + "'notebook status exit_code timestamp duration_s error_cells log'");
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] c = lines.get(i).split("\t", -1);
                if (c.length < 7) {
                    problems.add("line " + (i + 1) + ": " + c.length + " columns, not 7");
                    rows.add(new Row(c[0], "MALFORMED", -1, "", 0, 0, ""));
                    continue;
                }
                rows.add(new Row(c[0], c[1], number(c[2]), c[3], number(c[4]), number(c[5]), c[6]));
            }
        } catch (IOException e) {
            problems.add("unreadable: " + e.getMessage());
        }
        return new Notebooks(file, rows, problems);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
