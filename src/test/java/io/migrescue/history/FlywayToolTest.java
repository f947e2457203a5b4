package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private static final String V2_SQL =
            "CREATE TABLE orders (id BIGINT PRIMARY KEY);\r\nCREATE UNIQUE INDEX users_email_uq ON users (email);\n";
    private final FlywayTool writer = new FlywayTool();

    @TempDir
    Path dir;

    private MigrationFile v2() {
        return Histories.file(dir, "V2__add_orders_and_unique_email.sql", V2_SQL, "2", "flyway");
    }

    private static MigrationHistory history(String schema, io.migrescue.model.HistoryEntry... entries) {
        return Histories.of("flyway", schema, "flyway_schema_history", entries);
    }

    /** Flyway's documented checksum: CRC32 over the UTF-8 bytes of each line, line endings left out. */
    private static int crc32OfLines(String text) {
        CRC32 crc = new CRC32();
        text.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    @Test
    void theFailedRowOnMariaDbBecomesTheRowOfASuccessfulRun() {
        MigrationHistory h = history("app", entry("1", EntryState.APPLIED), entry("2", EntryState.FAILED));
        List<BoundStatement> plan = writer.recordApplied(MARIADB, h, v2(), NOW, "deploy");
        assertThat(plan).singleElement().satisfies(s -> {
            assertThat(s.sql())
                    .isEqualTo("UPDATE `app`.`flyway_schema_history` SET `description` = ?, `type` = ?, `checksum` = ?,"
                            + " `installed_by` = ?, `installed_on` = FROM_UNIXTIME(? / 1000), `execution_time` = ?, `success` = ?"
                            + " WHERE `version` = ? AND `success` = ?");
            assertThat(s.params())
                    .containsExactly(
                            "add orders and unique email",
                            "SQL",
                            crc32OfLines(V2_SQL),
                            "deploy",
                            NOW.toEpochMilli(),
                            0,
                            true,
                            "2",
                            false);
        });
    }

    @Test
    void withNoRowOnPostgresOneIsInsertedWithTheNextRank() {
        MigrationHistory h = history("public", entry("1", EntryState.APPLIED));
        List<BoundStatement> plan = writer.recordApplied(PG, h, v2(), NOW, "deploy");
        assertThat(plan).singleElement().satisfies(s -> {
            assertThat(s.sql())
                    .isEqualTo("INSERT INTO \"public\".\"flyway_schema_history\" (\"installed_rank\", \"version\","
                            + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\","
                            + " \"success\") SELECT COALESCE(MAX(\"installed_rank\"), 0) + 1, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), ?, ?"
                            + " FROM \"public\".\"flyway_schema_history\"");
            assertThat(s.params())
                    .containsExactly(
                            "2",
                            "add orders and unique email",
                            "SQL",
                            "V2__add_orders_and_unique_email.sql",
                            crc32OfLines(V2_SQL),
                            "deploy",
                            "2026-03-01T10:15:30.123Z",
                            0,
                            true);
        });
    }

    @Test
    void withoutAUserFlywaysOwnDefaultIsWritten() {
        MigrationHistory h = history("public");
        assertThat(writer.recordApplied(PG, h, v2(), NOW, null).get(0).sql()).contains(", CURRENT_USER, CAST(");
        assertThat(writer.recordApplied(MARIADB, history("app", entry("2", EntryState.FAILED)), v2(), NOW, null)
                        .get(0)
                        .sql())
                .contains("`installed_by` = SUBSTRING_INDEX(USER(), '@', 1)");
    }

    @Test
    void versionsAreComparedAsFlywayComparesThem(@TempDir Path other) {
        MigrationFile v11 = Histories.file(other, "V1_1__fix.sql", "SELECT 1;\n", "1.1", "flyway");
        MigrationHistory h = history("app", entry("1.1", EntryState.FAILED));
        assertThat(writer.recordApplied(MARIADB, h, v11, NOW, "x").get(0).params())
                .endsWith("1.1", false);
        assertThat(writer.recordApplied(MARIADB, history("app", entry("1.1", EntryState.APPLIED)), v11, NOW, "x"))
                .isEmpty();
        MigrationFile v20 = Histories.file(other, "V2.0__x.sql", "SELECT 1;\n", "2.0", "flyway");
        assertThat(writer.recordApplied(MARIADB, history("app", entry("2", EntryState.FAILED)), v20, NOW, "x")
                        .get(0)
                        .sql())
                .startsWith("UPDATE");
    }

    @Test
    void alreadyASuccessRowMeansNothingToWrite() {
        assertThat(writer.recordApplied(PG, history("public", entry("2", EntryState.APPLIED)), v2(), NOW, "x"))
                .isEmpty();
    }

    @Test
    void aRepeatableOrAFileThatIsNotFlywaysIsRefused(@TempDir Path other) {
        MigrationFile repeatable =
                Histories.file(other, "R__views.sql", "CREATE VIEW v AS SELECT 1;\n", "R__views.sql", "flyway");
        assertThatThrownBy(() -> writer.recordApplied(PG, history("public"), repeatable, NOW, "x"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("repeatable");
        MigrationFile plain = Histories.file(other, "add_users.sql", "SELECT 1;\n", "add_users", "plain");
        assertThatThrownBy(() -> writer.recordApplied(PG, history("public"), plain, NOW, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Flyway SQL migration");
    }

    @Test
    void rolledBackDeletesTheFailedRowLikeRepair() {
        MigrationHistory h = history("app", entry("1", EntryState.APPLIED), entry("2", EntryState.FAILED));
        assertThat(writer.recordRolledBack(MARIADB, h, "2", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "DELETE FROM `app`.`flyway_schema_history` WHERE `success` = ? AND `version` = ?");
                    assertThat(s.params()).containsExactly(false, "2");
                });
        MigrationHistory repeatable = history("app", entry("R__views.sql", "views", EntryState.FAILED));
        assertThat(writer.recordRolledBack(MARIADB, repeatable, "R__views.sql", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql()).endsWith("WHERE `success` = ? AND `version` IS NULL AND `description` = ?");
                    assertThat(s.params()).containsExactly(false, "views");
                });
    }

    @Test
    void rolledBackWithNoRowIsNothingAndOfASuccessIsRefused() {
        assertThat(writer.recordRolledBack(PG, history("public", entry("1", EntryState.APPLIED)), "2", List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.recordRolledBack(
                        PG, history("public", entry("2", EntryState.APPLIED)), "2", List.of(), NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("successful");
    }

    @Test
    void noLockAndNoDirtyFlagInFlywaysTables() {
        assertThatThrownBy(() -> writer.releaseLock(PG, history("public")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("advisory lock");
        assertThatThrownBy(() -> writer.clearDirty(PG, history("public"), "2"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no dirty flag");
    }

    @Test
    void anotherToolsHistoryIsRefused() {
        assertThatThrownBy(() -> writer.recordApplied(
                        PG, Histories.of("prisma", "public", "_prisma_migrations"), v2(), NOW, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
