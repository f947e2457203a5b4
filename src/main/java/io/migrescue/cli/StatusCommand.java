package io.migrescue.cli;

import io.migrescue.app.StatusReport;
import io.migrescue.app.StatusUseCase;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.report.StatusRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "What state is this database in: engine, version, schemas, tables, and every migration tool's "
                    + "failed, dirty or locked entries. Read-only.",
            ""
        },
        footer = {"", "Example: migrescue status --url mariadb://root@127.0.0.1:3306/app --format json"})
@Exits({
    @Exit(value = ExitCode.OK, means = "healthy"),
    @Exit(value = ExitCode.ATTENTION, means = "something needs attention"),
    @Exit(ExitCode.USAGE),
    @Exit(ExitCode.CONNECTION)
})
final class StatusCommand extends DatabaseCommand {
    @Mixin
    HistoryOptions history;

    @Mixin
    MigrationsOption migrations; // then an applied migration whose file was edited afterwards is reported too

    @Mixin
    ErrorInputOptions errorInput; // Liquibase's validation failure names the structural changesets edited

    @Override
    public Integer call() {
        Stopwatch watch = stopwatch();
        try (DatabaseSession session = connect(watch)) {
            StatusReport report = StatusUseCase.run(
                    session, connection.schemas(), history.tool, history.table, migrations.dir, errorInput.text());
            watch.lap("read status of " + report.tablesPerSchema().size() + " schema(s)");
            return answer(
                    StatusRenderer.render(report, output.format()),
                    report.healthy() ? ExitCode.OK : ExitCode.ATTENTION);
        }
    }
}
