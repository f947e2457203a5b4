package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrizzleToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    /** sha256 of the file below, as `sha256sum` prints it. */
    private static final String ORDERS_HASH = "31950c04cff535f1d373a74d626a9d15eb30da2ddc4fd09a463ff15aab177523";

    private final DrizzleTool writer = new DrizzleTool();

    @TempDir
    Path dir;

    private MigrationFile init;
    private MigrationFile orders;

    @BeforeEach
    void journal() throws Exception {
        init = Histories.file(
                dir,
                "drizzle/0000_init.sql",
                "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL);\n",
                "0000_init",
                "drizzle");
        orders = Histories.file(
                dir,
                "drizzle/0001_orders.sql",
                "CREATE TABLE \"orders\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n"
                        + "\t\"user_id\" integer NOT NULL\n);\n--> statement-breakpoint\nALTER TABLE \"orders\" ADD CONSTRAINT"
                        + " \"orders_user_id_users_id_fk\" FOREIGN KEY (\"user_id\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE no action"
                        + " ON UPDATE no action;\n",
                "0001_orders",
                "drizzle");
        Files.createDirectories(dir.resolve("drizzle/meta"));
        Files.writeString(
                dir.resolve("drizzle/meta/_journal.json"),
                "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":["
                        + "{\"idx\":0,\"version\":\"7\",\"when\":1700000000000,\"tag\":\"0000_init\",\"breakpoints\":true},"
                        + "{\"idx\":1,\"version\":\"7\",\"when\":1700000100000,\"tag\":\"0001_orders\",\"breakpoints\":true}]}");
    }

    private static MigrationHistory drizzle(String schema, long... whens) {
        return Histories.of(
                "drizzle",
                schema,
                "__drizzle_migrations",
                java.util.Arrays.stream(whens)
                        .mapToObj(w -> new HistoryEntry(
                                Long.toString(w), Long.toString(w), EntryState.APPLIED, null, "h" + w, null))
                        .toArray(HistoryEntry[]::new));
    }

    @Test
    void appliedIsTheFilesHashAndTheJournalsWhen() {
        assertThat(writer.recordApplied(PG, drizzle("drizzle", 1700000000000L), orders, NOW, null))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "INSERT INTO \"drizzle\".\"__drizzle_migrations\" (\"hash\", \"created_at\") VALUES (?, ?)");
                    assertThat(s.params()).containsExactly(ORDERS_HASH, 1700000100000L);
                });
        assertThat(writer.recordApplied(MARIADB, drizzle("app"), orders, NOW, null))
                .singleElement()
                .satisfies(s -> assertThat(s.sql())
                        .isEqualTo("INSERT INTO `app`.`__drizzle_migrations` (`hash`, `created_at`) VALUES (?, ?)"));
        assertThat(writer.recordApplied(PG, drizzle("drizzle", 1700000000000L, 1700000100000L), orders, NOW, null))
                .isEmpty();
    }

    @Test
    void onlyTheLatestMigrationCanBeRolledBackAndItIsFoundByTag() {
        List<MigrationFile> files = List.of(init, orders);
        assertThat(writer.recordRolledBack(
                        PG, drizzle("drizzle", 1700000000000L, 1700000100000L), "0001_orders", files, NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo("DELETE FROM \"drizzle\".\"__drizzle_migrations\" WHERE \"created_at\" = ?");
                    assertThat(s.params()).containsExactly(1700000100000L);
                });
        assertThat(writer.recordRolledBack(PG, drizzle("drizzle", 1700000000000L), "0001_orders", files, NOW))
                .isEmpty();
        assertThatThrownBy(() -> writer.recordRolledBack(
                        PG, drizzle("drizzle", 1700000000000L, 1700000100000L), "0000_init", files, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("latest row");
        assertThatThrownBy(() ->
                        writer.recordRolledBack(PG, drizzle("drizzle", 1700000000000L), "0000_init", List.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("_journal.json");
        assertThatThrownBy(() -> writer.releaseLock(PG, drizzle("drizzle")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> writer.clearDirty(PG, drizzle("drizzle"), "1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFileTheJournalDoesNotListCannotBeRecorded() {
        MigrationFile stray = Histories.file(dir, "drizzle/0002_stray.sql", "SELECT 1;\n", "0002_stray", "drizzle");
        assertThatThrownBy(() -> writer.recordApplied(PG, drizzle("drizzle"), stray, NOW, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no entry for 0002_stray");
    }
}
