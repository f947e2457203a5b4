package io.migrescue.cli;

import io.migrescue.app.ResumeUseCase;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.repair.RepairReport;
import io.migrescue.report.RepairRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = {
            "Continue an interrupted repair from its journal (no step runs twice: a step that committed is "
                    + "known from the ledger in the database, a statement whose effect is in the catalog is not run "
                    + "again), or --rollback: undo what the repair created, restore its backup, and check the database "
                    + "is exactly as before (a cut-off roll back is finished the same way).",
            ""
        },
        footer = {
            "",
            "Example: migrescue resume --url mariadb://root@db/app --from migrescue-backups/20261121T084400Z " + "--yes"
        })
@Exits({
    @Exit(value = ExitCode.OK, means = "verified or rolled back"),
    @Exit(ExitCode.USAGE),
    @Exit(ExitCode.CONNECTION),
    @Exit(value = ExitCode.REPAIR_STOPPED, means = "stopped again (or the roll back left differences, listed)"),
    @Exit(value = ExitCode.VERIFICATION_FAILED, means = "verification failed (a script rolls the repair back at once)"),
    @Exit(ExitCode.CONFIRMATION_NEEDED)
})
final class ResumeCommand extends DatabaseCommand {

    @Option(
            names = "--from",
            paramLabel = "DIR",
            description = "The repair's directory (default: the newest under ./migrescue-backups).")
    Path from;

    @Option(names = "--rollback", description = "Undo the repair instead of finishing it.")
    boolean rollback;

    @Mixin
    YesOption go;

    @Override
    public Integer call() {
        ShellSession shell = context == null ? null : context.session();
        Path dir = from != null
                ? from
                : shell != null && shell.lastRepair() != null
                        ? shell.lastRepair()
                        : newest(Path.of("migrescue-backups"));
        Interaction person = context == null || go.yes ? null : context.interaction();
        if (person != null && !person.confirm((rollback ? "Roll back" : "Resume") + " the repair in " + dir + "?")) {
            throw new MigrescueException(
                    ExitCode.REPAIR_STOPPED, "nothing was changed; the repair in " + dir + " is as its journal says");
        }
        if (!go.yes && person == null) {
            throw new MigrescueException(
                    ExitCode.CONFIRMATION_NEEDED,
                    (rollback ? "rolling back" : "resuming") + " the repair in " + dir
                            + " changes the database; add --yes");
        }
        try (DatabaseSession session = connect(stopwatch())) {
            RepairReport report = RepairSteps.run(
                    this,
                    person,
                    (progress, gate, control) -> ResumeUseCase.run(session, dir, rollback, progress, gate, control));
            spec.commandLine()
                    .getOut()
                    .print(
                            person != null && output.format() == io.migrescue.report.OutputFormat.text
                                    ? RepairRenderer.summary(report)
                                    : RepairRenderer.render(report, output.format()));
            if (person != null) {
                Path written = RepairCommand.writeReport(report, dir);
                if (written != null) {
                    spec.commandLine().getOut().println("Report    " + written);
                }
            }
            spec.commandLine().getOut().flush();
            return RepairCommand.exitCode(report);
        }
    }

    private static Path newest(Path root) {
        if (!Files.isDirectory(root)) {
            throw MigrescueException.usage("no repair to resume: give --from DIR");
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("journal.jsonl")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(
                            () -> MigrescueException.usage("no repair journal under " + root + ": give --from DIR"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
