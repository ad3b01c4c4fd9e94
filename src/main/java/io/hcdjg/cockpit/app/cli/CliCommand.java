package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.app.Cockpit;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.model.ActionOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Locale;

/**
 * A subcommand: the global options, environment and streams of {@link CockpitCli}, and the one prologue every command
 * that builds a cockpit goes through — the config's errors (exit 2) or podman's problem (exit 1) printed, and nothing
 * done. By the time {@link #call()} runs, picocli has checked every option and parameter.
 */
@Command(exitCodeListHeading = ExitCodes.Help.HEADING)
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** What the command does with a cockpit that passed the prologue; returns the exit code. */
    interface Body {
        int run(Cockpit cockpit) throws Exception;
    }

    final CockpitCli root() {
        return (CockpitCli) spec.root().userObject();
    }

    final PrintStream out() {
        return root().out;
    }

    final PrintStream err() {
        return root().err;
    }

    final Map<String, String> env() {
        return root().env;
    }

    final boolean json() {
        return root().format == ArgTypes.Format.JSON;
    }

    /** A usage error found after parsing (a choice between arguments): exit 2 with this command's usage. */
    final ParameterException usage(String reason) {
        return new ParameterException(spec.commandLine(), reason);
    }

    /** {@code SERVICE...} checked like a single SERVICE is by its converter: a bad one is a usage error. */
    final List<String> services(List<String> names) {
        try {
            return ArgTypes.ServiceName.all(names);
        } catch (TypeConversionException e) {
            throw usage("Invalid value for SERVICE: " + e.getMessage());
        }
    }

    /**
     * Builds the cockpit headless (no demo unless {@code --demo}), runs the prologue and then {@code body}.
     *
     * @param podman true for the commands that act through podman: its problem (no podman, an unknown connection)
     *               ends them with exit 1 before they start
     */
    final int withCockpit(boolean podman, Body body) throws Exception {
        try (Cockpit cockpit = new Cockpit(root().options(), env(), false, s -> { })) {
            root().redactWith(cockpit.redaction());
            if (configErrors(cockpit.loaded())) {
                return ExitCodes.USAGE;
            }
            if (podman && cockpit.podman().problem() != null) {
                err().println("cockpit: podman " + cockpit.podman().label() + ": " + cockpit.podman().problem());
                return ExitCodes.NOT_OK;
            }
            return body.run(cockpit);
        }
    }

    /** "done: …" on stdout, else "failed: …", "refused: …" or "not verified: …" on stderr; its exit code. */
    final int outcome(ActionOutcome o) {
        (o.status() == ActionOutcome.Status.DONE ? out() : err()).println(
                o.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + o.message());
        return o.status().exitCode;
    }

    /** Prints every config error; true when there was any (the command then does nothing and exits 2). */
    final boolean configErrors(ConfigLoader.Loaded loaded) {
        if (loaded.ok()) {
            return false;
        }
        err().println("cockpit: the config has errors; nothing was done:");
        loaded.problems().forEach(p -> err().println("  " + p));
        return true;
    }
}
