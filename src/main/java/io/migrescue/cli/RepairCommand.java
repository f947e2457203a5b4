package io.migrescue.cli;

import io.migrescue.app.RepairUseCase;
import io.migrescue.app.SavedPlans;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.report.RepairRenderer;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        description = {
            "Plan and run a playbook: back up what will change, repair, record in the migration tool's "
                    + "history, verify. Without ID: the top recommendation of diagnose. --dry-run shows every statement "
                    + "and changes nothing.",
            ""
        },
        footer = {
            "",
            "Review, then run exactly what was reviewed: repair --dry-run --save-plan plan.json …, later "
                    + "repair --plan plan.json --yes.",
            "Example: migrescue repair --url mariadb://root@db/app --error-file deploy.log --migrations "
                    + "db/migration --dry-run"
        })
@Exits({
    @Exit(value = ExitCode.OK, means = "verified (or planned, with --dry-run)"),
    @Exit(ExitCode.USAGE),
    @Exit(ExitCode.CONNECTION),
    @Exit(ExitCode.REPAIR_STOPPED),
    @Exit(ExitCode.VERIFICATION_FAILED),
    @Exit(value = ExitCode.CONFIRMATION_NEEDED, means = "confirmation or a decision needed (--yes, --param)"),
    @Exit(value = ExitCode.PLAN_CHANGED, means = "the saved plan (--plan) no longer fits")
})
class RepairCommand extends DatabaseCommand {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Mixin
    ErrorInputOptions errorInput;

