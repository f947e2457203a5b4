package io.migrescue.backup;

import io.migrescue.backup.RestoreResult.Mode;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.testing.AwkwardTables;
import io.migrescue.testing.ScratchDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
                BackupManifest manifest = BackupWriter.write(session, new BackupRequest(List.of(
                        TableSelection.whole(db.defaultSchema(), "awkward"),
                        TableSelection.whole(db.defaultSchema(), "customers")), true), backup, Progress.NONE);
                assertThat(manifest.tables()).extracting(BackedUpTable::table).containsExactly("customers", "awkward");
                assertThat(manifest.tables()).extracting(BackedUpTable::rows).containsExactly(5L, 204L);
            }

            AwkwardTables.mutate(db);
            assertThat(AwkwardTables.checksum(db)).isNotEqualTo(before);
            assertThat(AwkwardTables.catalog(db)).isNotEqualTo(definitionBefore);

            try (DatabaseSession session = db.session()) {
                RestoreResult result = Restorer.restore(session, backup, RestoreOptions.defaults());
                assertThat(result.violations()).isEmpty();
                assertThat(result.tables()).extracting(RestoreResult.RestoredTable::mode)
                        .containsExactly(Mode.RELOADED, Mode.RECREATED);
                assertThat(result.totalRows()).isEqualTo(209);
            }
            assertThat(AwkwardTables.checksum(db)).isEqualTo(before);
            assertThat(AwkwardTables.catalog(db)).isEqualTo(definitionBefore);

            // the trigger is back, and did not fire on the restored rows (the checksum says so); keys go on past them
            long maxId = AwkwardTables.count(db, "SELECT max(id) FROM awkward");
            db.execute("INSERT INTO awkward (label) VALUES ('after')", "INSERT INTO customers (email) VALUES ('new@example.com')");
            assertThat(AwkwardTables.count(db, "SELECT count(*) FROM awkward WHERE label = 'after!' AND id > " + maxId)).isEqualTo(1);
            assertThat(AwkwardTables.count(db, "SELECT id FROM customers WHERE email = 'new@example.com'")).isGreaterThan(5);

            // a second restore finds the definitions unchanged and replaces the rows in place
            try (DatabaseSession session = db.session()) {
                RestoreResult again = Restorer.restore(session, backup, RestoreOptions.defaults());
                assertThat(again.tables()).extracting(RestoreResult.RestoredTable::mode).containsExactly(Mode.RELOADED, Mode.RELOADED);
            }
            assertThat(AwkwardTables.checksum(db)).isEqualTo(before);
            assertThat(AwkwardTables.catalog(db)).isEqualTo(definitionBefore);
        }
    }
}
