package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.model.ActionRequest.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;

/**
 * {@code action VERB SERVICE|--all}, {@code action scale SERVICE N} and {@code exec SERVICE -- CMD...}: the same
 * audited, verified path as the window's buttons. Service and project names are checked before anything runs; the
 * service then against what the project really has.
 */
@Command(name = "action", description = "Acts on the compose project through the window's audited, verified path.",
        subcommands = {ActionCli.Restart.class, ActionCli.Stop.class, ActionCli.Start.class, ActionCli.Up.class,
                ActionCli.Down.class, ActionCli.Scale.class},
        exitCodeList = {Help.DONE, Help.FAILED, Help.USAGE, Help.REFUSED, Help.NOT_VERIFIED})
final class ActionCli extends CliCommand {
    @Override
    public Integer call() {
        throw usage("action needs a verb: restart, stop, start, up, down or scale");
    }

    /** Runs the request after the prologue; the progress goes to stderr, an exec's output to stdout. */
    static int act(CliCommand c, ActionRequest request) throws Exception {
        return c.withCockpit(true, cockpit -> {
            boolean exec = request.kind() == Kind.EXEC;
            return c.outcome(cockpit.actions().run(request, line -> (exec ? c.out() : c.err())
                    .println(exec ? line : "· " + line)));
        });
    }

    /** {@code restart|stop|start|up|down SERVICE|--all}; the exit codes are {@code action}'s. */
    @Command(exitCodeList = {Help.DONE, Help.FAILED, Help.USAGE, Help.REFUSED, Help.NOT_VERIFIED})
    abstract static class Verb extends CliCommand {
        @Parameters(paramLabel = "SERVICE", arity = "0..1", converter = ArgTypes.ServiceName.class,
                description = "The compose service.")
        String service;
        @Option(names = "--all", description = "Every service of the project.")
        boolean all;
        @Option(names = "--confirm", paramLabel = "PROJECT", converter = ArgTypes.ProjectName.class,
                description = "The project's name, typed in: down, stop --all and scale to 0 need it.")
        String confirm;

        /** The verb is the command's name: one class per name only because picocli names commands by class. */
        final Kind kind() {
            return Kind.valueOf(spec.name().toUpperCase(Locale.ROOT));
        }

        @Override
        public Integer call() throws Exception {
            if ((service == null) != all) {
                throw usage("action " + kind().word() + " takes one SERVICE or --all");
            }
            return act(this, new ActionRequest(kind(), service, 0, List.of(), confirm));
        }
    }

    @Command(name = "restart", description = "Restarts the service; done when its probe answers UP again.")
    static final class Restart extends Verb {
    }

    @Command(name = "stop", description = "Stops the service (--all: the project, with --confirm).")
    static final class Stop extends Verb {
    }

    @Command(name = "start", description = "Starts the service; done when its probe answers UP.")
    static final class Start extends Verb {
    }

    @Command(name = "up", description = "Creates and starts the service (compose up); done when its probe answers UP.")
    static final class Up extends Verb {
    }

    @Command(name = "down", description = "Removes the service's containers (compose down); needs --confirm PROJECT.")
    static final class Down extends Verb {
    }

    @Command(name = "scale", description = "Runs N replicas of the service, checked on the running containers.",
            exitCodeList = {Help.DONE, Help.FAILED, Help.USAGE, Help.REFUSED, Help.NOT_VERIFIED})
    static final class Scale extends CliCommand {
        @Parameters(index = "0", paramLabel = "SERVICE", converter = ArgTypes.ServiceName.class,
                description = "The compose service.")
        String service;
        @Parameters(index = "1", paramLabel = "N", converter = ArgTypes.Replicas.class, description = "0 to 999.")
        int replicas;
        @Option(names = "--confirm", paramLabel = "PROJECT", converter = ArgTypes.ProjectName.class,
                description = "The project's name, typed in: scaling to 0 needs it.")
        String confirm;

        @Override
        public Integer call() throws Exception {
            return act(this, new ActionRequest(Kind.SCALE, service, replicas, List.of(), confirm));
        }
    }

    @Command(name = "exec", description = "Runs COMMAND in the service's container (an argv, never a shell string).",
            exitCodeList = {"0:done", Help.FAILED, Help.USAGE, Help.REFUSED})
    static final class Exec extends CliCommand {
        @Parameters(index = "0", paramLabel = "SERVICE", converter = ArgTypes.ServiceName.class,
                description = "The compose service.")
        String service;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND",
                description = "The command and its arguments, after --.")
        List<String> command;
        @Option(names = "--confirm", paramLabel = "PROJECT", converter = ArgTypes.ProjectName.class,
                description = "The project's name, typed in.")
        String confirm;

        @Override
        public Integer call() throws Exception {
            return act(this, new ActionRequest(Kind.EXEC, service, 0, command, confirm));
        }
    }
}
