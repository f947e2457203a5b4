package io.migrescue.migration.alembic;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.FailedMigrationFinder;
import io.migrescue.migration.MigrationStatements;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlembicMigrationsTest {
    private static final Path SAMPLE = Path.of("src/test/resources/io/migrescue/migration/alembic");
    private final AlembicMigrations reader = new AlembicMigrations();

    private static void script(Path versions, String file, String revision, String down, String body) throws Exception {
        Files.createDirectories(versions);
        Files.writeString(
                versions.resolve(file),
                """
                \"""%s

                Revision ID: %s
                \"""
                from alembic import op
                import sqlalchemy as sa

                revision: str = '%s'
                down_revision: Union[str, None] = %s
                branch_labels = None
                depends_on = None


                def upgrade() -> None:
                %s
                """.formatted(file, revision, revision, down, body.indent(4)),
                StandardCharsets.UTF_8);
    }

    /** The statements of {@code alembic upgrade head --sql}, without Alembic's own version table, one per element. */
    private static List<String> offline(String file) throws Exception {
        String text = Files.readString(SAMPLE.resolve(file));
        return Arrays.stream(text.split(";\\s*\\n"))
                .map(s -> s.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + " " + b))
                .flatMap(s -> Arrays.stream(s.split(";(?= )")))
                .map(AlembicMigrationsTest::squash)
                .filter(s ->
                        !s.isEmpty() && !s.contains("alembic_version") && !s.equals("begin") && !s.equals("commit"))
                .toList();
    }

    private static String squash(String sql) {
        return sql.replaceAll("\\s+", " ")
                .replace("( ", "(")
                .replace(" )", ")")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @CsvSource({"POSTGRESQL, offline-postgresql.sql", "MARIADB, offline-mysql.sql"})
    void aRevisionFromAlembicsTemplateRendersAsAlembicOfflineDoes(Engine engine, String offline) throws Exception {
        List<MigrationFile> files = reader.list(SAMPLE);
        assertThat(files).extracting(MigrationFile::id).containsExactly("549c0fc1e3d4");
        assertThat(files.get(0).name()).isEqualTo("create users");
        List<SqlStatement> statements = reader.statements(files.get(0), engine);
        assertThat(statements).extracting(s -> squash(s.sql())).containsExactlyElementsOf(offline(offline));
        assertThat(statements.get(0).line()).isEqualTo(20); // op.create_table( of users
    }

    @Test
    void theRevisionGraphGivesTheOrderAndAHeadMeansEverythingBelowIt(@TempDir Path dir) throws Exception {
        Path versions = dir.resolve("migrations/versions");
        Files.writeString(
                Files.createDirectories(dir.resolve("migrations")).resolve("env.py"), "from alembic import context\n");
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
        script(versions, "0_merge.py", "d4", "('b2', 'c3')", "pass");
        script(
                versions,
                "1_base.py",
                "a1",
                "None",
                "op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True))");
        script(versions, "2_branch_b.py", "b2", "'a1'", "op.add_column('t', sa.Column('b', sa.Text()))");
        script(versions, "3_branch_c.py", "c3", "'a1'", "op.add_column('t', sa.Column('c', sa.Text()))");
        script(versions, "4_after.py", "e5", "'d4'", "op.drop_column('t', 'b')");

        for (Path given : List.of(dir, dir.resolve("migrations"), versions)) {
            assertThat(MigrationStatements.list(given))
                    .as(given.toString())
                    .extracting(MigrationFile::id)
                    .containsExactly("a1", "b2", "c3", "d4", "e5");
        }
        List<MigrationFile> files = reader.list(dir);
        assertThat(reader.applied(Set.of("b2"), files)).containsExactlyInAnyOrder("a1", "b2");
        assertThat(reader.applied(Set.of("d4"), files)).containsExactlyInAnyOrder("a1", "b2", "c3", "d4");

        // alembic_version holds the head b2 only: the revision that failed next is c3, not the base below it
        MigrationHistory history = new MigrationHistory(
                "alembic",
                "public",
                "alembic_version",
                List.of(new HistoryEntry("b2", "b2", EntryState.APPLIED, null, null, "head")),
                null);
        var target = FailedMigrationFinder.find(List.of(history), null, files);
        assertThat(target).isPresent();
        assertThat(target.get().id()).isEqualTo("c3");
        assertThat(target.get().foundBy()).isEqualTo("first-pending-file");
    }

    @Test
    void whatItCannotReadIsSaidAndNeverGuessed(@TempDir Path dir) throws Exception {
        Path versions = dir.resolve("versions");
        script(versions, "a1_x.py", "a1", "None", """
                op.create_index('ix_p', 't', ['a'], postgresql_where=sa.text('a > 0'))
                op.bulk_insert(table, [{'id': 1}])
                if context.is_offline_mode():
                    op.drop_table('t')
                conn = op.get_bind()
                op.add_column('t', sa.Column('e', sa.Enum('x', 'y', name='kind')))
                op.alter_column('t', 'a', nullable=False)
                op.drop_constraint('uq', 't')
                op.execute(build_sql())
                op.add_column('t', sa.Column('ok', sa.Integer()))""");
        MigrationFile file = reader.list(versions).get(0);
        List<SqlStatement> pg = reader.statements(file, Engine.POSTGRESQL);
        assertThat(pg)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "-- not understood: op.create_index('ix_p', 't', ['a'], postgresql_where=sa.text('a > 0'))",
                        "-- not understood: op.bulk_insert(table, [{'id': 1}])",
                        "-- not understood: if context.is_offline_mode():",
                        "-- not understood: op.drop_table('t')",
                        "-- not understood: conn = op.get_bind()",
                        "-- not understood: op.add_column('t', sa.Column('e', sa.Enum('x', 'y', name='kind')))",
                        "ALTER TABLE t ALTER COLUMN a SET NOT NULL",
                        "ALTER TABLE t DROP CONSTRAINT uq",
                        "-- not understood: op.execute(build_sql())",
                        "ALTER TABLE t ADD COLUMN ok INTEGER");
        List<SqlStatement> maria = reader.statements(file, Engine.MARIADB);
        // MySQL needs the existing type to MODIFY and the constraint's type to drop it: Alembic refuses both too
        assertThat(maria)
                .extracting(SqlStatement::sql)
                .contains(
                        "-- not understood: op.alter_column('t', 'a', nullable=False)",
                        "-- not understood: op.drop_constraint('uq', 't')",
                        "ALTER TABLE t ADD COLUMN e ENUM('x','y')");
    }

    @Test
    void hostileInputIsReadInBoundedTime(@TempDir Path dir) throws Exception {
        String deep = "op.execute(" + "(".repeat(50_000) + "'x'" + ")".repeat(50_000) + ")";
        String unterminated = "op.add_column('t', sa.Column('\"\"\"" + "a".repeat(20_000);
        script(
                dir.resolve("versions"),
                "a1_x.py",
                "a1",
                "None",
                deep + "\n" + "sa.Column(".repeat(10_000) + "\n" + unterminated);
        MigrationFile file = reader.list(dir.resolve("versions")).get(0);
        // linear scanning and a bounded parser depth: no stack overflow, no runaway backtracking
        List<SqlStatement> statements = reader.statements(file, Engine.MARIADB);
        assertThat(statements).isNotEmpty().allSatisfy(s -> assertThat(s.sql()).startsWith("-- not understood:"));
    }

    @Test
    void anIndexBuiltConcurrentlyInAnAutocommitBlock(@TempDir Path dir) throws Exception {
        script(dir.resolve("versions"), "a1_x.py", "a1", "None", """
                with op.get_context().autocommit_block():
                    op.create_index("ix_orders_ref", "orders", ["ref"], unique=False, postgresql_concurrently=True)""");
        MigrationFile file = reader.list(dir.resolve("versions")).get(0);
        assertThat(reader.statements(file, Engine.POSTGRESQL))
                .extracting(SqlStatement::sql)
                .containsExactly("CREATE INDEX CONCURRENTLY ix_orders_ref ON orders (ref)");
        assertThat(reader.statements(file, Engine.MARIADB))
                .extracting(SqlStatement::sql)
                .containsExactly("CREATE INDEX ix_orders_ref ON orders (ref)");
    }
}
