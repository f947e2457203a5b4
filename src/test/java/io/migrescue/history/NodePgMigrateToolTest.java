package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePgMigrateToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private final NodePgMigrateTool tool = new NodePgMigrateTool();

    @TempDir
    Path dir;

    private static MigrationHistory applied(String... names) {
        return Histories.of(
                "node-pg-migrate",
                "public",
                "pgmigrations",
                Arrays.stream(names).map(n -> entry(n, EntryState.APPLIED)).toArray(HistoryEntry[]::new));
    }

    private MigrationFile file(String name) {
        return Histories.file(dir, "migrations/" + name, "exports.up = (pgm) => {};", "x", "node-pg-migrate");
    }

    @Test
    void itsTableIsPgmigrationsWithNameAndRunOn() {
        assertThat(tool.owns(new TableShape("public", "pgmigrations", Set.of("id", "name", "run_on"))))
                .isTrue();
        assertThat(tool.owns(new TableShape("public", "pgmigrations", Set.of("id", "name"))))
                .isFalse();
        assertThat(MigrationTools.all().stream()
                        .filter(t -> t.owns(new TableShape("public", "pgmigrations", Set.of("id", "name", "run_on")))))
                .extracting(MigrationTool::id)
                .containsExactly("node-pg-migrate");
        assertThat(MigrationTools.byId("node-pg-migrate")).get().isInstanceOf(NodePgMigrateTool.class);
    }

    @Test
    void appliedIsTheNameWithoutItsExtensionStampedNowWhenItIsTheNewest() {
        assertThat(tool.recordApplied(
                        PG, applied("1700000000000_users"), file("1700000000001_email_index.js"), NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo("INSERT INTO \"public\".\"pgmigrations\" (\"name\", \"run_on\")"
                                    + " VALUES (?, CAST(? AS TIMESTAMPTZ))");
                    assertThat(s.params()).containsExactly("1700000000001_email_index", "2026-03-01T10:15:30.123Z");
                });
        assertThat(tool.recordApplied(
                        PG, applied("1700000000001_email_index"), file("1700000000001_email_index.sql"), NOW, null))
                .isEmpty();
    }

    @Test
    void anOlderMigrationTakesItsPlaceBeforeTheLaterRows() {
        MigrationHistory h = applied("1700000000000_users", "1700000000002_tags", "1700000000003_plans");
        assertThat(tool.recordApplied(PG, h, file("1700000000001_orders.sql"), NOW, null))
                .satisfiesExactly(
                        shift -> {
                            assertThat(shift.sql())
                                    .isEqualTo("UPDATE \"public\".\"pgmigrations\" SET \"run_on\" = \"run_on\""
                                            + " + INTERVAL '1 microsecond' WHERE \"name\" IN (?, ?)");
                            assertThat(shift.params()).containsExactly("1700000000002_tags", "1700000000003_plans");
                        },
                        insert -> {
                            assertThat(insert.sql())
                                    .isEqualTo("INSERT INTO \"public\".\"pgmigrations\" (\"name\", \"run_on\")"
                                            + " SELECT ?, MIN(\"run_on\") - INTERVAL '1 microsecond'"
                                            + " FROM \"public\".\"pgmigrations\" WHERE \"name\" IN (?, ?)");
                            assertThat(insert.params())
                                    .containsExactly(
                                            "1700000000001_orders", "1700000000002_tags", "1700000000003_plans");
                        });
    }

    @Test
    void rolledBackAndDeletedDeleteTheRowAndRepointRenamesIt() {
        MigrationHistory h = applied("1700000000000_users");
        assertThat(tool.recordRolledBack(PG, h, "1700000000000_users", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql()).isEqualTo("DELETE FROM \"public\".\"pgmigrations\" WHERE \"name\" = ?");
                    assertThat(s.params()).containsExactly("1700000000000_users");
                });
        assertThat(tool.recordDeleted(PG, h, "1700000000000_users", NOW)).hasSize(1);
        assertThat(tool.recordRolledBack(PG, h, "1700000000009_other", List.of(), NOW))
                .isEmpty();
        assertThat(tool.repoint(PG, h, "1700000000000_users", file("1700000000000_accounts.ts")))
                .singleElement()
                .satisfies(
                        s -> assertThat(s.params()).containsExactly("1700000000000_accounts", "1700000000000_users"));
    }

    @Test
    void itHasNoLockRowAndNoDirtyFlag() {
        assertThatThrownBy(() -> tool.releaseLock(PG, applied()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("advisory lock");
        assertThatThrownBy(() -> tool.clearDirty(PG, applied(), "1"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no dirty flag");
    }

    @Test
    void itsFilesAreListedInItsOrderByTheNumberInFront() throws Exception {
        Files.writeString(dir.resolve("1700000000010_later.sql"), "-- Up Migration\nSELECT 1;\n");
        Files.writeString(dir.resolve("1700000000002_tags.js"), "exports.up = (pgm) => { pgm.sql('x'); };");
        Files.writeString(dir.resolve("20240101000000000_utc.ts"), "export async function up(pgm) {}");
        Files.writeString(dir.resolve(".1700000000001_hidden.js"), "exports.up = (pgm) => {};");
        Files.writeString(dir.resolve("README.md"), "not a migration");
        // 1700000000010 and 1700000000002 are epoch milliseconds (2023); the 17-digit prefix is 2024-01-01 UTC
        assertThat(tool.migrationFiles(dir))
                .extracting(MigrationFile::id)
                .containsExactly("1700000000002_tags", "1700000000010_later", "20240101000000000_utc");
        assertThat(tool.migrationFiles(dir))
                .allSatisfy(f -> assertThat(f.tool()).isEqualTo("node-pg-migrate"));
    }

    @Test
    void aFolderWithoutItsMarkersIsNotItsOwn() throws Exception {
        Files.writeString(dir.resolve("001_users.js"), "exports.up = (knex) => knex.schema.createTable('u');");
        Files.writeString(dir.resolve("00002_orders.sql"), "-- +goose Up\nCREATE TABLE orders (id int);\n");
        assertThat(tool.migrationFiles(dir)).isEmpty();
        assertThat(tool.migrationFiles(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void theUpSectionRunsFromItsMarkerToTheDownMarkerKeepingLineNumbers() {
        String text = "-- a note\n-- Up Migration\nCREATE TABLE t (id int);\n\n-- Down Migration\nDROP TABLE t;\n";
        // the blank line before the down marker belongs to the marker, as in the tool's own regular expression
        assertThat(tool.upSection(text)).isEqualTo("\n-- Up Migration\nCREATE TABLE t (id int);\n");
        assertThat(tool.upSection("CREATE TABLE t (id int);\n")).isEqualTo("CREATE TABLE t (id int);\n");
        assertThat(tool.upSection("-- Down Migration\nDROP TABLE t;\n-- up migration\nCREATE TABLE t (id int);\n"))
                .isEqualTo("\n\n-- up migration\nCREATE TABLE t (id int);\n");
    }

    @Test
    void aMigrationRunsInATransactionUnlessItCallsNoTransaction() {
        assertThat(tool.runsInTransaction(
                        List.of("CREATE INDEX CONCURRENTLY i ON t (c)"),
                        "exports.up = (pgm) => {"
                                + " pgm.noTransaction(); pgm.createIndex('t', 'c', { concurrently: true }); };"))
                .isFalse();
        assertThat(tool.runsInTransaction(List.of("CREATE TABLE t (id int)"), "exports.up = (pgm) => {};"))
                .isTrue();
        assertThat(tool.runsInTransaction(
                        List.of("CREATE TABLE t (id int)"), "-- Up Migration\nCREATE TABLE t (id int);"))
                .isTrue();
        assertThat(tool.transactionOptOut("1700000000001_x.sql")).contains("pgm.noTransaction()");
        assertThat(tool.outOfOrderRule()).hasValueSatisfying(r -> assertThat(r).contains("--no-check-order"));
    }
}
