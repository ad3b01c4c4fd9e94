package io.hcdjg.cockpit.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProofStatus;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runbook's procedures for scripts and cron: {@code checklist}, {@code report}, {@code backup}, {@code backups},
 * {@code restore}, {@code proof-status}.
 */
final class RunbookCli {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunbookCli() {
    }

    static int run(Options o, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        try (Cockpit cockpit = new Cockpit(o, env, false, s -> { })) {
            if (CheckCli.configErrors(cockpit, err)) {
                return CheckCli.CONFIG_ERROR;
            }
            boolean json = o.format().equals("json");
            return switch (o.command()) {
                case "backups" -> backups(cockpit.backups.list(), json, out);
                case "backup" -> outcome(cockpit.backups.backup(out::println), out, err);
                case "restore" -> {
                    if (o.rest().size() != 1) {
                        err.println("cockpit: restore FILE --confirm PROJECT (FILE from `backups`)");
                        yield CheckCli.CONFIG_ERROR;
                    }
                    Path file = Path.of(o.rest().get(0));
                    if (!file.isAbsolute() && !file.toFile().exists()) {
                        file = cockpit.backups.dir().resolve(file);
                    }
                    yield outcome(cockpit.backups.restore(file, o.confirm(), out::println), out, err);
                }
                case "checklist" -> {
                    ChecklistRun.Saved saved = ChecklistRun.run(cockpit, env, false);
                    if (json) {
                        out.println(ChecklistRun.json(saved));
                    } else {
                        saved.results().forEach(r -> out.printf("%-4s  %-24s  %s%n", r.word().toUpperCase(Locale.ROOT),
                                r.name(), r.value()));
                        out.println("saved " + saved.file());
                    }
                    yield ChecklistRun.exitCode(saved.results());
                }
                case "report" -> {
                    Path dir = Path.of(o.values().getOrDefault("out", io.hcdjg.cockpit.config.AppDirs.data(env)
                            .resolve("reports").toString()));
                    ReportRun.run(cockpit, false, dir).forEach(out::println);
                    yield 0;
                }
                case "recovery" -> recovery(RecoveryRun.run(cockpit, false), json, out);
                default -> proof(cockpit, json, out);
            };
        }
    }

    /** 0 done, 1 failed, 3 refused, 4 done but not verified: the codes of {@code action}. */
    static int outcome(ActionOutcome o, PrintStream out, PrintStream err) {
        String word = o.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        (o.status() == ActionOutcome.Status.DONE ? out : err).println(word + ": " + o.message());
        return switch (o.status()) {
            case DONE -> 0;
            case REFUSED -> 3;
            case NOT_VERIFIED -> 4;
            default -> 1;
        };
    }

    private static int backups(List<BackupInfo> list, boolean json, PrintStream out) throws Exception {
        Instant now = Instant.now();
        if (json) {
            ArrayNode a = JSON.createArrayNode();
            for (BackupInfo b : list) {
                a.addObject().put("file", b.file().toString()).put("keyspace", b.keyspace())
                        .put("createdAt", b.createdAt().toString()).put("ageSeconds", Duration.between(b.createdAt(), now)
                                .toSeconds()).put("bytes", b.bytes()).put("encrypted", b.encrypted());
            }
            out.println(JSON.writeValueAsString(JSON.createObjectNode().set("backups", a)));
            return 0;
        }
        if (list.isEmpty()) {
            out.println("no backups");
            return 0;
        }
        out.printf("%-44s  %-14s  %10s  %s%n", "FILE", "AGE", "SIZE", "ENCRYPTED");
        for (BackupInfo b : list) {
            out.printf(Locale.ROOT, "%-44s  %-14s  %10s  %s%n", b.file().getFileName(),
                    io.hcdjg.cockpit.config.Durations.words(Duration.between(b.createdAt(), now)
                            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(1)),
                    b.size(), b.encrypted() ? "yes" : "no");
        }
        return 0;
    }

    private static int recovery(List<io.hcdjg.cockpit.model.RecoveryStep> steps, boolean json, PrintStream out)
            throws Exception {
        if (json) {
            ArrayNode a = JSON.createArrayNode();
            steps.forEach(s -> a.addObject().put("step", s.number()).put("name", s.name())
                    .put("result", word(s.level())).put("found", s.found()).put("code", s.code()));
            out.println(JSON.writeValueAsString(JSON.createObjectNode().set("steps", a)));
        } else {
            for (var s : steps) {
                out.printf("%d. %-4s  %-38s  %s%s%n", s.number(), word(s.level()).toUpperCase(Locale.ROOT), s.name(),
                        s.found(), s.code().isEmpty() ? "" : "  [" + s.code() + ": " + io.hcdjg.cockpit.model.RecoveryStep
                                .CODES.stream().filter(c -> c.id().equals(s.code())).map(c -> c.fix()).findFirst()
                                .orElse("") + "]");
            }
        }
        return steps.stream().allMatch(s -> s.level() == HealthLevel.UP) ? 0 : 1;
    }

    private static String word(HealthLevel l) {
        return l == HealthLevel.UP ? "pass" : l == HealthLevel.DOWN ? "fail" : "skip";
    }

    private static int proof(Cockpit cockpit, boolean json, PrintStream out) throws Exception {
        ProofStatus p = cockpit.runbookState(false).proof();
        if (json) {
            ObjectNode n = JSON.createObjectNode();
            n.put("verdict", p.verdict() == HealthLevel.UP ? "pass" : p.verdict() == HealthLevel.DOWN ? "fail"
                    : p.verdict() == HealthLevel.DEGRADED ? "stale" : "unknown");
            n.put("summary", p.summary());
            n.put("exports", p.exports().toString());
            ObjectNode s = n.putObject("status");
            s.put("file", p.status().file() == null ? null : p.status().file().toString());
            s.put("timestamp", p.status().timestamp() == null ? null : p.status().timestamp().toString());
            s.put("exitCode", p.status().exitCode());
            s.put("ageSeconds", p.status().age() == null ? null : p.status().age().toSeconds());
            s.set("problems", JSON.valueToTree(p.status().problems()));
            ObjectNode g = n.putObject("gate");
            g.put("run", p.gate().runDir() == null ? null : p.gate().runDir().toString());
            g.put("token", p.gate().token());
            g.put("meaning", p.gate().meaning());
            ArrayNode rows = n.putArray("notebooks");
            p.notebooks().rows().forEach(r -> rows.addObject().put("notebook", r.notebook()).put("status", r.status())
                    .put("exitCode", r.exitCode()).put("durationS", r.durationS()).put("errorCells", r.errorCells()));
            out.println(JSON.writeValueAsString(n));
        } else {
            out.println(p.summary());
            out.println("exports: " + p.exports());
            if (p.status().file() != null) {
                out.println("status:  exit " + p.status().exitCode() + ", written " + p.status().timestamp()
                        + (p.status().problems().isEmpty() ? "" : " (" + String.join("; ", p.status().problems()) + ")"));
            }
            if (p.gate().runDir() != null) {
                out.println("run:     " + p.gate().runDir().getFileName() + ", gate " + (p.gate().token() == null
                        || p.gate().token().isEmpty() ? "(empty)" : p.gate().token()) + " — " + p.gate().meaning());
            }
            p.notebooks().rows().forEach(r -> out.printf("  %-8s %-50s exit %-4d %5d s  %d error cells%n", r.status(),
                    r.notebook(), r.exitCode(), r.durationS(), r.errorCells()));
            p.notebooks().problems().forEach(x -> out.println("  ! " + x));
        }
        return p.verdict() == HealthLevel.UP ? 0 : 1;
    }
}
