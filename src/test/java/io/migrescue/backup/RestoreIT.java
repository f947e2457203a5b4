package io.migrescue.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.backup.RestoreResult.Mode;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.testing.AwkwardTables;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given tables holding every awkward value, when a repair changes and deletes rows and drops a constraint, then a
 * restore of the backup taken before puts back exactly what was there: the same bits, the same definition.
 */
class RestoreIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void restoreRoundTripsExactly(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "restore round trip")) {
            AwkwardTables.create(db);
            String before = AwkwardTables.checksum(db);
            List<Table> definitionBefore = AwkwardTables.catalog(db);
            Path backup = dir.resolve("backup");
            try (DatabaseSession session = db.session()) {
                BackupManifest manifest = BackupWriter.write(
                        session,
                        new BackupRequest(
                                List.of(
                                        TableSelection.whole(db.defaultSchema(), "awkward"),
                                        TableSelection.whole(db.defaultSchema(), "customers")),
                                true),
                        backup,
                        Progress.NONE);
                assertThat(manifest.tables()).extracting(BackedUpTable::table).containsExactly("customers", "awkward");
                assertThat(manifest.tables()).extracting(BackedUpTable::rows).containsExactly(5L, 204L);
            }

            AwkwardTables.mutate(db);
            assertThat(AwkwardTables.checksum(db)).isNotEqualTo(before);
            assertThat(AwkwardTables.catalog(db)).isNotEqualTo(definitionBefore);

            try (DatabaseSession session = db.session()) {
                RestoreResult result = Restorer.restore(session, backup, RestoreOptions.defaults());
                assertThat(result.violations()).isEmpty();
                assertThat(result.tables())
                        .extracting(RestoreResult.RestoredTable::mode)
                        .containsExactly(Mode.RELOADED, Mode.RECREATED);
                assertThat(result.totalRows()).isEqualTo(209);
            }
            assertThat(AwkwardTables.checksum(db)).isEqualTo(before);
            assertThat(AwkwardTables.catalog(db)).isEqualTo(definitionBefore);

            // the trigger is back, and did not fire on the restored rows (the checksum says so); keys go on past them
            long maxId = AwkwardTables.count(db, "SELECT max(id) FROM awkward");
            db.execute(
                    "INSERT INTO awkward (label) VALUES ('after')",
                    "INSERT INTO customers (email) VALUES ('new@example.com')");
            assertThat(AwkwardTables.count(db, "SELECT count(*) FROM awkward WHERE label = 'after!' AND id > " + maxId))
                    .isEqualTo(1);
            assertThat(AwkwardTables.count(db, "SELECT id FROM customers WHERE email = 'new@example.com'"))
                    .isGreaterThan(5);

