package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GooseToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private final GooseTool writer = new GooseTool();

    @TempDir
    Path dir;

    @Test
    void appliedIsAnAppliedRowForTheVersionNumber() {
        MigrationFile file =
                Histories.file(dir, "db/00042_add_orders.sql", "-- +goose Up\n", "00042_add_orders", "plain");
        MigrationHistory h = Histories.of("goose", "public", "goose_db_version", entry("41", EntryState.APPLIED));
        assertThat(writer.recordApplied(PG, h, file, NOW, null)).singleElement().satisfies(s -> {
            assertThat(s.sql())
                    .isEqualTo(
                            "INSERT INTO \"public\".\"goose_db_version\" (\"version_id\", \"is_applied\") VALUES (?, ?)");
            assertThat(s.params()).containsExactly(42L, true);
        });
        assertThat(writer.recordApplied(
                        MARIADB,
                        Histories.of("goose", "app", "goose_db_version", entry("42", EntryState.APPLIED)),
                        file,
                        NOW,
                        null))
                .isEmpty();
        // an old goose's down row (is_applied = false) is not applied: record it again
        assertThat(writer.recordApplied(
                        MARIADB,
                        Histories.of("goose", "app", "goose_db_version", entry("42", EntryState.ROLLED_BACK)),
                        file,
                        NOW,
                        null))
                .singleElement()
                .satisfies(s -> assertThat(s.sql())
                        .isEqualTo("INSERT INTO `app`.`goose_db_version` (`version_id`, `is_applied`) VALUES (?, ?)"));
    }

    @Test
    void rolledBackDeletesEveryRowOfTheVersion() {
        MigrationHistory h =
                Histories.of("goose", "app", "goose_db_version", entry("20240301000000", EntryState.APPLIED));
        assertThat(writer.recordRolledBack(MARIADB, h, "20240301000000_orders", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql()).isEqualTo("DELETE FROM `app`.`goose_db_version` WHERE `version_id` = ?");
                    assertThat(s.params()).containsExactly(20240301000000L);
                });
        assertThat(writer.recordRolledBack(
                        PG, Histories.of("goose", "public", "goose_db_version"), "7", List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.recordRolledBack(PG, h, "add_orders", List.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.releaseLock(PG, h))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("advisory lock");
        assertThatThrownBy(() -> writer.clearDirty(PG, h, "7")).isInstanceOf(UnsupportedOperationException.class);
    }
}
