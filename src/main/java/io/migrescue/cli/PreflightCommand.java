package io.migrescue.cli;

import io.migrescue.app.PreflightUseCase;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.preflight.PreflightReport;
import io.migrescue.report.PreflightRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "preflight",
        mixinStandardHelpOptions = true,
        description = {
            "Before the deploy: which pending migration will fail on this database, where, why, and the fix.",
            "Simulates the pending migrations in order over the live catalog and counts the rows that would "
                    + "refuse them (orphans, duplicates, NULLs). Read-only: one read-only transaction, rolled back.",
            ""
        },
        footer = {
            "",
            "Example: migrescue preflight --url mariadb://root@db/app --migrations db/migration --format markdown"
        })
@Exits({
    @Exit(value = ExitCode.OK, means = "nothing will fail"),
    @Exit(value = ExitCode.ATTENTION, means = "something will or may"),
    @Exit(ExitCode.USAGE),
    @Exit(ExitCode.CONNECTION)
})
final class PreflightCommand extends DatabaseCommand {
    @Mixin
    MigrationSourceOptions source;

    @Override
    public Integer call() {
        Stopwatch watch = stopwatch();
        PreflightUseCase.Request request = source.preflight(connection); // a missing folder is said before connecting
        try (DatabaseSession session = connect(watch)) {
            PreflightReport report = PreflightUseCase.run(session, request);
            watch.lap("simulated " + report.pending().size() + " pending migration(s): "
                    + report.findings().size() + " finding(s)");
            return answer(
                    PreflightRenderer.render(report, output.format()),
                    report.willFail() ? ExitCode.ATTENTION : ExitCode.OK);
        }
    }
}
