package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code completion}: the bash completion script for every subcommand and option, generated from the same command tree
 * that parses them, so it cannot fall behind. zsh runs it through bashcompinit (the script enables it there).
 */
@Command(name = "completion", description = {"Prints the shell completion script (bash; zsh through bashcompinit).",
        "Install: source <(java -jar cockpit.jar completion), with `cockpit` on the PATH (resources/bin/cockpit)."},
        exitCodeList = {"0:printed", Help.USAGE})
final class CompletionCli extends CliCommand {
    @Override
    public Integer call() {
        out().print(AutoComplete.bash("cockpit", spec.root().commandLine()));
        out().flush();
        return ExitCodes.OK;
    }
}
