package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.AwkwardTables;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator's view of backup and restore: what they type, what they see, which exit code a script gets. */
class BackupCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Bk9-never-print-me-Qz4";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void backupPrintsWhatItWroteInEveryFormat(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "cli backup")) {
            AwkwardTables.create(db);
            CliRun text = CliRun.on(
                    db,
                    "backup",
                    "--table",
                    "awkward",
                    "--table",
                    db.defaultSchema() + ".customers",
                    "--to",
                    dir.resolve("text").toString());
            assertThat(text.exitCode()).as(text.all()).isZero();
            assertThat(text.err()).isEmpty();
            assertThat(text.out())
                    .startsWith("Backup    " + dir.resolve("text") + "  (verified: 2 tables, 209 rows, ")
                    .contains("Database  " + engine.displayName())
                    .contains(db.defaultSchema() + ".customers  5 rows")
                    .contains(db.defaultSchema() + ".awkward    204 rows")
                    .contains("Restore   migrescue restore --from " + dir.resolve("text") + " --yes");
            assertThat(dir.resolve("text").resolve("manifest.json")).exists();

            CliRun json = CliRun.on(
                    db,
                    "backup",
                    "--table",
                    "customers",
                    "--to",
                    dir.resolve("json").toString(),
                    "--format",
                    "json");
            assertThat(json.exitCode()).as(json.all()).isZero();
            JsonNode doc = JSON.readTree(json.out());
            assertThat(doc.at("/backup").asText()).isEqualTo(dir.resolve("json").toString());
            assertThat(doc.at("/database/engine").asText()).isEqualTo(engine.id());
            assertThat(doc.at("/database/url").asText()).startsWith("jdbc:").contains(db.name());
            assertThat(doc.at("/verified").asBoolean()).isTrue();
            assertThat(doc.at("/tables/0/table").asText()).isEqualTo("customers");
            assertThat(doc.at("/tables/0/rows").asLong()).isEqualTo(5);
            assertThat(doc.at("/tables/0/data").asText()).startsWith("001-");
            assertThat(doc.at("/rows").asLong()).isEqualTo(5);

            CliRun markdown = CliRun.on(
                    db,
                    "backup",
                    "--table",
                    "customers",
                    "--no-data",
                    "--to",
                    dir.resolve("md").toString(),
                    "--format",
                    "markdown");
            assertThat(markdown.exitCode()).as(markdown.all()).isZero();
            assertThat(markdown.out())
                    .startsWith("## Backup")
                    .contains("| `" + db.defaultSchema() + ".customers` | definition only |");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void anUnknownTableIsOneLineAndExit2(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "cli backup unknown")) {
            AwkwardTables.create(db);
            CliRun run = CliRun.on(
                    db,
                    "backup",
                    "--table",
                    "customers",
                    "--table",
                    "custmers",
                    "--to",
                    dir.resolve("b").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).hasLineCount(1).contains("no table named custmers in " + db.defaultSchema());
            assertThat(dir.resolve("b")).doesNotExist();

            CliRun missingOption = CliRun.on(db, "backup", "--table", "customers");
            assertThat(missingOption.exitCode()).isEqualTo(2);
            assertThat(missingOption.err()).contains("--to");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void restoreChangesNothingWithoutYesAndRestoresWithIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "cli restore")) {
            AwkwardTables.create(db);
            String before = AwkwardTables.checksum(db);
            Path backup = dir.resolve("b");
            assertThat(CliRun.on(db, "backup", "--table", "customers", "--table", "awkward", "--to", backup.toString())
                            .exitCode())
                    .isZero();
            AwkwardTables.mutate(db);
            String mutated = AwkwardTables.checksum(db);

            CliRun refused = CliRun.on(db, "restore", "--from", backup.toString());
            assertThat(refused.exitCode()).isEqualTo(6);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err())
                    .hasLineCount(1)
                    .contains("nothing was changed")
                    .contains("--yes")
                    .contains(db.defaultSchema() + ".customers, " + db.defaultSchema() + ".awkward");
            assertThat(AwkwardTables.checksum(db)).isEqualTo(mutated);

            CliRun restored = CliRun.on(db, "restore", "--from", backup.toString(), "--yes");
            assertThat(restored.exitCode()).as(restored.all()).isZero();
            assertThat(restored.out())
                    .contains("Restored  ")
                    .contains(db.defaultSchema() + ".customers  reloaded")
                    .contains(db.defaultSchema() + ".awkward    recreated  204 rows")
                    .contains("every foreign key touching these tables holds");
            assertThat(AwkwardTables.checksum(db)).isEqualTo(before);

            CliRun json = CliRun.on(db, "restore", "--from", backup.toString(), "--yes", "--format", "json");
            assertThat(json.exitCode()).as(json.all()).isZero();
            JsonNode doc = JSON.readTree(json.out());
            assertThat(doc.at("/status").asText()).isEqualTo("restored");
            assertThat(doc.at("/tables/1/mode").asText()).isEqualTo("reloaded");
            assertThat(doc.at("/rows").asLong()).isEqualTo(209);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aMissingOrDamagedBackupIsOneLineAndExit2(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "cli restore damaged")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("b");
            assertThat(CliRun.on(db, "backup", "--table", "customers", "--to", backup.toString())
                            .exitCode())
                    .isZero();

            CliRun missing =
                    CliRun.on(db, "restore", "--from", dir.resolve("nowhere").toString(), "--yes");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).hasLineCount(1).contains("no backup at");

            try (var files = Files.list(backup)) {
                Path data = files.filter(p -> !p.getFileName().toString().endsWith(".json")
                                && !p.getFileName().toString().endsWith(".sql"))
                        .findFirst()
                        .orElseThrow();
                Files.writeString(data, "tampered\n", java.nio.file.StandardOpenOption.APPEND);
            }
            for (List<String> yes : List.of(List.of("--yes"), List.<String>of())) {
                List<String> args = new ArrayList<>(List.of("--from", backup.toString()));
                args.addAll(yes);
                CliRun damaged = CliRun.on(db, "restore", args.toArray(String[]::new));
                assertThat(damaged.exitCode()).isEqualTo(2);
                assertThat(damaged.err())
                        .hasLineCount(1)
                        .contains("is damaged, refusing to restore it")
                        .contains("SHA-256 differs");
            }
        }
    }

    /** A restore that would leave a foreign key broken: PostgreSQL rolls back (exit 4), MySQL/MariaDB says so (exit 5). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aBrokenForeignKeyIsALoudExit(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "cli restore orphans")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("b");
            assertThat(CliRun.on(db, "backup", "--table", "customers", "--to", backup.toString())
                            .exitCode())
                    .isZero();
            db.execute(
                    "INSERT INTO customers (email) VALUES ('late@example.com')",
                    "INSERT INTO awkward (customer_id) SELECT id FROM customers WHERE email = 'late@example.com'");
            CliRun run = CliRun.on(db, "restore", "--from", backup.toString(), "--yes");
            if (engine == Engine.POSTGRESQL) {
                assertThat(run.exitCode()).isEqualTo(4);
                assertThat(run.err()).hasLineCount(1).contains("restore rolled back, nothing changed");
            } else {
                assertThat(run.exitCode()).isEqualTo(5);
                assertThat(run.out()).contains("DO NOT HOLD").contains("awkward_customer_fk");
                assertThat(run.err())
                        .hasLineCount(1)
                        .contains("foreign key(s) do not hold")
                        .contains(backup.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void thePasswordNeverAppearsInTheBackupOrTheOutput(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "cli backup password")) {
            AwkwardTables.create(db);
            String user = engine == Engine.POSTGRESQL
                    ? db.server().user()
                    : "mrbk_" + db.name().substring(db.name().length() - 8);
            if (engine != Engine.POSTGRESQL) {
                for (String host : List.of("%", "localhost")) {
                    db.execute(
                            "CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + SECRET + "'",
                            "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'" + host + "'");
                }
            }
            try {
                // the password in the URL, as pasted from a platform (the local PostgreSQL trusts and ignores it)
                String url =
                        db.server().baseUrl().replace("jdbc:", "").replace("://", "://" + user + ":" + SECRET + "@")
                                + db.name();
                List<CliRun> runs = new ArrayList<>();
                for (String format : List.of("text", "json", "markdown")) {
                    Path backup = dir.resolve(format);
                    runs.add(CliRun.run(
                            Map.of(),
                            List.of(
                                    "backup",
                                    "--url",
                                    url,
                                    "--table",
                                    "customers",
                                    "--to",
                                    backup.toString(),
                                    "--format",
                                    format,
                                    "-v")));
                    runs.add(CliRun.run(
                            Map.of(),
                            List.of("restore", "--url", url, "--from", backup.toString(), "--format", format)));
                    runs.add(CliRun.run(
                            Map.of(),
                            List.of(
                                    "restore",
                                    "--url",
                                    url,
                                    "--from",
                                    backup.toString(),
                                    "--yes",
                                    "--format",
                                    format,
                                    "-v")));
                }
                assertThat(runs).extracting(CliRun::exitCode).containsExactly(0, 6, 0, 0, 6, 0, 0, 6, 0);
                runs.forEach(run -> assertThat(run.all()).doesNotContain(SECRET));
                try (var files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
                    }
                }
                assertThat(Files.readString(dir.resolve("json").resolve("manifest.json")))
                        .contains("\"url\" : \"jdbc:");
            } finally {
                if (engine != Engine.POSTGRESQL) {
                    db.execute("DROP USER '" + user + "'@'%'", "DROP USER '" + user + "'@'localhost'");
                }
            }
        }
    }
}
