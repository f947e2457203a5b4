package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record: repoint} and {@code record: deleted}, as each tool would write them; idempotent when run again. */
class RepointAndDeletedWritesTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);

    @TempDir
    Path dir;

    @Test
    void knexRenamesItsRowToTheRenamedFileOnceAndRefusesADuplicate() {
        HistoryWriter knex = HistoryWriters.forTool("knex");
        MigrationFile renamed =
                Histories.file(dir, "migrations/002_orders.js", "exports.up = () => " + "{}", "002_orders.js", "knex");
        MigrationHistory h = Histories.of(
                "knex",
                "app",
                "knex_migrations",
                entry("001_users.js", EntryState.APPLIED),
                entry("002_create_orders.js", EntryState.APPLIED));
        assertThat(knex.repoint(MARIADB, h, "002_create_orders.js", renamed))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql()).isEqualTo("UPDATE `app`.`knex_migrations` SET `name` = ? WHERE `name` = ?");
                    assertThat(s.params()).containsExactly("002_orders.js", "002_create_orders.js");
                });
        MigrationHistory done =
                Histories.of("knex", "app", "knex_migrations", entry("002_orders.js", EntryState.APPLIED));
        assertThat(knex.repoint(MARIADB, done, "002_create_orders.js", renamed)).isEmpty();
        MigrationHistory both = Histories.of(
                "knex",
                "app",
                "knex_migrations",
                entry("002_create_orders.js", EntryState.APPLIED),
                entry("002_orders.js", EntryState.APPLIED));
        assertThatThrownBy(() -> knex.repoint(MARIADB, both, "002_create_orders.js", renamed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already");
        assertThat(knex.recordDeleted(PG, h, "001_users.js", NOW))
                .singleElement()
                .satisfies(s -> assertThat(s.sql())
                        .isEqualTo("DELETE FROM \"app\".\"knex_migrations\" WHERE \"name\" " + "= ?"));
    }

    @Test
    void flywayRepointsVersionDescriptionScriptAndChecksumOfTheSuccessRow() {
        HistoryWriter flyway = HistoryWriters.forTool("flyway");
        MigrationFile renamed =
                Histories.file(dir, "V2_1__create_orders.sql", "CREATE TABLE orders (id " + "INT);\n", "2.1", "flyway");
        MigrationHistory h = Histories.of(
                "flyway",
                "public",
                "flyway_schema_history",
                new HistoryEntry("2", "create orders", EntryState.APPLIED, NOW, "123", "SQL V2__create_orders.sql"));
        assertThat(flyway.repoint(PG, h, "2", renamed)).singleElement().satisfies(s -> {
            assertThat(s.sql())
                    .isEqualTo("UPDATE \"public\".\"flyway_schema_history\" SET \"version\" = ?, "
                            + "\"description\" = ?,"
                            + " \"script\" = ?, \"checksum\" = ? WHERE \"version\" = ? AND \"success\" = ?");
            assertThat(s.params())
                    .startsWith("2.1", "create orders", "V2_1__create_orders.sql")
                    .endsWith("2", true);
            assertThat(s.params().get(3)).isEqualTo(FlywayChecksums.checksum(renamed));
        });
    }

    @Test
    void flywayMarksAMissingMigrationDeletedWithItsOwnDeleteRowOnce() {
        HistoryWriter flyway = HistoryWriters.forTool("flyway");
        MigrationHistory h = Histories.of(
                "flyway",
                "app",
                "flyway_schema_history",
                new HistoryEntry("2", "create orders", EntryState.APPLIED, NOW, "-123", "SQL V2__create_orders.sql"));
        assertThat(flyway.recordDeleted(MARIADB, h, "2", NOW)).singleElement().satisfies(s -> {
            assertThat(s.sql())
                    .startsWith("INSERT INTO `app`.`flyway_schema_history` (`installed_rank`, `version`, "
                            + "`description`,"
                            + " `type`, `script`, `checksum`, `installed_by`, `installed_on`, `execution_time`, `success`) "
                            + "SELECT"
                            + " COALESCE(MAX(`installed_rank`), 0) + 1, ?, ?, ?, ?, ?, ");
            assertThat(s.params())
                    .startsWith("2", "create " + "orders", "DELETE", "V2__create_orders.sql", -123)
                    .endsWith(0, true);
        });
        MigrationHistory marked = Histories.of(
                "flyway",
                "app",
                "flyway_schema_history",
                new HistoryEntry("2", "create orders", EntryState.APPLIED, NOW, "-123", "SQL V2__create_orders.sql"),
                new HistoryEntry(
                        "2", "create orders", EntryState.APPLIED, NOW, "-123", "DELETE " + "V2__create_orders.sql"));
        assertThat(flyway.recordDeleted(MARIADB, marked, "2", NOW)).isEmpty();
    }

    @Test
    void railsLaravelSequelizeAndGooseRenameTheirKey() {
        MigrationFile rails = Histories.file(
                dir, "db/migrate/20240301000000_create_orders.rb", "class X; " + "end", "20240301000000", "rails");
        MigrationHistory railsH =
                Histories.of("rails", "public", "schema_migrations", entry("20240101000000", EntryState.APPLIED));
        assertThat(HistoryWriters.forTool("rails").repoint(PG, railsH, "20240101000000", rails))
                .singleElement()
                .satisfies(s -> assertThat(s.params()).containsExactly("20240301000000", "20240101000000"));
        MigrationFile seq = Histories.file(
                dir, "migrations/20240301-orders.js", "module.exports = " + "{}", "20240301-orders.js", "sequelize");
        MigrationHistory seqH =
                Histories.of("sequelize", "public", "SequelizeMeta", entry("20240101-orders.js", EntryState.APPLIED));
        assertThat(HistoryWriters.forTool("sequelize").repoint(PG, seqH, "20240101-orders.js", seq))
                .singleElement()
                .satisfies(s -> assertThat(s.params()).containsExactly("20240301-orders.js", "20240101-orders.js"));
        MigrationFile goose =
                Histories.file(dir, "00007_orders.sql", "-- +goose Up\nSELECT " + "1;\n", "00007_orders", "plain");
        MigrationHistory gooseH = Histories.of("goose", "public", "goose_db_version", entry("5", EntryState.APPLIED));
        assertThat(HistoryWriters.forTool("goose").repoint(PG, gooseH, "5", goose))
                .singleElement()
                .satisfies(s -> assertThat(s.params()).containsExactly(7L, 5L));
    }
}
