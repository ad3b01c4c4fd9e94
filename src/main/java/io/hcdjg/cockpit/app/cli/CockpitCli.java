package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.app.CockpitOptions;
import io.hcdjg.cockpit.config.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The command line: {@code cockpit [GLOBAL OPTIONS] [SUBCOMMAND ...]}. No subcommand opens the window; a subcommand
 * does the same work headless, through the same code. The global options are accepted before or after the subcommand.
 */
@Command(name = "cockpit", description = "The HCD + JanusGraph ops cockpit: no subcommand opens the window.",
        subcommands = {CheckCli.class, ContainersCli.class, ActionCli.class, ActionCli.Exec.class, DemoCli.class,
                MonitoringCli.Metrics.class, MonitoringCli.Alerts.class, MonitoringCli.Silence.class, LogsCli.class,
                SecurityCli.class, IncidentsCli.Incidents.class, IncidentsCli.IncidentCommand.class,
                RunbookCli.Checklist.class, RunbookCli.Report.class, RunbookCli.Backup.class, RunbookCli.Backups.class,
                RunbookCli.Restore.class, RunbookCli.Proof.class, RunbookCli.Recovery.class, CompletionCli.class},
        exitCodeListHeading = "%nExit codes (each subcommand's --help has its own):%n",
        exitCodeList = {"0:done, all well", "1:failed, or not all well", "2:usage or config error: nothing was done",
                "3:refused (unknown service, missing --confirm)", "4:done but not verified; checklist: warnings only"},
        footer = {"%nShell completion (bash, zsh): source <(java -jar cockpit.jar completion)"})
public final class CockpitCli implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    boolean help;
    @Option(names = "--config", paramLabel = "FILE", converter = ArgTypes.FilePath.class, scope = ScopeType.INHERIT,
            description = "The stack description (default: the user's cockpit.yaml, else the shipped one).")
    Path config;
    @Option(names = "--demo", negatable = true, scope = ScopeType.INHERIT,
            description = "Always the built-in demo stack; --no-demo: never (the window: when nothing answers).")
    Boolean demo;
    @Option(names = "--connection", paramLabel = "NAME", converter = ArgTypes.ConnectionName.class,
            scope = ScopeType.INHERIT,
            description = "The podman connection (default: podman.connection, $PODMAN_CONNECTION, the local engine).")
    String connection;
    @Option(names = "--project", paramLabel = "P", converter = ArgTypes.ProjectName.class, scope = ScopeType.INHERIT,
            description = "The compose project (default: stack.project).")
    String project;
    @Option(names = "--format", paramLabel = "text|json", converter = ArgTypes.FormatType.class,
            completionCandidates = ArgTypes.Formats.class, scope = ScopeType.INHERIT,
            description = "Output as a table (text, the default) or JSON.")
    ArgTypes.Format format = ArgTypes.Format.TEXT;
    @Option(names = "--presenter", description = "Open the window as a wall for a big screen: full screen, the tiles "
            + "only, large type, read-only, addresses and names hidden; F11 leaves it.")
    boolean presenter;
    @Option(names = "--rotate", paramLabel = "SECONDS", converter = ArgTypes.RotateSeconds.class,
            description = "In presenter mode, show wall, incidents, metrics and the logs' errors in turn, each this "
                    + "long (at least 5).")
    int rotate;

    /** How the window opens: as the wall for a big screen, and rotating its views every so many seconds (0: not). */
    public record Mode(boolean presenter, int rotateSeconds) {
    }

    /** Opens the window on these options when no subcommand is given; returns the exit code. */
    @FunctionalInterface
    public interface Window {
        int open(CockpitOptions options, Mode mode) throws Exception;
    }

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    private final Window window;
    /** The built-in rules until a command has read the config, then the config's (see {@link #redactWith}). */
    private volatile Redaction redaction = Redaction.DEFAULT;

    private CockpitCli(Map<String, String> env, PrintStream out, PrintStream err, Window window) {
        this.env = env;
        this.out = RedactedOutput.over(out, () -> redaction);
        this.err = RedactedOutput.over(err, () -> redaction);
        this.window = window;
    }

    /** From here on, everything printed passes through the config's redaction. */
    void redactWith(Redaction r) {
        redaction = r;
    }

    /**
     * Parses {@code args} and runs the subcommand, or {@code window} when there is none; returns the exit code. A usage
     * error prints its reason and the subcommand's usage and returns 2 before anything runs.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                          Window window) {
        CommandLine cl = commandLine(env, out, err, window);
        try {
            return cl.execute(args);
        } finally {
            CockpitCli root = cl.getCommand();
            root.out.flush(); // a last line without its newline
            root.err.flush();
        }
    }

    /** The same for scripts and tests: no subcommand is a usage error here, as there is no window to open. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, (o, m) -> {
            err.println("cockpit: a subcommand is needed here; see --help");
            return ExitCodes.USAGE;
        });
    }

    /** The whole command tree, ready to parse and run; tests parse README's command lines on it. */
    static CommandLine commandLine(Map<String, String> env, PrintStream out, PrintStream err, Window window) {
        CockpitCli root = new CockpitCli(env, out, err, window);
        CommandLine cl = new CommandLine(root);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(root.out, true, root.out.charset())); // the charset its redaction reads lines in
        cl.setErr(new PrintWriter(root.err, true, root.err.charset()));
        cl.setParameterExceptionHandler(CockpitCli::usageError);
        cl.setExecutionExceptionHandler(CockpitCli::failure);
        inOrder(cl);
        return cl;
    }

    /** A command's own options first, as declared, then the global ones; as wide as the terminal. */
    private static void inOrder(CommandLine cl) {
        cl.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false).autoWidth(true);
        cl.getSubcommands().values().stream().distinct().forEach(CockpitCli::inOrder);
    }

    /** The cockpit these options name, for the window or a subcommand. */
    CockpitOptions options() {
        return new CockpitOptions(Optional.ofNullable(config), demo, connection, project);
    }

    @Override
    public Integer call() throws Exception {
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            err.println("cockpit: there is no display to open the window on: start it in a desktop session, or run "
                    + "'cockpit check' (or any subcommand of 'cockpit --help') here, headless.");
            return ExitCodes.USAGE;
        }
        return window.open(options(), new Mode(presenter || rotate > 0, rotate));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One line of reason, then the usage of the (sub)command it concerns. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter w = cmd.getErr();
        boolean unknownCommand = e instanceof UnmatchedArgumentException u && cmd.getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-");
        w.println("cockpit: " + (unknownCommand ? "unknown command '"
                + ((UnmatchedArgumentException) e).getUnmatched().get(0) + "'" : e.getMessage()));
        UnmatchedArgumentException.printSuggestions(e, w);
        cmd.usage(w);
        w.flush();
        return ExitCodes.USAGE;
    }

    /** A command that threw: said in one line, exit 2 as before (the cause is in the message). */
    private static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println("cockpit: " + e);
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }
}
