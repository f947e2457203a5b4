package io.migrescue.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.db.ConnectionUrls;
import io.migrescue.db.Connector;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import io.migrescue.testing.AwkwardTables;
import io.migrescue.testing.ScratchDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a backup writes, on real servers: the files, their checksums and row counts, and what it refuses to do. */
class BackupIT {

    private static BackupManifest backup(ScratchDatabase db, Path dir, boolean data, String... tables) {
        try (DatabaseSession session = db.session()) {
            return BackupWriter.write(
                    session,
                    new BackupRequest(
                            Arrays.stream(tables)
                                    .map(t -> TableSelection.whole(db.defaultSchema(), t))
                                    .toList(),
                            data),
                    dir,
                    Progress.NONE);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void manifestRecordsEveryFileWithItsChecksumAndRowCount(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "backup manifest")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("b");
            BackupManifest manifest = backup(db, backup, true, "awkward", "customers");

            assertThat(manifest.engine()).isEqualTo(engine.id());
            assertThat(manifest.url()).startsWith("jdbc:").contains(db.name()).doesNotContain("password");
            assertThat(Instant.parse(manifest.createdAt()))
                    .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
            assertThat(manifest.tables()).extracting(BackedUpTable::table).containsExactly("customers", "awkward");
            assertThat(BackupManifest.read(backup)).isEqualTo(manifest);
            assertThat(manifest.verify(backup).intact()).isTrue();
            for (BackedUpTable t : manifest.tables()) {
                assertThat(t.rows()).isEqualTo(AwkwardTables.count(db, "SELECT count(*) FROM " + t.table()));
                for (BackupFile f : List.of(t.definition(), t.data())) {
                    Path file = backup.resolve(f.file());
                    assertThat(sha256(file)).as(f.file()).isEqualTo(f.sha256());
                    assertThat(Files.size(file)).isEqualTo(f.bytes());
                }
                assertThat(Files.readString(backup.resolve(t.definition().file())))
                        .contains("CREATE TABLE");
            }
            BackedUpTable awkward = manifest.tables().get(1);
            // the generated column is the server's to compute: it is not in the data
            assertThat(awkward.columns()).contains("id", "label").doesNotContain("doubled", "twice");
            assertThat(awkward.dataFormat())
                    .isEqualTo(engine == Engine.POSTGRESQL ? "postgresql-copy-text" : "migrescue-rows-1");
            assertThat(Files.readString(backup.resolve(awkward.definition().file())))
                    .contains("awkward_mark");
            if (engine == Engine.POSTGRESQL) {
                assertThat(awkward.sequences()).singleElement().satisfies(s -> {
                    assertThat(s.column()).isEqualTo("id");
                    assertThat(s.lastValue()).isEqualTo(204L);
                });
            }
            // one row per line, so a data file can be counted, split or read by hand
            assertThat(Files.readAllLines(backup.resolve(awkward.data().file()), StandardCharsets.UTF_8))
                    .hasSize(204);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aModifiedFileIsFoundAndTheRestoreRefusesIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "backup tampered")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("b");
            BackupManifest manifest = backup(db, backup, true, "customers", "awkward");
            AwkwardTables.mutate(db);
            String mutated = AwkwardTables.checksum(db);

            Path data = backup.resolve(manifest.tables().get(0).data().file());
            byte[] bytes = Files.readAllBytes(data);
            bytes[bytes.length / 2] ^= 1; // one bit, same size
            Files.write(data, bytes);
            assertThat(manifest.verify(backup).problems())
                    .singleElement()
                    .asString()
                    .contains(data.getFileName().toString())
                    .contains("SHA-256 differs");

            try (DatabaseSession session = db.session()) {
                assertThatThrownBy(() -> Restorer.restore(session, backup, RestoreOptions.defaults()))
                        .isInstanceOfSatisfying(
                                MigrescueException.class,
                                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                        .hasMessageContaining("is damaged, refusing to restore it");
            }
            assertThat(AwkwardTables.checksum(db)).isEqualTo(mutated);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void definitionsOnlyHaveNoDataAndCannotBeRestored(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "backup no data")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("b");
            BackupManifest manifest = backup(db, backup, false, "customers");
            assertThat(manifest.data()).isFalse();
            assertThat(manifest.tables()).singleElement().satisfies(t -> {
                assertThat(t.data()).isNull();
                assertThat(t.rows()).isNull();
            });
            try (var files = Files.list(backup)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("manifest.json", "001-" + db.defaultSchema() + ".customers.sql");
            }
            try (DatabaseSession session = db.session()) {
                assertThatThrownBy(() -> Restorer.restore(session, backup, RestoreOptions.defaults()))
                        .hasMessageContaining("definitions only");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void unknownTablesAndUsedDirectoriesAreRefusedLeavingNothingBehind(Engine engine, @TempDir Path dir)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "backup refusals")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("b");
            assertThatThrownBy(() -> backup(db, backup, true, "customers", "no_such_table"))
                    .isInstanceOfSatisfying(
                            MigrescueException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                    .hasMessage("no table named " + db.defaultSchema() + ".no_such_table");
            assertThat(backup).doesNotExist();

            Files.createDirectories(backup);
            Files.writeString(backup.resolve("notes.txt"), "someone else's");
            assertThatThrownBy(() -> backup(db, backup, true, "customers")).hasMessageContaining("is not empty");
            assertThat(backup.resolve("notes.txt")).hasContent("someone else's");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void extraFilesJoinTheManifest(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "backup extra")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("b");
            backup(db, backup, true, "customers");
            BackupManifest manifest =
                    BackupWriter.writeExtra(backup, "history.json", "[{\"version\": \"2\", \"success\": false}]\n");
            assertThat(manifest.extras())
                    .singleElement()
                    .satisfies(f -> assertThat(f.file()).isEqualTo("history.json"));
            assertThat(BackupManifest.read(backup).verify(backup).intact()).isTrue();
            assertThat(sha256(backup.resolve("history.json")))
                    .isEqualTo(manifest.extras().get(0).sha256());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void someRowsChosenByAPredicateGoBackByKeyLeavingTheRestAlone(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "backup partial")) {
            AwkwardTables.create(db);
            String before = AwkwardTables.checksum(db);
            Path backup = dir.resolve("b");
            try (DatabaseSession session = db.session()) {
                BackupManifest manifest = BackupWriter.write(
                        session,
                        new BackupRequest(
                                List.of(new TableSelection(db.defaultSchema(), "awkward", "customer_id = 3")), true),
                        backup,
                        Progress.NONE);
                assertThat(manifest.tables().get(0).where()).isEqualTo("customer_id = 3");
                assertThat(manifest.tables().get(0).rows())
                        .isEqualTo(AwkwardTables.count(db, "SELECT count(*) FROM awkward WHERE customer_id = 3"));
            }
            // a repair deletes some of those rows and changes the others; meanwhile the application adds a row
            db.execute(
                    "DELETE FROM awkward WHERE customer_id = 3 AND amount > 100",
                    "UPDATE awkward SET label = 'repaired' WHERE customer_id = 3",
                    "INSERT INTO awkward (customer_id, label) VALUES (5, 'kept')");

            try (DatabaseSession session = db.session()) {
                RestoreResult result = Restorer.restore(session, backup, RestoreOptions.defaults());
                assertThat(result.tables())
                        .singleElement()
                        .satisfies(t -> assertThat(t.mode()).isEqualTo(RestoreResult.Mode.MERGED));
            }
            // the application's row is still there; without it the table is exactly as backed up (no trigger fired)
            assertThat(AwkwardTables.count(db, "SELECT count(*) FROM awkward WHERE label = 'kept!'"))
                    .isEqualTo(1);
            db.execute("DELETE FROM awkward WHERE label = 'kept!'");
            assertThat(AwkwardTables.checksum(db)).isEqualTo(before);
        }
    }

    /** A row-level security policy that hides rows from the backup's user makes the backup fail: never a short backup. */
    @Test
    void rowsHiddenByRowLevelSecurityFailTheBackupInsteadOfGoingMissing(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "backup rls")) {
            String role = "mrrls_" + db.name().substring(db.name().length() - 8);
            db.execute(
                    "CREATE TABLE notes (id int PRIMARY KEY, owner text)",
                    "INSERT INTO notes VALUES (1, 'a'), (2, 'b')",
                    "ALTER TABLE notes ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY only_a ON notes USING (owner = 'a')",
                    "CREATE ROLE " + role + " LOGIN",
                    "GRANT SELECT ON notes TO " + role);
            try (DatabaseSession session = Connector.open(ConnectionUrls.parse(db.jdbcUrl()), role, null)) {
                assertThatThrownBy(() -> BackupWriter.write(
                                session,
                                new BackupRequest(List.of(TableSelection.whole("public", "notes")), true),
                                dir.resolve("b"),
                                Progress.NONE))
                        .hasMessageContaining("row-level security");
            } finally {
                db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
            }
            assertThat(dir.resolve("b")).doesNotExist();
        }
    }
}
