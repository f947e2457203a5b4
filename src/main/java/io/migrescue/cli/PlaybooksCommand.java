package io.migrescue.cli;

import io.migrescue.failure.MigrescueException;
import io.migrescue.playbook.Playbook;
import io.migrescue.playbook.Playbooks;
import io.migrescue.report.PlaybookRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "playbooks",
        mixinStandardHelpOptions = true,
        description = {"The repair playbooks available, or one in full: `migrescue playbooks show ID`.", ""})
final class PlaybooksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--playbooks",
            paramLabel = "DIR",
            description = "Also load the playbooks in this folder (validated on load).")
    Path userPlaybooks;

    @Parameters(
            arity = "0..2",
            paramLabel = "show ID",
            description = "Show one playbook: its parameters, steps and checks.")
    java.util.List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        Playbooks playbooks = Playbooks.load(userPlaybooks);
        if (args.isEmpty()) {
            spec.commandLine().getOut().print(PlaybookRenderer.list(playbooks.all(), output.format()));
        } else {
            if (args.size() != 2 || !args.get(0).equals("show")) {
                throw MigrescueException.usage("usage: migrescue playbooks [show ID]");
            }
            Playbook p = playbooks
                    .get(args.get(1))
                    .orElseThrow(() -> MigrescueException.usage("no playbook '" + args.get(1) + "'; known: "
                            + String.join(
                                    ", ",
                                    playbooks.all().stream().map(Playbook::id).toList())));
            spec.commandLine().getOut().print(PlaybookRenderer.show(p, output.format()));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
