package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.app.DemoRun;
import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import picocli.CommandLine.Command;

/**
 * {@code demo up} builds the demo project's images where missing or changed (minutes the first time), starts it and
 * waits until every service answers its probe; {@code demo down} removes its containers. Exit codes as for actions.
 */
@Command(name = "demo", description = "The demo compose project that really runs here (builds its images).",
        subcommands = {DemoCli.Up.class, DemoCli.Down.class},
        exitCodeList = {Help.DONE, Help.FAILED, Help.USAGE, Help.NOT_VERIFIED})
final class DemoCli extends CliCommand {
    @Override
    public Integer call() {
        throw usage("demo up | demo down");
    }

    static int run(CliCommand c, boolean up) throws Exception {
        return c.withCockpit(true, cockpit -> c.outcome(DemoRun.run(cockpit, up,
                line -> c.err().println("· " + line))));
    }

    @Command(name = "up", description = "Builds what is missing, starts the project and waits for every probe.",
            exitCodeList = {Help.DONE, Help.FAILED, Help.USAGE, Help.NOT_VERIFIED})
    static final class Up extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return run(this, true);
        }
    }

    @Command(name = "down", description = "Removes the demo project's containers (only those with its label).",
            exitCodeList = {Help.DONE, Help.FAILED, Help.USAGE})
    static final class Down extends CliCommand {
        @Override
        public Integer call() throws Exception {
            return run(this, false);
        }
    }
}
