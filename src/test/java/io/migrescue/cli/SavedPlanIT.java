package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** repair --dry-run --save-plan, then repair --plan --yes: the reviewed plan runs, and only while nothing it touches changed. */
class SavedPlanIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun repair(ScratchDatabase db, Path dir, String... extra) {
        List<String> args =
                new ArrayList<>(List.of("--backup-dir", dir.resolve("b").toString(), "--format", "json"));
        args.addAll(List.of(extra));
        return CliRun.on(db, "repair", args.toArray(String[]::new));
    }

    /** The duplicate rows of Scenarios.duplicateRows, reviewed (keep=first) and saved. */
    private static JsonNode saved(ScratchDatabase db, Path dir, Path plan) throws Exception {
        Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("m"));
        CliRun dry = repair(
                db,
                dir,
                "fix-duplicate-rows",
                "--param",
                "keep=first",
                "--error-file",
                broken.errorFile().toString(),
                "--migrations",
                broken.migrations().toString(),
                "--dry-run",
                "--save-plan",
                plan.toString());
        assertThat(dry.exitCode()).as(dry.all()).isZero();
        assertThat(dry.err()).contains("plan saved to " + plan);
        assertThat(plan).exists();
        return JSON.readTree(dry.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void theSavedPlanRunsAsReviewed(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "saved plan runs")) {
            Path plan = dir.resolve("plan.json");
            JsonNode reviewed = saved(db, dir, plan);
            CliRun check = CliRun.on(db, "repair", "--plan", plan.toString(), "--dry-run");
            assertThat(check.exitCode()).as(check.all()).isZero();
            assertThat(check.out()).contains("still fits");
            // no --error-file, no --migrations, no playbook: the file says it all
            CliRun run = repair(db, dir, "--plan", plan.toString(), "--yes");
            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/status").asText()).isEqualTo("verified");
            assertThat(report.at("/playbook").asText()).isEqualTo("fix-duplicate-rows");
            assertThat(report.at("/steps").findValues("sql"))
                    .isEqualTo(reviewed.at("/steps").findValues("sql"));
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("5");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aColumnAddedSinceRefusesWithExit7(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "saved plan column")) {
            Path plan = dir.resolve("plan.json");
            saved(db, dir, plan);
            db.execute("ALTER TABLE users ADD COLUMN status VARCHAR(20)");
            Fingerprint before = Fingerprint.of(db);
            CliRun run = repair(db, dir, "--plan", plan.toString(), "--yes");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(7);
            assertThat(run.err())
                    .contains("table users changed since the plan was saved: column status added")
                    .contains("nothing was changed")
                    .hasLineCount(1);
            assertThat(Fingerprint.of(db)).isEqualTo(before);
            assertThat(dir.resolve("b").resolve("journal.jsonl")).doesNotExist();
            CliRun dry = CliRun.on(db, "repair", "--plan", plan.toString(), "--dry-run");
            assertThat(dry.exitCode()).isEqualTo(7);
            assertThat(dry.out()).contains("no longer fits");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aNewDuplicateRowRefusesWithExit7(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "saved plan rows")) {
            Path plan = dir.resolve("plan.json");
            saved(db, dir, plan);
            db.execute("INSERT INTO users (id, email) VALUES (9, 'citra@example.com')");
            Fingerprint before = Fingerprint.of(db);
            CliRun run = repair(db, dir, "--plan", plan.toString(), "--yes");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(7);
            assertThat(run.err()).contains("the rows the repair changes in").contains("are 4 now, were 3");
            assertThat(Fingerprint.of(db)).isEqualTo(before);
        }
    }

    @Test
    void aPlanForAnotherDatabaseIsRefused(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "saved plan here");
                ScratchDatabase other = ScratchDatabase.create(Engine.POSTGRESQL, "saved plan there")) {
            Path plan = dir.resolve("plan.json");
            saved(db, dir, plan);
            Scenarios.duplicateRows(other, dir.resolve("m2"));
            Fingerprint before = Fingerprint.of(other);
            CliRun run = repair(other, dir, "--plan", plan.toString(), "--yes");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(7);
            assertThat(run.err()).contains("was saved for").contains(db.name()).contains("not for this database");
            assertThat(Fingerprint.of(other)).isEqualTo(before);
        }
    }

    @Test
    void savePlanWithoutDryRunIsAUsageError(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "saved plan usage")) {
            CliRun run = repair(db, dir, "--save-plan", dir.resolve("p.json").toString(), "--yes");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("add --dry-run");
            assertThat(dir.resolve("p.json")).doesNotExist();
            assertThat(Files.exists(dir.resolve("b"))).isFalse();
        }
    }
}
