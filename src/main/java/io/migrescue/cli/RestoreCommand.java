package io.migrescue.cli;

import io.migrescue.app.RestoreUseCase;
import io.migrescue.backup.BackedUpTable;
import io.migrescue.backup.BackupManifest;
import io.migrescue.backup.RestoreResult;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.report.RestoreRenderer;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restore a backup written by `migrescue backup`: the backup is verified first, then each table is "
                    + "replaced by its backed-up rows (recreated from the backed-up definition if that changed). "
                    + "Changes nothing without --yes.",
            ""
        },
        footer = {"", "Example: migrescue restore --url postgresql://app@db/app --from ./before-fix --yes"})
@Exits({
    @Exit(value = ExitCode.OK, means = "restored"),
    @Exit(value = ExitCode.USAGE, means = "usage (missing or damaged backup)"),
    @Exit(ExitCode.CONNECTION),
    @Exit(value = ExitCode.REPAIR_STOPPED, means = "stopped (PostgreSQL: rolled back, nothing changed)"),
    @Exit(value = ExitCode.VERIFICATION_FAILED, means = "restored but a foreign key does not hold"),
    @Exit(ExitCode.CONFIRMATION_NEEDED)
})
final class RestoreCommand extends DatabaseCommand {

    @Option(
            names = "--from",
            paramLabel = "DIR",
            required = true,
            description = "The backup directory (it holds manifest.json).")
    Path from;

    @Mixin
    YesOption go;

    @Override
    public Integer call() {
        BackupManifest manifest = RestoreUseCase.check(from);
        Interaction person = go.yes ? null : context.interaction();
        if (person != null
                && !person.confirm(
                        "Replace " + describe(manifest) + " with the backup taken " + manifest.createdAt() + "?")) {
            throw new MigrescueException(ExitCode.CONFIRMATION_NEEDED, "nothing was changed");
        }
        if (!go.yes && person == null) {
            throw new MigrescueException(
                    ExitCode.CONFIRMATION_NEEDED,
                    "restore would replace " + describe(manifest)
                            + " with the backup taken " + manifest.createdAt()
                            + "; nothing was changed: add --yes to go ahead"
                            + (context.interactive() ? " (or run it in migrescue shell, which asks)" : ""));
        }
        Stopwatch watch = stopwatch();
        try (DatabaseSession session = connect(watch)) {
            RestoreResult result = RestoreUseCase.run(
                    session,
                    from,
                    new StderrProgress(
                            spec.commandLine().getErr(), person != null ? person.redraws() : context.interactive()));
            watch.lap("restored " + result.tables().size() + " table(s)");
            spec.commandLine().getOut().print(RestoreRenderer.render(result, from, output.format()));
            spec.commandLine().getOut().flush();
            if (!result.holds()) {
                spec.commandLine()
                        .getErr()
                        .println("migrescue: restored, but "
                                + result.violations().size()
                                + " foreign key(s) do not hold (listed above); the backup is still in " + from);
                spec.commandLine().getErr().flush();
                return ExitCode.VERIFICATION_FAILED.code();
            }
            return ExitCode.OK.code();
        }
    }

    private static String describe(BackupManifest manifest) {
        int n = manifest.tables().size();
        return n + (n == 1 ? " table" : " tables") + " ("
                + String.join(
                        ", ",
                        manifest.tables().stream()
                                .limit(5)
                                .map(BackedUpTable::qualifiedName)
                                .toList()) + (n > 5 ? ", …" : "") + ")";
    }
}
