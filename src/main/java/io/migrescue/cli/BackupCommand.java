package io.migrescue.cli;

import io.migrescue.app.BackupUseCase;
import io.migrescue.backup.BackupManifest;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.report.BackupRenderer;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Back up tables: each table's definition and rows, and a manifest with every file's checksum, "
                    + "read back and verified before the command succeeds. Read-only for the database: one consistent "
                    + "snapshot.",
            ""
        },
        footer = {
            "",
            "Example: migrescue backup --url postgresql://app@db/app --table orders --table billing.invoices "
                    + "--to ./before-fix"
        })
@Exits({
    @Exit(value = ExitCode.OK, means = "written and verified"),
    @Exit(value = ExitCode.USAGE, means = "usage (unknown table, directory not empty)"),
    @Exit(ExitCode.CONNECTION),
    @Exit(value = ExitCode.REPAIR_STOPPED, means = "stopped by the database or the disk"),
    @Exit(value = ExitCode.VERIFICATION_FAILED, means = "the written backup does not verify")
})
final class BackupCommand extends DatabaseCommand {

    @Option(
            names = "--table",
            paramLabel = "T",
            required = true,
            description = {"Table to back up, as table (looked up in the schemas in scope) or schema.table; repeatable."
            })
    List<String> tables;

    @Option(
            names = "--to",
            paramLabel = "DIR",
            required = true,
            description = "A new or empty directory for the backup.")
    Path to;

    @Option(names = "--no-data", description = "Definitions only, no rows (such a backup cannot be restored).")
    boolean noData;

    @Override
    public Integer call() {
        OwnDirectory.checkWritable(to, "the backup directory", "--to DIR");
        Stopwatch watch = stopwatch();
        try (DatabaseSession session = connect(watch)) {
            BackupManifest manifest = BackupUseCase.run(
                    session,
                    new BackupUseCase.Request(connection.schemas(), tables, to, !noData),
                    new StderrProgress(
                            err(),
                            context.interaction() != null
                                    ? context.interaction().redraws()
                                    : context.interactive()));
            watch.lap("backed up and verified " + manifest.tables().size() + " table(s)");
            return answer(BackupRenderer.render(manifest, to, output.format()), ExitCode.OK);
        }
    }
}
