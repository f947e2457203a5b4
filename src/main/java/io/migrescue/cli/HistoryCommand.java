package io.migrescue.cli;

import io.migrescue.app.HistoryUseCase;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.report.HistoryRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "The migration history as each tool found recorded it: applied, failed, dirty, rolled back; locks.",
            ""
        },
        footer = {"", "Example: migrescue history --url postgresql://app@db/app --format json"})
@Exits({@Exit(ExitCode.OK), @Exit(ExitCode.USAGE), @Exit(ExitCode.CONNECTION)})
final class HistoryCommand extends DatabaseCommand {
    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() {
        try (DatabaseSession session = connect(stopwatch())) {
            HistoryUseCase.Report report =
                    HistoryUseCase.run(session, connection.schemas(), history.tool, history.table);
            return answer(HistoryRenderer.render(report, output.format()), ExitCode.OK);
        }
    }
}
