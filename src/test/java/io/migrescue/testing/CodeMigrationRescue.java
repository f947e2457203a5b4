package io.migrescue.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's side of a rescue from a migration written as code, as the command line runs it: diagnose with the
 * tool's own output and the migrations folder, repair with {@code --yes}, then compare the repaired schema with a
 * database the tool migrated from scratch ({@code migrescue diff}: every table, column, index and foreign key).
 */
public final class CodeMigrationRescue {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CodeMigrationRescue() {}

    /** {@code migrescue diagnose --format json --error-file … --migrations …}. */
    public static JsonNode diagnose(ScratchDatabase db, Path errorFile, Path migrations) throws Exception {
        List<String> args = new ArrayList<>(List.of("--format", "json", "--migrations", migrations.toString()));
        if (errorFile != null) {
            args.addAll(List.of("--error-file", errorFile.toString()));
        }
        CliRun run = CliRun.on(db, "diagnose", args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isIn(0, 1);
        return JSON.readTree(run.out());
    }

    /** The failed migration as the first finding that maps one: {@code tool}, {@code id}, {@code statements}. */
    public static JsonNode failedMigration(JsonNode diagnosis) {
        for (JsonNode f : diagnosis.path("findings")) {
            if (f.path("migration").isObject()
                    && f.path("migration").path("statements").size() > 0) {
                return f.path("migration");
            }
        }
        throw new AssertionError("no finding maps the failed migration's statements:\n" + diagnosis.toPrettyString());
    }

    /** The statement states, in order: {@code applied}, {@code failed}, {@code not-applied}, {@code unknown}. */
    public static List<String> states(JsonNode migration) {
        List<String> states = new ArrayList<>();
        migration.path("statements").forEach(s -> states.add(s.path("state").asText()));
        return states;
    }

    public static List<String> kinds(JsonNode diagnosis) {
        List<String> kinds = new ArrayList<>();
        diagnosis.path("findings").forEach(f -> kinds.add(f.path("kind").asText()));
        return kinds;
    }

    /** {@code migrescue repair <playbook> --yes}: it must exit 0 with its verification holding. */
    public static JsonNode repair(
            ScratchDatabase db, Path backup, String playbook, Path errorFile, Path migrations, String... params)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(
                playbook,
                "--yes",
                "--format",
                "json",
                "--backup-dir",
                backup.toString(),
                "--migrations",
                migrations.toString()));
        if (errorFile != null) {
            args.addAll(List.of("--error-file", errorFile.toString()));
        }
        for (String p : params) {
            args.addAll(List.of("--param", p));
        }
        CliRun run = CliRun.on(db, "repair", args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/status").asText()).as(run.out()).isEqualTo("verified");
        assertThat(report.at("/verification").findValuesAsText("holds"))
                .as(run.out())
                .isNotEmpty()
                .containsOnly("true");
        return report;
    }

    /** The repaired schema is the one the tool makes from scratch: {@code migrescue diff} finds nothing. */
    public static void assertSameSchema(ScratchDatabase fromScratch, ScratchDatabase repaired) {
        CliRun diff = DiffPairs.diff(fromScratch, repaired, "--no-history");
        assertThat(diff.exitCode()).as(diff.all()).isZero();
        assertThat(diff.out()).contains("Result    same");
    }
}
