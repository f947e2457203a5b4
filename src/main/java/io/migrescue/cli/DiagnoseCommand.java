package io.migrescue.cli;

import io.migrescue.app.DiagnoseUseCase;
import io.migrescue.app.DiagnosisReport;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.report.DiagnosisRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "diagnose",
        mixinStandardHelpOptions = true,
        description = {
            "What failed, why, what is already in effect, which repair fits. Read-only: reads the catalog, "
                    + "the migration history, the error text and the migration files, and runs bounded counts for data "
                    + "problems.",
            ""
        },
        footer = {
            "",
            "Example: migrescue diagnose --url mariadb://root@db/app --error-file deploy.log --migrations db/migration"
        })
@Exits({
    @Exit(value = ExitCode.OK, means = "no findings"),
    @Exit(value = ExitCode.ATTENTION, means = "findings"),
    @Exit(ExitCode.USAGE),
    @Exit(ExitCode.CONNECTION)
})
final class DiagnoseCommand extends DatabaseCommand {
    @Mixin
    ErrorInputOptions errorInput;

    @Mixin
    MigrationSourceOptions source;

    @Override
    public Integer call() {
        Stopwatch watch = stopwatch();
        String errorText = errorInput.textOrPaste();
        try (DatabaseSession session = connect(watch)) {
            DiagnosisReport report = DiagnoseUseCase.run(session, source.diagnosis(connection, errorText));
            watch.lap("diagnosed: " + report.findings().size() + " finding(s)");
            return answer(
                    DiagnosisRenderer.render(report, output.format()),
                    report.hasFindings() ? ExitCode.ATTENTION : ExitCode.OK);
        }
    }
}
