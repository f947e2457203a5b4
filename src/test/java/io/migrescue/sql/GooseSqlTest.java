package io.migrescue.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.history.MigrationDirectories;
import io.migrescue.model.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** goose files: recognised by their Up annotation, keyed by version, and only their Up section is read. */
class GooseSqlTest {
    private static final String FILE = """
            -- +goose Up
            -- +goose StatementBegin
            CREATE TABLE orders (id BIGINT PRIMARY KEY);
            -- +goose StatementEnd
            CREATE INDEX orders_id_idx ON orders (id);

            -- +goose Down
            DROP TABLE orders;
            """;

    @Test
    void onlyTheUpSectionIsRunAndLinesKeepTheirNumbers() {
        String up = GooseSql.up(FILE);
        assertThat(up)
                .doesNotContain("DROP TABLE")
                .contains("CREATE TABLE orders")
                .contains("CREATE INDEX");
        assertThat(up.split("\n", -1)).hasSameSizeAs(FILE.split("\n", -1));
        List<SqlStatement> statements = StatementSplitter.split(up, Engine.POSTGRESQL);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1).line()).isEqualTo(5);
        assertThat(GooseSql.up("CREATE TABLE t (id INT);")).isEqualTo("CREATE TABLE t (id INT);");
    }

    @Test
    void aFolderOfAnnotatedFilesIsGooseKeyedByVersion(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("00010_orders.sql"), FILE);
        Files.writeString(dir.resolve("00002_users.sql"), "-- +goose Up\nCREATE TABLE users (id INT);\n");
        List<MigrationFile> files = MigrationDirectories.list(dir);
        assertThat(files).extracting(MigrationFile::id).containsExactly("2", "10");
        assertThat(files).extracting(MigrationFile::tool).containsOnly("goose");
        assertThat(files.get(1).name()).isEqualTo("orders");
        assertThat(MigrationFiles.find(files, "10")).contains(files.get(1));

        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("001_users.sql"), "CREATE TABLE users (id INT);\n");
        assertThat(MigrationDirectories.list(plain))
                .extracting(MigrationFile::tool)
                .containsOnly("plain");
    }
}
