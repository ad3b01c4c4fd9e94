package io.hcdjg.cockpit.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code [SUBCOMMAND] [--config FILE] [--demo | --no-demo] [--format text|json]}.
 *
 * @param demo true: always the demo stack; false: never; null: the demo stack when no configured service answers
 */
record Options(String command, Optional<Path> config, Boolean demo, String format, String connection, String project,
               boolean all, String confirm, List<String> rest) {
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
                                        (all take --connection NAME --project P --config FILE)
            exit codes: check 0 every service UP, 1 any not UP; containers 0 listed, 1 podman failed;
                        action/exec 0 done and verified, 1 failed, 3 refused, 4 not verified;
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
                    if (a.startsWith("--")) {
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
                List.copyOf(rest));
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
