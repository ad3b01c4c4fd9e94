package io.hcdjg.cockpit.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code [SUBCOMMAND] [--config FILE] [--demo | --no-demo] [--format text|json]}.
 *
 * @param demo true: always the demo stack; false: never; null: the demo stack when no configured service answers
 */
record Options(String command, Optional<Path> config, Boolean demo, String format, String connection, String project,
               boolean all, String confirm, List<String> rest, Map<String, String> values, java.util.Set<String> flags) {
    /** Options that take a value and belong to one subcommand. */
    static final List<String> VALUE_OPTIONS = List.of("--for", "--comment", "--author", "--since", "--filter",
            "--title", "--priority", "--level", "--out");
    /** Options without a value that belong to one subcommand. */
    static final List<String> FLAGS = List.of("--follow", "--summary");
    static final String USAGE = """
            usage: java -jar cockpit.jar [--config FILE] [--demo | --no-demo] [--connection NAME]
                                                                                   open the cockpit window
                   java -jar cockpit.jar check [--config FILE] [--demo] [--format text|json]
                                                                                   one round of every probe
                   java -jar cockpit.jar containers [--connection NAME] [--project P] [--format text|json]
                                                                                   the project's containers
                   java -jar cockpit.jar action restart|stop|start|up|down SERVICE|--all [--confirm PROJECT]
                   java -jar cockpit.jar action scale SERVICE N [--confirm PROJECT]
                   java -jar cockpit.jar exec SERVICE -- COMMAND [ARG...]
                   java -jar cockpit.jar demo up|down     the demo compose project that runs here (builds images)
                   java -jar cockpit.jar metrics [--format text|json]   the configured Prometheus metrics
                   java -jar cockpit.jar alerts [--format text|json]    Alertmanager's alerts
                   java -jar cockpit.jar silence ALERTNAME --for 2h --comment TEXT [--author NAME]
                   java -jar cockpit.jar logs SERVICE...|--all [--since 1h] [--follow] [--filter REGEX] [--summary]
                   java -jar cockpit.jar security [--since 1h|24h] [--format json]   auth failures, destructive
                                                          statements, denials, Vault access (§8.1)
                   java -jar cockpit.jar incidents [--all] [--format text|json]     open incidents, prompts due
                   java -jar cockpit.jar incident open --title TEXT --priority P0..P3 [SERVICE...] [--comment NOTE]
                   java -jar cockpit.jar incident ack|escalate|resolve|reopen|note|report ID [--level L3] [--comment TEXT]
                   java -jar cockpit.jar checklist [--format json]           the morning checklist (§1.1), saved
                   java -jar cockpit.jar report [--out DIR]                  the daily report (§1.2), Markdown + HTML
                   java -jar cockpit.jar backup | backups [--format json]   nodetool snapshot of hcd-server, packed
                   java -jar cockpit.jar restore FILE --confirm PROJECT      stops the stack, restores, verifies
                   java -jar cockpit.jar proof-status [--format json]        the deterministic proof (exports/)
                   java -jar cockpit.jar recovery [--format json]            the fresh-machine recovery chain, R-codes
                                        (all take --connection NAME --project P --config FILE)
            exit codes: check 0 every service UP, 1 any not UP; containers 0 listed, 1 podman failed;
                        action/exec/silence 0 done (and verified), 1 failed, 3 refused, 4 not verified;
                        metrics 0 all within thresholds, 1 any not; alerts 0 none firing, 1 firing or unreachable;
                        incidents 0 none open, 1 any open; security 0 nothing found, 1 events found; incident 0 done, 1 escalation action failed, 3 refused;
                        backup/restore like action; proof-status 0 pass, 1 fail, stale or not proven;
                        checklist 0 all pass, 1 any fail, 4 warnings only; recovery 0 every step passes, 1 not;
                        2 config or usage error""";

    static Options parse(String[] args) throws UsageException {
        String command = null;
        Path config = null;
        Boolean demo = null;
        String format = "text";
        String connection = null;
        String project = null;
        boolean all = false;
        String confirm = null;
        Map<String, String> values = new java.util.HashMap<>();
        java.util.Set<String> flags = new java.util.HashSet<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--config" -> config = Path.of(value(args, ++i, a));
                case "--demo" -> demo = Boolean.TRUE;
                case "--no-demo" -> demo = Boolean.FALSE;
                case "--format" -> {
                    format = value(args, ++i, a);
                    if (!format.equals("text") && !format.equals("json")) {
                        throw new UsageException("--format takes text or json, not '" + format + "'");
                    }
                }
                case "--connection" -> connection = value(args, ++i, a);
                case "--project" -> project = value(args, ++i, a);
                case "--all" -> all = true;
                case "--confirm" -> confirm = value(args, ++i, a);
                case "--" -> {
                    rest.add("--");
                    rest.addAll(List.of(args).subList(i + 1, args.length));
                    i = args.length;
                }
                case "-h", "--help" -> throw new UsageException(null);
                default -> {
                    if (FLAGS.contains(a)) {
                        flags.add(a.substring(2));
                    } else if (VALUE_OPTIONS.contains(a)) {
                        values.put(a.substring(2), value(args, ++i, a));
                    } else if (a.startsWith("--")) {
                        throw new UsageException("unknown option " + a);
                    } else if (command == null) {
                        command = a;
                    } else {
                        rest.add(a);
                    }
                }
            }
        }
        return new Options(command, Optional.ofNullable(config), demo, format, connection, project, all, confirm,
                List.copyOf(rest), Map.copyOf(values), java.util.Set.copyOf(flags));
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** A wrong command line; a null message means help was asked for. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
