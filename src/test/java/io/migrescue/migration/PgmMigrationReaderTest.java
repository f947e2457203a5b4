package io.migrescue.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.migration.nodepgmigrate.PgmMigrationReader;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgmMigrationReaderTest {
    private final PgmMigrationReader reader = new PgmMigrationReader();

    @Test
    void sqlAndIndexesAreRenderedAndOtherBuilderCallsAreKeptAsNotUnderstood(@TempDir Path dir) throws Exception {
        Path js = Files.writeString(dir.resolve("1700000000001_email_index.ts"), """
                import { MigrationBuilder } from 'node-pg-migrate';

                export async function up(pgm: MigrationBuilder): Promise<void> {
                  pgm.noTransaction();
                  pgm.sql(`CREATE TABLE audit (id serial PRIMARY KEY);
                    CREATE INDEX audit_id ON audit (id)`);
                  pgm.createIndex('users', ['email', 'plan'], { unique: true, concurrently: true });
                  pgm.createIndex('users', 'plan', { name: 'users_plan' });
                  pgm.createIndex('users', 'plan', { where: 'plan IS NOT NULL' });
                  pgm.addColumns('users', { note: { type: 'text' } });
                  pgm.sql('UPDATE users SET plan = $1', ['free']);
                }
                """);
        MigrationFile file = new MigrationFile("1700000000001_email_index", "x", js, "node-pg-migrate");
        assertThat(reader.statements(file, Engine.POSTGRESQL))
                .extracting(SqlStatement::sql, SqlStatement::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CREATE TABLE audit (id serial PRIMARY KEY)", 5),
                        org.assertj.core.groups.Tuple.tuple("CREATE INDEX audit_id ON audit (id)", 6),
                        org.assertj.core.groups.Tuple.tuple(
                                "CREATE UNIQUE INDEX CONCURRENTLY \"users_email_plan_unique_index\" ON \"users\""
                                        + " (\"email\", \"plan\")",
                                7),
                        org.assertj.core.groups.Tuple.tuple("CREATE INDEX \"users_plan\" ON \"users\" (\"plan\")", 8),
                        org.assertj.core.groups.Tuple.tuple(
                                "-- not understood: pgm.createIndex('users', 'plan', { where: 'plan IS NOT NULL' })",
                                9),
                        org.assertj.core.groups.Tuple.tuple(
                                "-- not understood: pgm.addColumns('users', { note: { type: 'text' } })", 10),
                        org.assertj.core.groups.Tuple.tuple(
                                "-- not understood: pgm.sql('UPDATE users SET plan = $1', ['free'])", 11));
        assertThat(reader.list(dir))
                .as("listed by the tool, with its SQL files")
                .isEmpty();
    }
}
