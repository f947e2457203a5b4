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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A repair that deletes or rewrites rows says how many and which (the first ten by primary key): in the dry run as
 * text, JSON and Markdown, and after the real run in the step's result, report.md and the journal, where the count
 * the server gave equals the one shown before. States made by real Flyway, on every engine.
 */
class RepairRowsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void duplicatesSayWhichRowsAreDeletedAndWhichKept(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "rows duplicates")) {
            Scenarios.Broken broken = Scenarios.duplicateRows(db, dir.resolve("m"));
            Fingerprint before = Fingerprint.of(db);
            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    args(broken, dir.resolve("b0"), "fix-duplicate-rows", "--yes")
                            .toArray(String[]::new));
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err())
                    .as("the exit-6 message says what each choice does")
                    .contains("first = keep the row with the lowest primary key")
                    .contains("last = keep the row with the highest primary key")
                    .contains("--param keep=");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            // ana: 1, 2; budi: 3, 4, 5; citra: 6; NULL: 7, 8 (NULLs are not duplicates)
            String deleted = "deletes 3 rows of users, every duplicate but the lowest id of its key (id 2, 4, 5)";
            String kept = "keeps 2 rows of users, one per duplicate (email): the lowest id (id 1, 3)";
            JsonNode step = dryRuns(
                    db,
                    broken,
                    dir.resolve("b"),
                    "fix-duplicate-rows",
                    "remove-duplicates",
                    "keep=first",
                    deleted,
                    kept);
            assertThat(step.at("/rows/0/count").asLong()).isEqualTo(3);
            assertThat(texts(step.at("/rows/0/first"))).containsExactly("2", "4", "5");
            assertThat(step.at("/rows/0/key/0").asText()).isEqualTo("id");
            assertThat(step.at("/rows/0/action").asText()).isEqualTo("delete");
            assertThat(step.at("/rows/1/action").asText()).isEqualTo("keep");
            assertThat(texts(step.at("/rows/1/first"))).containsExactly("1", "3");

            JsonNode done = runs(
                    db, broken, dir.resolve("b"), "fix-duplicate-rows", "remove-duplicates", "keep=first", deleted);
            assertThat(done.at("/rowsChanged").asLong())
                    .as("the server's count equals the one shown before")
                    .isEqualTo(3);
            assertThat(db.scalar(
                            engine == Engine.POSTGRESQL
                                    ? "SELECT string_agg(id::text, ',' ORDER BY id) FROM users"
                                    : "SELECT GROUP_CONCAT(id ORDER BY id) FROM users"))
                    .isEqualTo("1,3,6,7,8");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void deletedOrphansAreCountedAndNamed(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "rows orphans delete")) {
            Scenarios.Broken broken = Scenarios.orphanRows(db, dir.resolve("m"));
            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    args(broken, dir.resolve("b0"), "fix-orphan-rows", "--yes").toArray(String[]::new));
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err())
                    .contains("delete = delete the orphan rows")
                    .contains("set-null = keep the orphan rows")
                    .contains("insert-parents = keep the orphan rows, and insert a placeholder parent");

            String deleted = "deletes 3 rows of orders, the orphan rows (id 12, 13, 15)";
            JsonNode step =
                    dryRuns(db, broken, dir.resolve("b"), "fix-orphan-rows", "fix-orphans", "policy=delete", deleted);
            assertThat(step.at("/rows/0/count").asLong()).isEqualTo(3);
            assertThat(texts(step.at("/rows/0/first"))).containsExactly("12", "13", "15");

            JsonNode done =
                    runs(db, broken, dir.resolve("b"), "fix-orphan-rows", "fix-orphans", "policy=delete", deleted);
            assertThat(done.at("/rowsChanged").asLong())
                    .isEqualTo(step.at("/rows/0/count").asLong())
                    .isEqualTo(3);
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("3");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void insertedParentsAreCountedWithTheOrphansTheyServe(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "rows orphans parents")) {
            Scenarios.Broken broken = Scenarios.orphanRows(db, dir.resolve("m"));
            String inserted = "inserts 2 rows into users, placeholders for the missing keys (id 98, 99)";
            String orphans =
                    "keeps 3 rows of orders, the orphan rows, which then point at the placeholders (id 12, 13, 15)";
            JsonNode step = dryRuns(
                    db,
                    broken,
                    dir.resolve("b"),
                    "fix-orphan-rows",
                    "fix-orphans",
                    "policy=insert-parents",
                    inserted,
                    orphans);
            assertThat(step.at("/rows/0/table").asText()).endsWith(".users");
            assertThat(step.at("/rows/1/table").asText()).endsWith(".orders");

            JsonNode done = runs(
                    db, broken, dir.resolve("b"), "fix-orphan-rows", "fix-orphans", "policy=insert-parents", inserted);
            assertThat(done.at("/rowsChanged").asLong()).isEqualTo(2);
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("4");
        }
    }

    /** More than ten rows: the first ten by primary key (numeric order, not text), then how many more. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void nullFillPastTenRowsSaysHowManyMore(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "rows nulls")) {
            Scenarios.Broken broken = Scenarios.nullValues(db, dir.resolve("m")); // ids 2 and 3 hold NULL
            StringBuilder more = new StringBuilder("INSERT INTO users (id, email) VALUES ");
            for (int id = 100; id < 130; id++) {
                more.append(id == 100 ? "" : ", ").append("(").append(id).append(", NULL)");
            }
            db.execute(more.toString());
            String updated =
                    "updates 32 rows of users, where email is NULL (id 2, 3, 100, 101, 102, 103, 104, 105, 106, 107 and 22 more)";
            JsonNode step = dryRuns(
                    db,
                    broken,
                    dir.resolve("b"),
                    "fill-null-values",
                    "fill-nulls",
                    "value=unknown@example.com",
                    updated);
            assertThat(step.at("/rows/0/more").asLong()).isEqualTo(22);
            JsonNode done = runs(
                    db,
                    broken,
                    dir.resolve("b"),
                    "fill-null-values",
                    "fill-nulls",
                    "value=unknown@example.com",
                    updated);
            assertThat(done.at("/rowsChanged").asLong()).isEqualTo(32);
        }
    }

    private static List<String> args(Scenarios.Broken broken, Path backup, String playbook, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                playbook,
                "--error-file",
                broken.errorFile().toString(),
                "--migrations",
                broken.migrations().toString(),
                "--backup-dir",
                backup.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    /** The dry run in text, Markdown and JSON each show {@code lines}; returns the data step of the JSON. */
    private static JsonNode dryRuns(
            ScratchDatabase db,
            Scenarios.Broken broken,
            Path backup,
            String playbook,
            String kind,
            String param,
            String... lines)
            throws Exception {
        Fingerprint before = Fingerprint.of(db);
        for (String format : List.of("text", "markdown")) {
            CliRun run = CliRun.on(
                    db,
                    "repair",
                    args(broken, backup, playbook, "--param", param, "--dry-run", "--format", format)
                            .toArray(String[]::new));
            assertThat(run.exitCode()).as(run.all()).isZero();
            for (String line : lines) {
                assertThat(run.out())
                        .as(format)
                        .contains((format.equals("text") ? "      rows: " : "   - rows: ") + line);
            }
        }
        CliRun json = CliRun.on(
                db,
                "repair",
                args(broken, backup, playbook, "--param", param, "--dry-run", "--format", "json")
                        .toArray(String[]::new));
        assertThat(json.exitCode()).as(json.all()).isZero();
        JsonNode step = step(JSON.readTree(json.out()), kind);
        assertThat(step.at("/status").asText()).isEqualTo("planned");
        assertThat(step.path("rows").findValuesAsText("text")).containsExactly(lines);
        assertThat(step.has("rowsChanged")).as("nothing ran").isFalse();
        assertThat(Fingerprint.of(db)).as("counting rows changes nothing").isEqualTo(before);
        return step;
    }

    /** The real run: its data step says the rows it changed, so do report.md and the journal's step-done line. */
    private static JsonNode runs(
            ScratchDatabase db,
            Scenarios.Broken broken,
            Path backup,
            String playbook,
            String kind,
            String param,
            String planned)
            throws Exception {
        CliRun run = CliRun.on(
                db,
                "repair",
                args(broken, backup, playbook, "--param", param, "--yes", "--format", "json")
                        .toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/status").asText()).isEqualTo("verified");
        JsonNode step = step(report, kind);
        assertThat(step.at("/status").asText()).isEqualTo("done");
        long changed = step.at("/rowsChanged").asLong();
        assertThat(step.at("/rows/0/text").asText()).isEqualTo(planned);

        String markdown = Files.readString(backup.resolve("report.md"));
        assertThat(markdown)
                .contains("   - rows: " + planned)
                .contains("   - rows changed: " + changed + " (as counted before)");

        JsonNode stepDone = Files.readAllLines(backup.resolve("journal.jsonl")).stream()
                .map(RepairRowsIT::tree)
                .filter(e -> e.at("/event").asText().equals("step-done")
                        && e.at("/n").asInt() == step.at("/n").asInt())
                .findFirst()
                .orElseThrow();
        assertThat(stepDone.at("/rows").asLong()).isEqualTo(changed);
        assertThat(stepDone.at("/counted").asLong()).isEqualTo(changed);
        JsonNode plan = tree(Files.readAllLines(backup.resolve("journal.jsonl")).get(0));
        assertThat(plan.at("/event").asText()).isEqualTo("plan");
        assertThat(plan.toString()).contains(planned);
        return step;
    }

    private static JsonNode step(JsonNode report, String kind) {
        return StreamSupport.stream(report.at("/steps").spliterator(), false)
                .filter(s -> s.at("/kind").asText().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " step in " + report));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
