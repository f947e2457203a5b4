package io.migrescue.cli;

import io.migrescue.app.StatusReport;
import io.migrescue.app.StatusUseCase;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.report.StatusRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
                "What state is this database in: engine, version, schemas, tables, and every migration tool's " +
                "failed, dirty or locked entries. Read-only.",
                ""},
        footer = {"", "Exit: 0 healthy, 1 something needs attention, 2 usage, 3 cannot connect.",
                "Example: migrescue status --url mariadb://root@127.0.0.1:3306/app --format json"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Option(names = "--tool", paramLabel = "NAME", description = "Only this migration tool's history (default: every tool found).")
    String tool;

    @Option(names = "--history-table", paramLabel = "NAME", description = {
            "The history table's name when the tool was configured with another (Flyway's flyway.table, " +
            "Knex's tableName, Drizzle's migrationsTable). Needs --tool."})
    String historyTable;

    @Option(names = "--migrations", paramLabel = "DIR", description = "Where the migration files are: then an applied migration"
            + " whose file was edited afterwards is reported too.")
    Path migrations;

    @Override
    public Integer call() {
        Stopwatch watch = new Stopwatch(spec.commandLine().getErr());
        try (DatabaseSession session = connection.open()) {
            watch.lap("connected to " + session.info().engine().displayName() + " " + session.info().version());
            StatusReport report = StatusUseCase.run(session, connection.schemas(), tool, historyTable, migrations);
            watch.lap("read status of " + report.tablesPerSchema().size() + " schema(s)");
            spec.commandLine().getOut().print(StatusRenderer.render(report, output.format()));
            spec.commandLine().getOut().flush();
            return report.healthy() ? ExitCode.OK.code() : ExitCode.ATTENTION.code();
        }
    }
}
