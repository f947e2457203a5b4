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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtlasToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private final AtlasTool writer = new AtlasTool();

    @TempDir
    Path dir;

    private MigrationFile orders() throws Exception {
        MigrationFile file = Histories.file(
                dir, "migrations/20240301000000_add_orders.sql", "CREATE TABLE orders (id int);\n", "x", "plain");
        Files.writeString(
                dir.resolve("migrations/atlas.sum"),
                "h1:Ow2nYnnPbKVj2qrBNXBLx9FYtaiQcYMYwTM+eJ+vaBM=\n"
                        + "20240101000000_init.sql h1:+6W9G9dm3J5a7uQGvJUvFAgqKNTzLOpqrBmn7mO5NzY=\n"
                        + "20240301000000_add_orders.sql h1:Rf3sX1bWJ4n/8s3Gx2wVn9m5j3bEw3vnN4ZqzEbWw8I=\n");
        return file;
    }

    private static HistoryEntry partial(String version) {
        return new HistoryEntry(version, "add_orders", EntryState.FAILED, null, "h", "1 of 3 statements applied: boom");
    }

    @Test
    void aFileWithNoRevisionGetsTheRowMigrateSetWrites() throws Exception {
        MigrationHistory h = Histories.of(
                "atlas",
                "atlas_schema_revisions",
                "atlas_schema_revisions",
                entry("20240101000000", EntryState.APPLIED));
        assertThat(writer.recordApplied(PG, h, orders(), NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "INSERT INTO \"atlas_schema_revisions\".\"atlas_schema_revisions\" (\"version\", \"description\","
                                            + " \"type\", \"applied\", \"total\", \"executed_at\", \"execution_time\", \"error\", \"error_stmt\", \"hash\","
                                            + " \"partial_hashes\", \"operator_version\") VALUES (?, ?, ?, 0, 0, CAST(? AS TIMESTAMPTZ), 0, '', '', ?, 'null', ?)");
                    assertThat(s.params())
                            .containsExactly(
                                    "20240301000000",
                                    "add_orders",
                                    4,
                                    "2026-03-01T10:15:30.123Z",
                                    "Rf3sX1bWJ4n/8s3Gx2wVn9m5j3bEw3vnN4ZqzEbWw8I=",
                                    "Atlas CLI v0.36.0");
                });
        MigrationHistory done =
                Histories.of("atlas", "app", "atlas_schema_revisions", entry("20240301000000", EntryState.APPLIED));
        assertThat(writer.recordApplied(MARIADB, done, orders(), NOW, null)).isEmpty();
    }

    @Test
    void aPartialRevisionIsFinishedInPlace() throws Exception {
        MigrationHistory h = Histories.of("atlas", "app", "atlas_schema_revisions", partial("20240301000000"));
        String finish =
                "UPDATE `app`.`atlas_schema_revisions` SET `applied` = `total`, `type` = ?, `error` = '', `error_stmt` = '',"
                        + " `partial_hashes` = 'null' WHERE `version` = ?";
        assertThat(writer.recordApplied(MARIADB, h, orders(), NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql()).isEqualTo(finish);
                    assertThat(s.params()).containsExactly(6, "20240301000000");
                });
        assertThat(writer.clearDirty(MARIADB, h, "20240301000000"))
                .singleElement()
                .satisfies(s -> assertThat(s.sql()).isEqualTo(finish));
        assertThatThrownBy(() -> writer.clearDirty(MARIADB, h, "20240401000000"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rolledBackDeletesTheLatestRevisionOnly() {
        MigrationHistory h = Histories.of(
                "atlas",
                "public",
                "atlas_schema_revisions",
                entry("20240101000000", EntryState.APPLIED),
                partial("20240301000000"));
        assertThat(writer.recordRolledBack(PG, h, "20240301000000_add_orders", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo("DELETE FROM \"public\".\"atlas_schema_revisions\" WHERE \"version\" = ?");
                    assertThat(s.params()).containsExactly("20240301000000");
                });
        assertThat(writer.recordRolledBack(PG, h, "20240401000000", List.of(), NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.recordRolledBack(PG, h, "20240101000000", List.of(), NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("non-linear");
        assertThatThrownBy(() -> writer.releaseLock(PG, h)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withoutAtlasSumTheHashIsUnknown() {
        MigrationFile lone = Histories.file(dir, "lone/20240301000000_add_orders.sql", "SELECT 1;\n", "x", "plain");
        assertThatThrownBy(() -> writer.recordApplied(
                        PG, Histories.of("atlas", "public", "atlas_schema_revisions"), lone, NOW, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atlas.sum");
    }
}
