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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GolangMigrateToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private final GolangMigrateTool writer = new GolangMigrateTool();

    @TempDir
    Path dir;

    private static MigrationHistory history(HistoryEntry... entries) {
        return Histories.of("golang-migrate", "public", "schema_migrations", entries);
    }

    private List<MigrationFile> files(String... versions) {
        return java.util.Arrays.stream(versions)
                .map(v -> Histories.file(
                        dir, v + "_step.up.sql", "SELECT 1;", Long.toString(Long.parseLong(v)), "golang-migrate"))
                .toList();
    }

    private static void assertForced(List<BoundStatement> plan, String table, long version) {
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).sql()).isEqualTo("DELETE FROM " + table);
        assertThat(plan.get(0).params()).isEmpty();
        assertThat(plan.get(1).params()).containsExactly(version, false);
    }

    @Test
    void clearDirtyIsForceN() {
        List<BoundStatement> plan =
                writer.clearDirty(PG, history(entry("20240115093000", EntryState.DIRTY)), "20240115093000");
        assertForced(plan, "\"public\".\"schema_migrations\"", 20240115093000L);
        assertThat(plan.get(1).sql())
                .isEqualTo("INSERT INTO \"public\".\"schema_migrations\" (\"version\", \"dirty\") VALUES (?, ?)");
        assertThat(writer.clearDirty(PG, history(entry("7", EntryState.APPLIED)), "7"))
                .isEmpty();
    }

    @Test
    void appliedIsWhatASuccessfulUpLeaves() {
        MigrationFile file = files("000003").get(0);
        MigrationHistory h = Histories.of("golang-migrate", "app", "schema_migrations", entry("3", EntryState.DIRTY));
        List<BoundStatement> plan = writer.recordApplied(MARIADB, h, file, NOW, null);
        assertForced(plan, "`app`.`schema_migrations`", 3L);
        assertThat(plan.get(1).sql())
                .isEqualTo("INSERT INTO `app`.`schema_migrations` (`version`, `dirty`) VALUES (?, ?)");
    }

    @Test
    void rolledBackForcesThePreviousFilesVersionNotNMinusOne() {
        List<MigrationFile> files = files("20240101000000", "20240115093000", "20240201000000");
        List<BoundStatement> plan = writer.recordRolledBack(
                PG, history(entry("20240115093000", EntryState.DIRTY)), "20240115093000", files, NOW);
        assertForced(plan, "\"public\".\"schema_migrations\"", 20240101000000L);
    }

    @Test
    void rolledBackOfTheFirstMigrationIsForceMinusOneAnEmptyTable() {
        List<BoundStatement> plan =
                writer.recordRolledBack(PG, history(entry("1", EntryState.DIRTY)), "1", files("000001", "000002"), NOW);
        assertThat(plan)
                .singleElement()
                .satisfies(s -> assertThat(s.sql()).isEqualTo("DELETE FROM \"public\".\"schema_migrations\""));
    }

    @Test
    void rolledBackTwiceIsNothingTheSecondTime() {
        assertThat(writer.recordRolledBack(PG, history(entry("1", EntryState.APPLIED)), "2", files("1", "2"), NOW))
                .isEmpty();
        assertThat(writer.recordRolledBack(PG, history(), "1", files("1", "2"), NOW))
                .isEmpty();
    }

    @Test
    void rolledBackNeedsTheFilesAndTheCurrentVersion() {
        assertThatThrownBy(
                        () -> writer.recordRolledBack(PG, history(entry("2", EntryState.DIRTY)), "2", List.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("migration files");
        assertThatThrownBy(() -> writer.recordRolledBack(
                        PG, history(entry("3", EntryState.DIRTY)), "2", files("1", "2", "3"), NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds version 3");
        assertThatThrownBy(() ->
                        writer.recordRolledBack(PG, history(entry("5", EntryState.DIRTY)), "5", files("1", "2"), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not among");
        assertThatThrownBy(() -> writer.clearDirty(PG, history(), "v2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noLockInItsTables() {
        assertThatThrownBy(() -> writer.releaseLock(PG, history()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("advisory lock");
    }
}
