package io.migrescue.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.migration.knex.KnexMigrationReader;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A migration as {@code knex migrate:make} writes it, filled with the schema builder; the expected SQL is what real
 * Knex 3.3 renders for it ({@code toSQL()} per client), saved beside it. On MySQL Knex renames a column by reading it
 * first ({@code show full fields}); migrescue writes the rename that has the same effect.
 */
class KnexMigrationReaderTest {
    private static final Path DIR = Path.of("src/test/resources/io/migrescue/migration/knex");
    private final KnexMigrationReader reader = new KnexMigrationReader();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MARIADB, mysql", "MYSQL, mysql", "POSTGRESQL, postgresql"})
    void theSchemaBuilderIsRenderedAsKnexRendersItForEachEngine(Engine engine, String expected) throws Exception {
        MigrationFile file = reader.list(DIR).get(0);
        assertThat(file.id()).isEqualTo("20240301120000_create_orders.js");
        List<String> want = Files.readAllLines(DIR.resolve("20240301120000_create_orders." + expected + ".expected"));
        assertThat(reader.statements(file, engine))
                .extracting(SqlStatement::sql)
                .containsExactlyElementsOf(want);
    }

    @Test
    void awaitedCallsRawSqlAndWhatCannotBeReadAreKeptInOrderWithTheirLines(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("002_tags.ts"), """
                import type { Knex } from "knex";

                export async function up(knex: Knex): Promise<void> {
                  await knex.schema.createTable("tags", (t) => {
                    t.bigIncrements("id");
                    t.string("label", 64).notNullable();
                    t.integer("order_id").references("orders.id").onDelete("SET NULL");
                    t.specialThing("x");
                  });
                  await knex.raw("CREATE INDEX tags_label_lower ON tags ((lower(label)))");
                  await knex("tags").insert({ label: "first" });
                  for (const t of names) { await knex.schema.dropTable(t); }
                }

                export async function down(knex: Knex): Promise<void> {
                  await knex.schema.dropTable("tags");
                }
                """);
        Files.writeString(
                dir.resolve("001_users.js"),
                "exports.up = (knex) => knex.schema.createTable('users', (t) => { t.increments(); });\n");
        Files.writeString(dir.resolve("README.md"), "not a migration\n");
        List<MigrationFile> files = reader.list(dir);
        assertThat(files).extracting(MigrationFile::id).containsExactly("001_users.js", "002_tags.ts");
        List<SqlStatement> statements = reader.statements(files.get(1), Engine.MARIADB);
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "create table `tags` (`id` bigint unsigned not null auto_increment primary key, `label` varchar(64) not null, `order_id` int)",
                        "alter table `tags` add constraint `tags_order_id_foreign` foreign key (`order_id`) references `orders` (`id`) on delete SET NULL",
                        "-- not understood: t.specialThing(\"x\")",
                        "CREATE INDEX tags_label_lower ON tags ((lower(label)))",
                        "-- not understood: knex(\"tags\").insert({ label: \"first\" })",
                        "-- not understood: for (const t of names) { await knex.schema.dropTable(t); }");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(4, 7, 8, 10, 11, 12);
        assertThat(reader.statements(files.get(0), Engine.POSTGRESQL))
                .extracting(SqlStatement::sql)
                .containsExactly("create table \"users\" (\"id\" serial primary key)");
    }

    @Test
    void aDirectoryOfSqlFilesIsNotKnexs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("001_users.sql"), "CREATE TABLE users (id INT);\n");
        assertThat(reader.list(dir)).isEmpty();
        assertThat(MigrationStatements.list(dir))
                .extracting(MigrationFile::tool)
                .containsExactly("plain");
    }
}
