package io.migrescue.cli;

import io.migrescue.app.PreflightUseCase;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.preflight.PreflightReport;
import io.migrescue.report.PreflightRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {
                "Before the deploy: which pending migration will fail on this database, where, why, and the fix.",
                "Simulates the pending migrations in order over the live catalog and counts the rows that would " +
                "refuse them (orphans, duplicates, NULLs). Read-only: one read-only transaction, rolled back.",
                ""},
        footer = {"", "Exit: 0 nothing will fail, 1 something will or may, 2 usage, 3 cannot connect.",
                "Example: migrescue preflight --url mariadb://root@db/app --migrations db/migration --format markdown"})
final class PreflightCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(names = "--migrations", paramLabel = "DIR", description = {
            "Where the migration files are (SQL files of every tool migrescue reads, or migrations written as code)."})
    Path migrations;

    @Option(names = "--tool", paramLabel = "NAME", description = "Only this migration tool's history (default: every tool found).")
    String tool;

    @Option(names = "--history-table", paramLabel = "NAME", description = {
            "The history table's name when the tool was configured with another. Needs --tool."})
    String historyTable;

    @Mixin
    RenderWithToolOption rendering;

    @Override
    public Integer call() {
        Stopwatch watch = new Stopwatch(spec.commandLine().getErr());
        Path dir = connection.migrations(migrations);
        try (DatabaseSession session = connection.open()) {
            watch.lap("connected to " + session.info().engine().displayName() + " " + session.info().version());
            PreflightReport report = PreflightUseCase.run(session,
                    new PreflightUseCase.Request(connection.schemas(), dir, tool, historyTable,
                            rendering.renderer(connection)));
            watch.lap("simulated " + report.pending().size() + " pending migration(s): " + report.findings().size() + " finding(s)");
            spec.commandLine().getOut().print(PreflightRenderer.render(report, output.format()));
            spec.commandLine().getOut().flush();
            return report.willFail() ? ExitCode.ATTENTION.code() : ExitCode.OK.code();
        }
    }
}
