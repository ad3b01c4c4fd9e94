package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.app.ChecklistRun;
import io.hcdjg.cockpit.app.Cockpit;
import io.hcdjg.cockpit.app.RecoveryRun;
import io.hcdjg.cockpit.app.ReportRun;
import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import io.hcdjg.cockpit.config.AppDirs;
import io.hcdjg.cockpit.model.BackupInfo;
import io.hcdjg.cockpit.model.CheckResult;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProofStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.model.RecoveryStep;
import java.time.temporal.ChronoUnit;

/**
 * The runbook's procedures for scripts and cron: {@code checklist}, {@code report}, {@code backup}, {@code backups},
 * {@code restore}, {@code proof-status}, {@code recovery}.
 */
final class RunbookCli {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunbookCli() {
    }

    @Command(name = "checklist", description = "The morning checklist (runbook §1.1), saved with its time.",
            exitCodeList = {"0:every check passes", "1:any fails", Help.USAGE, "4:warnings only"})
    static final class Checklist extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> {
                ChecklistRun.Saved saved = ChecklistRun.run(c, env(), false);
                if (json()) {
                    out().println(ChecklistRun.json(saved));
                } else {
                    saved.results().forEach(r -> out().printf("%-4s  %-24s  %s%n", r.word().toUpperCase(Locale.ROOT),
                            r.name(), r.value()));
                    out().println("saved " + saved.file());
                }
                return exitCode(saved.results());
            });
        }

        private static int exitCode(List<CheckResult> results) {
            if (results.stream().anyMatch(r -> r.word().equals("fail"))) {
                return ExitCodes.NOT_OK;
            }
            return results.stream().anyMatch(r -> r.word().equals("warn")) ? ExitCodes.NOT_VERIFIED : ExitCodes.OK;
        }
    }

    @Command(name = "report", description = "The daily report (runbook §1.2), Markdown and HTML; prints the files.",
            exitCodeList = {"0:written", Help.USAGE})
    static final class Report extends CliCommand {
        @Option(names = "--out", paramLabel = "DIR", converter = ArgTypes.FilePath.class,
                description = "Where (default: the data dir's reports/).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path to = dir != null ? dir : AppDirs.data(env()).resolve("reports");
            return withCockpit(false, c -> {
                ReportRun.run(c, false, to).forEach(out()::println);
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "backup", description = "A nodetool snapshot of hcd-server, packed (encrypted if configured).",
            exitCodeList = {Help.DONE, Help.FAILED, Help.USAGE, "3:refused", Help.NOT_VERIFIED})
    static final class Backup extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> outcome(c.backups().backup(out()::println)));
        }
    }

    @Command(name = "backups", description = "The backups kept, newest first.", exitCodeList = {"0:listed", Help.USAGE})
    static final class Backups extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> backups(c.backups().list(), json(), out()));
        }
    }

    @Command(name = "restore", description = "Stops the stack, restores the backup, starts and verifies it.",
            exitCodeList = {Help.DONE, Help.FAILED, Help.USAGE, Help.REFUSED, Help.NOT_VERIFIED})
    static final class Restore extends CliCommand {
        @Parameters(paramLabel = "FILE", converter = ArgTypes.FilePath.class,
                description = "The archive: a path, or a name from `backups`.")
        Path file;
        @Option(names = "--confirm", paramLabel = "PROJECT", converter = ArgTypes.ProjectName.class,
                description = "The project's name, typed in: a restore stops the stack.")
        String confirm;

        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> {
                Path archive = !file.isAbsolute() && !file.toFile().exists() ? c.backups().dir().resolve(file) : file;
                return outcome(c.backups().restore(archive, confirm, out()::println));
            });
        }
    }

    @Command(name = "proof-status", description = "The deterministic proof's verdict, from the checkout's exports/.",
            exitCodeList = {"0:pass", "1:fail, stale or not proven", Help.USAGE})
    static final class Proof extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> proof(c, json(), out()));
        }
    }

    @Command(name = "recovery", description = "The fresh-machine recovery chain, step by step, with R-codes.",
            exitCodeList = {"0:every step passes", "1:any does not", Help.USAGE})
    static final class Recovery extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return withCockpit(false, c -> recovery(RecoveryRun.run(c, false), json(), out()));
        }
    }

    private static int backups(List<BackupInfo> list, boolean json, PrintStream out) throws Exception {
        Instant now = Instant.now();
        if (json) {
            ArrayNode a = JSON.createArrayNode();
            for (BackupInfo b : list) {
                a.addObject().put("file", b.file().toString()).put("keyspace", b.keyspace())
                        .put("createdAt", b.createdAt().toString())
                        .put("ageSeconds", Duration.between(b.createdAt(), now).toSeconds())
                        .put("bytes", b.bytes()).put("encrypted", b.encrypted());
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
                    Durations.words(Duration.between(b.createdAt(), now)
                            .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1)),
                    b.size(), b.encrypted() ? "yes" : "no");
        }
        return 0;
    }

    private static int recovery(List<RecoveryStep> steps, boolean json, PrintStream out)
            throws Exception {
        if (json) {
            ArrayNode a = JSON.createArrayNode();
            steps.forEach(s -> a.addObject().put("step", s.number()).put("name", s.name())
                    .put("result", word(s.level())).put("found", s.found()).put("code", s.code()));
            out.println(JSON.writeValueAsString(JSON.createObjectNode().set("steps", a)));
        } else {
            for (var s : steps) {
                out.printf("%d. %-4s  %-38s  %s%s%n", s.number(), word(s.level()).toUpperCase(Locale.ROOT), s.name(),
                        s.found(), s.code().isEmpty() ? "" : "  [" + s.code() + ": " + RecoveryStep
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
                        + (p.status().problems().isEmpty() ? ""
                                : " (" + String.join("; ", p.status().problems()) + ")"));
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
