package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnexToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private final KnexTool writer = new KnexTool();

    @TempDir
    Path dir;

    private static MigrationHistory knex(String schema, HistoryLock lock, String... applied) {
        MigrationHistory h = Histories.of(
                "knex",
                schema,
                "knex_migrations",
                java.util.Arrays.stream(applied)
                        .map(n -> entry(n, EntryState.APPLIED))
                        .toArray(io.migrescue.model.HistoryEntry[]::new));
        return Histories.withLock(h, lock);
    }

    @Test
    void appliedIsTheFileNameWithItsExtensionInABatchOfItsOwn() {
        MigrationFile file =
                Histories.file(dir, "migrations/20240301000000_orders.js", "exports.up = () => {}", "x", "knex");
        assertThat(writer.recordApplied(PG, knex("public", null, "20240101000000_users.js"), file, NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "INSERT INTO \"public\".\"knex_migrations\" (\"name\", \"batch\", \"migration_time\")"
                                            + " SELECT ?, COALESCE(MAX(\"batch\"), 0) + 1, CAST(? AS TIMESTAMPTZ) FROM \"public\".\"knex_migrations\"");
                    assertThat(s.params()).containsExactly("20240301000000_orders.js", "2026-03-01T10:15:30.123Z");
                });
        assertThat(writer.recordApplied(MARIADB, knex("app", null), file, NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "INSERT INTO `app`.`knex_migrations` (`name`, `batch`, `migration_time`)"
                                            + " SELECT ?, COALESCE(MAX(`batch`), 0) + 1, FROM_UNIXTIME(? / 1000) FROM `app`.`knex_migrations`");
                    assertThat(s.params()).containsExactly("20240301000000_orders.js", 1772360130123L);
                });
        assertThat(writer.recordApplied(PG, knex("public", null, "20240301000000_orders.js"), file, NOW, null))
                .isEmpty();
    }

    @Test
    void rolledBackDeletesTheRowByName() {
        assertThat(writer.recordRolledBack(
                        MARIADB, knex("app", null, "002_orders.js"), "002_orders.js", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql()).isEqualTo("DELETE FROM `app`.`knex_migrations` WHERE `name` = ?");
                    assertThat(s.params()).containsExactly("002_orders.js");
                });
        assertThat(writer.recordRolledBack(PG, knex("public", null), "002_orders.js", List.of(), NOW))
                .isEmpty();
    }

    @Test
    void releaseLockIsMigrateUnlockAndOnlyWhenHeld() {
        HistoryLock held = new HistoryLock("knex_migrations_lock", true, null, null);
        assertThat(writer.releaseLock(PG, knex("public", held)))
                .extracting(s -> s.sql())
                .containsExactly(
                        "DELETE FROM \"public\".\"knex_migrations_lock\"",
                        "INSERT INTO \"public\".\"knex_migrations_lock\" (\"is_locked\") VALUES (?)");
        assertThat(writer.releaseLock(MARIADB, knex("app", new HistoryLock("deploy_history_lock", true, null, null))))
                .extracting(s -> s.sql() + " " + s.params())
                .containsExactly(
                        "DELETE FROM `app`.`deploy_history_lock` []",
                        "INSERT INTO `app`.`deploy_history_lock` (`is_locked`) VALUES (?) [0]");
        assertThat(writer.releaseLock(PG, knex("public", new HistoryLock("knex_migrations_lock", false, null, null))))
                .isEmpty();
        assertThat(writer.releaseLock(PG, knex("public", null))).isEmpty();
        assertThatThrownBy(() -> writer.clearDirty(PG, knex("public", null), "1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
