package io.migrescue.backup;

import static io.migrescue.testing.Unmodifiable.assertUnmodifiable;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both restores gather tables and notes as they go; the result they hand over cannot be changed. */
class RestoreResultListsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void restoreResultIsUnmodifiable(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "restore result lists")) {
            db.execute("CREATE TABLE kept (id int PRIMARY KEY)", "INSERT INTO kept VALUES (1)");
            Path backup = dir.resolve("backup");
            try (DatabaseSession session = db.session()) {
                BackupWriter.write(
                        session,
                        new BackupRequest(List.of(TableSelection.whole(db.defaultSchema(), "kept")), true),
                        backup,
                        Progress.NONE);
                RestoreResult result = Restorer.restore(session, backup, RestoreOptions.defaults());

                assertThat(result.tables()).hasSize(1);
                assertUnmodifiable(result.tables(), result.violations(), result.notes());
            }
        }
    }
}