    @Parameters(
            arity = "0..1",
            paramLabel = "ID",
            completionCandidates = PlaybookIds.class,
            description = "The playbook to run (see `migrescue playbooks`).")
    String playbook;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A playbook parameter; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--dry-run",
            description = "Print the plan (every statement, the backup, the checks) and change nothing.")
    boolean dryRun;

    @Mixin
    YesOption go;

    @Option(
            names = "--backup-dir",
            paramLabel = "DIR",
            description = "Where the backup and the journal go (default: ./migrescue-backups/<timestamp>).")
    Path backupDir;

    @Mixin
    MigrationSourceOptions source;

    @Option(
            names = "--reference",
            paramLabel = "URL",
            description = {
                "A database that has the tables this one lacks (create-missing-table copies their definition from "
                        + "it); credentials in the URL or its password in MIGRESCUE_REFERENCE_PASSWORD."
            })
    String reference;

    @Option(names = "--playbooks", paramLabel = "DIR", description = "Also load the playbooks in this folder.")
    Path userPlaybooks;

    @Option(
            names = "--save-plan",
            paramLabel = "FILE",
            description = {
                "With --dry-run: also write the plan shown, with a fingerprint of everything it touches (table "
                        + "definitions, the tool's history rows, the rows it changes), for --plan FILE. Without --dry-run "
                        + "it is a usage error (exit 2)."
            })
    Path savePlan;

    @Option(
            names = "--plan",
            paramLabel = "FILE",
            description = {
                "Run exactly the plan --save-plan wrote (no new diagnosis, its parameters as saved) once the "
                        + "fingerprint read again is the same; exit 7, changing nothing, if the database changed since. "
                        + "With --dry-run: show it and whether it fits."
            })
    Path savedPlan;

    @Override
    public Integer call() {
        // a dry run names no time of its own: the real run picks its directory when it runs
        Path dir = backupDir != null
                ? backupDir
                : Path.of(
                        "migrescue-backups",
                        dryRun
                                ? "<UTC time of the run>"
                                : ZonedDateTime.now(ZoneOffset.UTC).format(STAMP));
        if (!dryRun && java.nio.file.Files.exists(dir.resolve("journal.jsonl"))) {
            throw MigrescueException.usage(
                    "--backup-dir " + dir + " already holds a repair's journal: use `migrescue resume --from " + dir
                            + "` or another directory");
        }
        if (savePlan != null && !dryRun) {
            throw MigrescueException.usage(
                    "--save-plan writes the plan a dry run shows: add --dry-run (then run it with repair --plan "
                            + savePlan + " --yes)");
        }
        if (savedPlan != null && (savePlan != null || playbook != null || !params.isEmpty())) {
            throw MigrescueException.usage(
                    "--plan runs the saved plan as it was saved: leave out the playbook ID, --param and --save-plan");
        }
        if (!dryRun) {
            OwnDirectory.checkWritable(dir, "the backup directory", "--backup-dir DIR");
        }
        Interaction person = context == null || go.yes ? null : context.interaction();
        if (savedPlan != null) {
            return runSaved(dir, person);
        }
        String errorText = errorInput.text();
        try (DatabaseSession session = connection.open();
                DatabaseSession referenceSession =
                        reference == null ? null : connection.openOther(reference, "MIGRESCUE_REFERENCE_PASSWORD")) {
            RepairUseCase.Request request = new RepairUseCase.Request(
                    source.diagnosis(connection, errorText),
                    playbook,
                    params,
                    dryRun,
                    go.yes || person != null,
                    person != null,
                    dir,
                    userPlaybooks,
                    referenceSession);
            RepairReport report = RepairSteps.run(
                    this,
                    person,
                    (progress, gate, control) -> person == null
                            ? RepairUseCase.run(session, request, progress, control)
                            : RepairUseCase.runInteractive(session, request, progress, person.repairDialog(), control));
            spec.commandLine()
                    .getOut()
                    .print(
                            person == null
                                    ? RepairRenderer.render(report, output.format())
                                    : report.dryRun()
                                            ? RepairRenderer.render(
                                                    report,
                                                    output.format(),
                                                    "To walk it step by step, asked before each: repair "
                                                            + report.plan().playbook()
                                                            + (params.isEmpty() ? "" : " (with the same --param)"))
                                            : output.format() == io.migrescue.report.OutputFormat.text
                                                    ? RepairRenderer.summary(report)
                                                    : RepairRenderer.render(report, output.format()));
            if (savePlan != null) {
                SavedPlans.save(session, report.plan(), connection.schemas(), savePlan);
                Verbosity.note(
                        spec.commandLine().getErr(),
                        "migrescue: plan saved to " + savePlan + "; repair --plan " + savePlan
                                + " --yes runs exactly it (exit 7, changing nothing, if the database changes before)");
            }
            if (!report.dryRun() && java.nio.file.Files.isDirectory(dir)) {
                Path written = writeReport(report, dir); // scripted runs too: the incident write-up starts from it
                if (person != null) {
                    context.session().lastRepair(dir);
                    if (written != null) {
                        spec.commandLine().getOut().println("Report    " + written);
                    }
                }
            }
            spec.commandLine().getOut().flush();
            return exitCode(report);
        }
    }

    /** {@code --plan FILE}: the saved plan checked against the database, then shown (dry run) or run as saved. */
    private int runSaved(Path dir, Interaction person) {
        try (DatabaseSession session = connection.open()) {
            SavedPlans.Check check = SavedPlans.check(session, savedPlan);
            if (dryRun) {
                spec.commandLine()
                        .getOut()
                        .print(RepairRenderer.render(SavedPlans.preview(check, savedPlan, dir), output.format()));
                spec.commandLine().getOut().flush();
                if (!check.fits()) {
                    spec.commandLine().getErr().println("migrescue: " + check.summary(savedPlan));
                    return ExitCode.PLAN_CHANGED.code();
                }
                return ExitCode.OK.code();
            }
            RepairReport report = RepairSteps.run(
                    this,
                    person,
                    (progress, gate, control) -> SavedPlans.run(
                            session,
                            check,
                            savedPlan,
                            dir,
                            go.yes || person != null,
                            person == null,
                            progress,
                            gate,
                            control));
            spec.commandLine().getOut().print(RepairRenderer.render(report, output.format()));
            spec.commandLine().getOut().flush();
            if (java.nio.file.Files.isDirectory(dir)) {
                writeReport(report, dir);
                if (person != null) {
                    context.session().lastRepair(dir);
                }
            }
            return exitCode(report);
        }
    }

    /** The Markdown report beside the journal, for the incident write-up; null when it cannot be written. */
    static Path writeReport(RepairReport report, Path dir) {
        Path file = dir.resolve(report.status() == RepairStatus.ROLLED_BACK ? "report-rollback.md" : "report.md");
        try {
            io.migrescue.files.PrivateFiles.writeString(
                    file, RepairRenderer.render(report, io.migrescue.report.OutputFormat.markdown));
            return file;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static int exitCode(RepairReport report) {
        return report.status().exitCode().code();
    }
}
