package io.migrescue.cli;

import io.migrescue.app.DiagnoseUseCase;
import io.migrescue.app.DiagnosisReport;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.report.DiagnosisRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {
                "What failed, why, what is already in effect, which repair fits. Read-only: reads the catalog, " +
                "the migration history, the error text and the migration files, and runs bounded counts for data " +
                "problems.",
                ""},
        footer = {"", "Exit: 0 no findings, 1 findings, 2 usage, 3 cannot connect.",
                "Example: migrescue diagnose --url mariadb://root@db/app --error-file deploy.log --migrations db/migration"})
final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ErrorInputOptions errorInput;

    @Mixin
    OutputOptions output;

    @Option(names = "--migrations", paramLabel = "DIR", description = {
            "Where the migration files are (Flyway V*__*.sql, golang-migrate *.up.sql, Prisma */migration.sql, Drizzle, plain SQL)."})
    Path migrations;

    @Option(names = "--tool", paramLabel = "NAME", description = "Only this migration tool's history (default: every tool found).")
    String tool;

    @Option(names = "--history-table", paramLabel = "NAME", description = {
            "The history table's name when the tool was configured with another (Flyway's flyway.table, " +
            "Knex's tableName, Drizzle's migrationsTable). Needs --tool."})
    String historyTable;

    @Mixin
    RenderWithToolOption rendering;

    @Override
    public Integer call() {
        Stopwatch watch = new Stopwatch(spec.commandLine().getErr());
        String errorText = errorInput.textOrPaste();
        try (DatabaseSession session = connection.open()) {
            watch.lap("connected to " + session.info().engine().displayName() + " " + session.info().version());
            DiagnosisReport report = DiagnoseUseCase.run(session,
                    new DiagnoseUseCase.Request(connection.schemas(), errorText, connection.migrations(migrations), tool, historyTable,
                            rendering.renderer(connection)));
            watch.lap("diagnosed: " + report.findings().size() + " finding(s)");
            spec.commandLine().getOut().print(DiagnosisRenderer.render(report, output.format()));
            spec.commandLine().getOut().flush();
            return report.hasFindings() ? ExitCode.ATTENTION.code() : ExitCode.OK.code();
        }
    }
}
