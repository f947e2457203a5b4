package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrismaToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MYSQL = Dialect.of(Engine.MYSQL);
    private static final String NAME = "20240301000000_add_fk";
    private final PrismaTool writer = new PrismaTool();

    @TempDir
    Path dir;

    private MigrationFile migration(String sql) {
        return Histories.file(dir, NAME + "/migration.sql", sql, NAME, "prisma");
    }

    private static MigrationHistory history(String schema, HistoryEntry... entries) {
        return Histories.of("prisma", schema, "_prisma_migrations", entries);
    }

    @Test
    void checksumIsPrismasSha256Hex() {
        // the vector of prisma-engines' own test (checksum.rs: format_checksum_does_not_strip_zeros)
        assertThat(PrismaTool.checksum(migration("hello").path()))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void appliedMarksTheFailedRowRolledBackAndInsertsAFinishedRowOnPostgres() {
        MigrationHistory h =
                history("public", entry("20240101000000_init", EntryState.APPLIED), entry(NAME, EntryState.FAILED));
        List<BoundStatement> plan = writer.recordApplied(PG, h, migration("hello"), NOW, "ignored");
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).sql())
                .isEqualTo("UPDATE \"public\".\"_prisma_migrations\" SET \"rolled_back_at\" = CAST(? AS TIMESTAMPTZ)"
                        + " WHERE \"migration_name\" = ? AND \"finished_at\" IS NULL AND \"rolled_back_at\" IS NULL");
        assertThat(plan.get(0).params()).containsExactly("2026-03-01T10:15:30.123Z", NAME);
        assertThat(plan.get(1).sql())
                .isEqualTo(
                        "INSERT INTO \"public\".\"_prisma_migrations\" (\"id\", \"checksum\", \"logs\","
                                + " \"started_at\", \"finished_at\", \"migration_name\") VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?)");
        List<Object> params = plan.get(1).params();
        assertThat(UUID.fromString((String) params.get(0)).version()).isEqualTo(4);
        assertThat(params.subList(1, 6))
                .containsExactly(
                        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                        "",
                        "2026-03-01T10:15:30.123Z",
                        "2026-03-01T10:15:30.123Z",
                        NAME);
    }

    @Test
    void onMySqlTimesAreTheUtcWallClockToTheMillisecond() {
        List<BoundStatement> plan =
                writer.recordApplied(MYSQL, history("app", entry(NAME, EntryState.FAILED)), migration("x"), NOW, null);
        assertThat(plan.get(0).sql()).startsWith("UPDATE `app`.`_prisma_migrations` SET `rolled_back_at` = ? WHERE");
        assertThat(plan.get(0).params()).containsExactly("2026-03-01 10:15:30.123", NAME);
        assertThat(plan.get(1).params()).contains("2026-03-01 10:15:30.123");
    }

    @Test
    void appliedWithNoRowOnlyInsertsAndAlreadyFinishedIsNothing() {
        assertThat(writer.recordApplied(PG, history("public"), migration("x"), NOW, null))
                .singleElement()
                .satisfies(s -> assertThat(s.sql()).startsWith("INSERT"));
        MigrationHistory finished =
                history("public", entry(NAME, EntryState.ROLLED_BACK), entry(NAME, EntryState.APPLIED));
        assertThat(writer.recordApplied(PG, finished, migration("x"), NOW, null))
                .isEmpty();
    }

    @Test
    void theMigrationNameIsTheFolderName(@TempDir Path other) {
        MigrationFile file = Histories.file(other, "20240501000000_init/migration.sql", "x", "wrong-id", "plain");
        assertThat(PrismaTool.migrationName(file)).isEqualTo("20240501000000_init");
    }

    @Test
    void rolledBackSetsRolledBackAtOnTheUnfinishedRows() {
        MigrationHistory h = history("public", entry(NAME, EntryState.ROLLED_BACK), entry(NAME, EntryState.FAILED));
        assertThat(writer.recordRolledBack(PG, h, NAME, List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .startsWith(
                                    "UPDATE \"public\".\"_prisma_migrations\" SET \"rolled_back_at\" = CAST(? AS TIMESTAMPTZ)");
                    assertThat(s.params()).containsExactly("2026-03-01T10:15:30.123Z", NAME);
                });
    }

    @Test
    void rolledBackOfAFinishedMigrationIsRefusedAndOfNothingIsNothing() {
        assertThatThrownBy(() -> writer.recordRolledBack(
                        PG, history("public", entry(NAME, EntryState.APPLIED)), NAME, List.of(), NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P3012");
        assertThat(writer.recordRolledBack(PG, history("public"), NAME, List.of(), NOW))
                .isEmpty();
        assertThat(writer.recordRolledBack(
                        PG, history("public", entry(NAME, EntryState.ROLLED_BACK)), NAME, List.of(), NOW))
                .isEmpty();
    }

    @Test
    void noLockAndNoDirtyFlagInPrismasTables() {
        assertThatThrownBy(() -> writer.releaseLock(PG, history("public")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> writer.clearDirty(PG, history("public"), NAME))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
