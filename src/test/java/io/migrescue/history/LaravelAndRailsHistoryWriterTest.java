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

class LaravelAndRailsHistoryWriterTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private static final String ORDERS = "2024_03_01_000000_create_orders_table";

    @TempDir
    Path dir;

    @Test
    void laravelInsertsTheMigrationInABatchOfItsOwn() {
        MigrationFile file = Histories.file(dir, "database/migrations/" + ORDERS + ".php", "<?php", ORDERS, "laravel");
        MigrationHistory h = Histories.of(
                "laravel", "app", "migrations", entry("2024_01_01_000000_create_users_table", EntryState.APPLIED));
        assertThat(new LaravelTool().recordApplied(MARIADB, h, file, NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "INSERT INTO `app`.`migrations` (`migration`, `batch`) SELECT ?, COALESCE(MAX(`batch`), 0) + 1"
                                            + " FROM `app`.`migrations`");
                    assertThat(s.params()).containsExactly(ORDERS);
                });
        MigrationHistory recorded = Histories.of("laravel", "app", "migrations", entry(ORDERS, EntryState.APPLIED));
        assertThat(new LaravelTool().recordApplied(MARIADB, recorded, file, NOW, null))
                .isEmpty();
    }

    @Test
    void laravelRolledBackDeletesTheRowIfThereIsOne() {
        LaravelTool writer = new LaravelTool();
        MigrationHistory h = Histories.of("laravel", "public", "migrations", entry(ORDERS, EntryState.APPLIED));
        assertThat(writer.recordRolledBack(PG, h, ORDERS, List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql()).isEqualTo("DELETE FROM \"public\".\"migrations\" WHERE \"migration\" = ?");
                    assertThat(s.params()).containsExactly(ORDERS);
                });
        assertThat(writer.recordRolledBack(PG, Histories.of("laravel", "public", "migrations"), ORDERS, List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.releaseLock(PG, h)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> writer.clearDirty(PG, h, ORDERS)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void railsInsertsTheVersionOfTheFile() {
        MigrationFile file =
                Histories.file(dir, "db/migrate/20240202000000_add_orders.rb", "class AddOrders", "x", "rails");
        MigrationHistory h =
                Histories.of("rails", "public", "schema_migrations", entry("20240101000000", EntryState.APPLIED));
        RailsTool writer = new RailsTool();
        assertThat(writer.recordApplied(PG, h, file, NOW, null)).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("INSERT INTO \"public\".\"schema_migrations\" (\"version\") VALUES (?)");
            assertThat(s.params()).containsExactly("20240202000000");
        });
        MigrationHistory recorded =
                Histories.of("rails", "public", "schema_migrations", entry("20240202000000", EntryState.APPLIED));
        assertThat(writer.recordApplied(PG, recorded, file, NOW, null)).isEmpty();
        assertThat(writer.recordRolledBack(
                        MARIADB,
                        Histories.of("rails", "app", "schema_migrations", entry("20240202000000", EntryState.APPLIED)),
                        "20240202000000",
                        List.of(),
                        NOW))
                .singleElement()
                .satisfies(s ->
                        assertThat(s.sql()).isEqualTo("DELETE FROM `app`.`schema_migrations` WHERE `version` = ?"));
        assertThat(writer.recordRolledBack(PG, h, "20240202000000", List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.releaseLock(PG, h)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> writer.clearDirty(PG, h, "1")).isInstanceOf(UnsupportedOperationException.class);
    }
}
