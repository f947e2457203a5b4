package io.migrescue.cli;

import io.migrescue.app.HistoryUseCase;
import io.migrescue.db.DatabaseSession;
import io.migrescue.report.HistoryRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The migration history as each tool found recorded it: applied, failed, dirty, rolled back; locks.", ""},
        footer = {"", "Example: migrescue history --url postgresql://app@db/app --format json"})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(names = "--tool", paramLabel = "NAME", description = "Only this migration tool's history.")
    String tool;

    @Override
    public Integer call() {
        try (DatabaseSession session = connection.open()) {
            HistoryUseCase.Report report = HistoryUseCase.run(session, connection.schemas(), tool);
            spec.commandLine().getOut().print(HistoryRenderer.render(report, output.format()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
