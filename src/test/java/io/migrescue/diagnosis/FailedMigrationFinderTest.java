package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.history.MigrationDirectories;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first migration file no history records, for histories that key files other than by their name. */
class FailedMigrationFinderTest {

    @TempDir
    Path dir;

    private static HistoryEntry applied(String id, String checksum) {
        return new HistoryEntry(id, id, EntryState.APPLIED, null, checksum, null);
    }

    @Test
    void drizzleRowsAreMatchedToFilesByTheirHash() throws Exception {
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("0000_init.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(dir.resolve("0001_orders.sql"), "CREATE TABLE orders (id int);\n");
        Files.writeString(
                dir.resolve("meta/_journal.json"),
                "{\"entries\":[{\"idx\":0,\"when\":1700000000000,\"tag\":\"0000_init\"},"
                        + "{\"idx\":1,\"when\":1700000100000,\"tag\":\"0001_orders\"}]}");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest("CREATE TABLE users (id int);\n".getBytes(StandardCharsets.UTF_8)));
        MigrationHistory drizzle = new MigrationHistory(
                "drizzle", "drizzle", "__drizzle_migrations", List.of(applied("1700000000000", hash)), null);
        assertThat(FailedMigrationFinder.find(List.of(drizzle), null, MigrationDirectories.list(dir)))
                .hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("0001_orders"));
    }

    /**
     * Drizzle's migrator runs every pending file in one transaction and its output names none: the failed one is the
     * first pending file whose statements name the index the error is about, not the first pending file.
     */
    @Test
    void severalPendingFilesTheOneNamingTheErrorsIndexFailed() throws Exception {
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("0000_users.sql"), "CREATE TABLE \"users\" (\"id\" int, \"email\" text);\n");
        Files.writeString(
                dir.resolve("0001_email.sql"),
                "ALTER TABLE \"users\" ADD COLUMN \"nick\" text;--> statement-breakpoint\n"
                        + "CREATE UNIQUE INDEX \"users_email_idx\" ON \"users\" (\"email\");\n");
        Files.writeString(
                dir.resolve("meta/_journal.json"),
                "{\"entries\":[{\"idx\":0,\"when\":1700000000000,\"tag\":\"0000_users\"},"
                        + "{\"idx\":1,\"when\":1700000100000,\"tag\":\"0001_email\"}]}");
        MigrationHistory none = new MigrationHistory("drizzle", "drizzle", "__drizzle_migrations", List.of(), null);
        ParsedError error = io.migrescue.diagnosis.error.ErrorTextParser.parse(
                        "[⣷] applying migrations...error: could not create unique index \"users_email_idx\"\n"
                                + "    at /app/node_modules/pg/lib/client.js:545:17 {\n  length: 180,\n"
                                + "  severity: 'ERROR',\n  code: '23505',\n"
                                + "  detail: 'Key (email)=(a@x) is duplicated.',\n}\n")
                .orElseThrow();
        var files = MigrationDirectories.list(dir);

        assertThat(FailedMigrationFinder.find(List.of(none), error, files)).hasValueSatisfying(t -> {
            assertThat(t.id()).isEqualTo("0001_email");
            assertThat(t.foundBy()).isEqualTo("pending-file-naming-its-object");
        });
        assertThat(FailedMigrationFinder.find(List.of(none), null, files))
                .as("without the error: the first pending file, said to be a guess")
                .hasValueSatisfying(t -> {
                    assertThat(t.id()).isEqualTo("0000_users");
                    assertThat(t.foundBy()).isEqualTo("first-pending-file");
                });
    }

    @Test
    void versionKeyedHistoriesMatchTheNumberInFrontOfAPlainFile() throws Exception {
        Files.writeString(dir.resolve("20240101000000_init.sql"), "create table users (id bigint);\n");
        Files.writeString(dir.resolve("20240301000000_orders.sql"), "create table orders (id bigint);\n");
        MigrationHistory supabase = new MigrationHistory(
                "supabase", "supabase_migrations", "schema_migrations", List.of(applied("20240101000000", null)), null);
        assertThat(FailedMigrationFinder.find(List.of(supabase), null, MigrationDirectories.list(dir)))
                .hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("20240301000000_orders"));
    }

    @Test
    void aLiquibaseChangelogWithARecordedChangesetIsNotPending() throws Exception {
        Files.writeString(
                dir.resolve("001.sql"),
                "--liquibase formatted sql\n--changeset ana:1\ncreate table users (id bigint);\n");
        Files.writeString(
                dir.resolve("002.sql"),
                "--liquibase formatted sql\n--changeset ana:2\ncreate table orders (id bigint);\n");
        MigrationHistory liquibase = new MigrationHistory(
                "liquibase",
                "public",
                "databasechangelog",
                List.of(applied("1::ana::db/changes/001.sql", "9:0123456789abcdef0123456789abcdef")),
                null);
        assertThat(FailedMigrationFinder.find(List.of(liquibase), null, MigrationDirectories.list(dir)))
                .hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("002"));
    }
}
