package io.migrescue.cli;

import io.migrescue.app.CountMode;
import io.migrescue.app.DiffReport;
import io.migrescue.app.DiffRequest;
import io.migrescue.app.DiffUseCase;
import io.migrescue.app.prove.ProofReport;
import io.migrescue.cli.Exits.Exit;
import io.migrescue.diff.DiffOptions;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.report.DiffRenderer;
import io.migrescue.report.OutputFormat;
import io.migrescue.report.ProofRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Drift between two live databases: schemas, tables, columns, indexes, constraints, sequences, enum "
                    + "types and migration histories; with --format sql, the script that makes the target like the source. "
                    + "Read-only on both databases.",
            ""
        },
        footer = {
            "",
            "Example:",
            "  migrescue diff --source postgresql://app@dev-db/app --target postgresql://app@prod-db/app",
            "    --target-password-env PROD_PASSWORD --format sql --rollback undo.sql > fix.sql"
        })
@Exits({
    @Exit(value = ExitCode.OK, means = "same"),
    @Exit(value = ExitCode.ATTENTION, means = "different"),
    @Exit(ExitCode.USAGE),
    @Exit(ExitCode.CONNECTION)
})
final class DiffCommand implements Callable<Integer> {
    /** {@code --format}: the formats of every command, and the fix script. */
    enum Format {
        text,
        json,
        markdown,
        sql
    }

    /** {@code --counts [estimate|exact]}. */
    enum Counts {
        estimate,
        exact
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DiffConnections connections;

    @Option(
            names = "--source-schema",
            paramLabel = "NAME",
            description = "Source schema (MySQL/MariaDB: database) to "
                    + "compare; repeatable (default: the connection's current one).")
    List<String> sourceSchemas = new ArrayList<>();

    @Option(
            names = "--target-schema",
            paramLabel = "NAME",
            description = "Target schema to compare; repeatable. Tables are "
                    + "matched by name across the schemas given, so a table that moved (prod's myschema.users, dev's public.users) is "
                    + "the same table, not two missing ones.")
    List<String> targetSchemas = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description =
                    "text, json, markdown, or sql: the script that makes the target like the source (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(
            names = "--column-order",
            description = "Also report columns in another order (cosmetic; ignored by default).")
    boolean columnOrder;

    @Option(names = "--no-history", description = "Do not compare migration histories.")
    boolean noHistory;

    @Option(
            names = "--privileges",
            description = "Also compare privileges granted on tables, views, sequences and "
                    + "columns (PostgreSQL; owners are not compared).")
    boolean privileges;

    @Option(
            names = "--counts",
            arity = "0..1",
            paramLabel = "exact",
            fallbackValue = "estimate",
            description =
                    "Show rows "
                            + "per table on each side: the engines' estimates (no table read), or with 'exact', count(*) of each.")
    Counts counts;

    @Option(
            names = "--allow-destructive",
            description = "Run data-losing statements in the script (dropped tables, "
                    + "columns, sequences, types, narrowing type changes) instead of writing them commented out.")
    boolean allowDestructive;

    @Option(
            names = "--rollback",
            paramLabel = "FILE",
            description = "Write the script that undoes the fix script to FILE.")
    Path rollback;

    @Mixin
    DiffProve prove;

    @Override
    public Integer call() {
        Stopwatch watch = new Stopwatch(spec.commandLine().getErr());
        DiffRequest request = new DiffRequest(
                sourceSchemas,
                targetSchemas,
                new DiffOptions(columnOrder, !noHistory, privileges),
                counts == null ? CountMode.NONE : counts == Counts.exact ? CountMode.EXACT : CountMode.ESTIMATE,
                allowDestructive);
        DiffReport report;
        ProofReport proof = null;
        String fix;
        try (DiffConnections.Sessions sessions = connections.open()) {
            watch.lap("connected to both databases");
            report = DiffUseCase.run(sessions.source(), sessions.target(), request);
            watch.lap("compared: " + report.result().differences().size() + " difference(s)");
            fix = report.script().forward(report.about());
            if (prove.requested()) {
                proof = prove.run(
                        connections,
                        sessions.source(),
                        sessions.target(),
                        report,
                        prove.fixScript(fix),
                        report.script().rollback(report.about()));
                watch.lap("proved: " + (proof.passed() ? "passed" : "FAILED"));
            }
        }
        if (rollback != null) {
            write(rollback, report.script().rollback(report.about()));
            Verbosity.note(spec.commandLine().getErr(), "migrescue: rollback script written to " + rollback);
        }
        String out = format == Format.sql
                ? fix + (proof == null ? "" : ProofRenderer.sqlComments(proof))
                : proof == null
                        ? DiffRenderer.render(report, OutputFormat.valueOf(format.name()))
                        : ProofRenderer.render(report, proof, OutputFormat.valueOf(format.name()));
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        if (proof != null && !proof.passed()) {
            spec.commandLine().getErr().println(ProofRenderer.failure(proof));
            spec.commandLine().getErr().flush();
            return ExitCode.ATTENTION.code();
        }
        return report.same() ? ExitCode.OK.code() : ExitCode.ATTENTION.code();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MigrescueException.usage(
                    "--rollback " + file + ": cannot write it (" + e.getClass().getSimpleName() + ")");
        }
    }
}