            // a second restore finds the definitions unchanged and replaces the rows in place
            try (DatabaseSession session = db.session()) {
                RestoreResult again = Restorer.restore(session, backup, RestoreOptions.defaults());
                assertThat(again.tables())
                        .extracting(RestoreResult.RestoredTable::mode)
                        .containsExactly(Mode.RELOADED, Mode.RELOADED);
            }
            assertThat(AwkwardTables.checksum(db)).isEqualTo(before);
            assertThat(AwkwardTables.catalog(db)).isEqualTo(definitionBefore);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aDroppedTableComesBack(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "restore dropped")) {
            AwkwardTables.create(db);
            String before = AwkwardTables.checksum(db);
            List<Table> definitionBefore = AwkwardTables.catalog(db);
            Path backup = dir.resolve("backup");
            try (DatabaseSession session = db.session()) {
                BackupWriter.write(
                        session,
                        new BackupRequest(
                                List.of(
                                        TableSelection.whole(db.defaultSchema(), "awkward"),
                                        TableSelection.whole(db.defaultSchema(), "customers")),
                                true),
                        backup,
                        Progress.NONE);
            }
            db.execute("DROP TABLE awkward", "DROP TABLE customers");
            try (DatabaseSession session = db.session()) {
                RestoreResult result = Restorer.restore(session, backup, RestoreOptions.defaults());
                assertThat(result.tables())
                        .extracting(RestoreResult.RestoredTable::mode)
                        .containsOnly(Mode.RECREATED);
                assertThat(result.notes()).isEmpty(); // nothing was there to lose
            }
            // identity and serial / AUTO_INCREMENT keys go on after the restored ones
            db.execute("INSERT INTO customers (email) VALUES ('new@example.com')");
            assertThat(AwkwardTables.count(db, "SELECT id FROM customers WHERE email = 'new@example.com'"))
                    .isEqualTo(6);
            db.execute("DELETE FROM customers WHERE email = 'new@example.com'");
            assertThat(AwkwardTables.checksum(db)).isEqualTo(before);
            assertThat(AwkwardTables.catalog(db)).isEqualTo(definitionBefore);
        }
    }

    /**
     * Restoring a parent to an older state orphans child rows written since. PostgreSQL: the foreign key cannot come
     * back, so the whole restore rolls back and nothing changed. MySQL/MariaDB: the restore went through with checks
     * off (no cascade deleted the children) and says which foreign key does not hold.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aForeignKeyThatWouldNotHoldIsNeverSilent(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "restore orphans")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("backup");
            try (DatabaseSession session = db.session()) {
                BackupWriter.write(
                        session,
                        new BackupRequest(List.of(TableSelection.whole(db.defaultSchema(), "customers")), true),
                        backup,
                        Progress.NONE);
            }
            db.execute(
                    "INSERT INTO customers (email) VALUES ('late@example.com')",
                    "INSERT INTO awkward (customer_id, label) SELECT id, 'child of a late customer' FROM customers WHERE email = 'late@example.com'");
            String after = AwkwardTables.checksum(db);
            try (DatabaseSession session = db.session()) {
                if (engine == Engine.POSTGRESQL) {
                    assertThatThrownBy(() -> Restorer.restore(session, backup, RestoreOptions.defaults()))
                            .isInstanceOfSatisfying(
                                    MigrescueException.class,
                                    e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REPAIR_STOPPED))
                            .hasMessageContaining("restore rolled back, nothing changed")
                            .hasMessageContaining("awkward_customer_fk");
                    assertThat(AwkwardTables.checksum(db)).isEqualTo(after);
                } else {
                    RestoreResult result = Restorer.restore(session, backup, RestoreOptions.defaults());
                    assertThat(result.holds()).isFalse();
                    assertThat(result.violations())
                            .singleElement()
                            .asString()
                            .contains("awkward_customer_fk")
                            .contains("1 row(s) point to no row of " + db.defaultSchema() + ".customers");
                    assertThat(AwkwardTables.count(
                                    db, "SELECT count(*) FROM awkward WHERE label = 'child of a late customer!'"))
                            .isEqualTo(1);
                }
            }
        }
    }

    /** PostgreSQL never drops what depends on a table behind the operator's back: a view stops the restore, whole. */
    @Test
    void aViewOnARecreatedTableStopsThePostgresRestore(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "restore view")) {
            AwkwardTables.create(db);
            Path backup = dir.resolve("backup");
            try (DatabaseSession session = db.session()) {
                BackupWriter.write(
                        session,
                        new BackupRequest(List.of(TableSelection.whole("public", "awkward")), true),
                        backup,
                        Progress.NONE);
            }
            db.execute(
                    "CREATE VIEW labels AS SELECT id, label FROM awkward",
                    "ALTER TABLE awkward DROP CONSTRAINT awkward_label_len",
                    "DELETE FROM awkward WHERE id < 10");
            String after = AwkwardTables.checksum(db);
            try (DatabaseSession session = db.session()) {
                assertThatThrownBy(() -> Restorer.restore(session, backup, RestoreOptions.defaults()))
                        .hasMessageContaining("restore rolled back, nothing changed")
                        .hasMessageContaining("depend");
            }
            assertThat(AwkwardTables.checksum(db)).isEqualTo(after);
            assertThat(AwkwardTables.count(db, "SELECT count(*) FROM labels")).isEqualTo(195);
        }
    }
}
