package io.migrescue.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --render-with-tool} on what the real tools printed (Alembic 1.8 {@code upgrade A:B --sql}, Django 3.2
 * {@code sqlmigrate}, recorded from the projects under rendered/): the statements keep the migration's DDL in order,
 * without transaction control and the tool's own history writes, and mean what the code readers read from the same
 * migration, so the statement map is the same whichever source is used.
 */
class ToolRenderingTest {
    private static final Path DIR = Path.of("src/test/resources/io/migrescue/migration/rendered");

    private static List<SqlStatement> rendered(String file, Engine engine) throws Exception {
        return ToolRendering.statements(Files.readString(DIR.resolve(file)), engine);
    }

    /** Each statement's effects, named by kind and object (types are where the two sources may word things apart). */
    private static List<String> named(List<SqlStatement> statements, Engine engine) {
        List<String> names = new ArrayList<>();
        for (SqlStatement s : statements) {
            for (Effect e : StatementEffects.of(s, engine)) {
                names.add(name(e));
            }
        }
        return names;
    }

    private static String name(Effect e) {
        if (e instanceof Effect.CreateTable t) {
            return "create table " + t.table() + " "
                    + t.columns().stream().map(Effect.ColumnDef::name).toList();
        }
        if (e instanceof Effect.CreateIndex i) {
            return "create index " + i.name() + " on " + i.table() + " " + i.columns();
        }
        if (e instanceof Effect.AddConstraint c) {
            return "add constraint " + c.constraint().name() + " on " + c.table() + " "
                    + c.constraint().columns();
        }
        if (e instanceof Effect.AddColumn c) {
            return "add column " + c.table() + "." + c.column().name()
                    + (c.column().nullable() ? "" : " not null");
        }
        return e.getClass().getSimpleName();
    }

    private static MigrationFile file(String tool, String id) throws Exception {
        return MigrationStatements.list(DIR.resolve(tool)).stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alembic-postgresql.sql, POSTGRESQL", "alembic-mariadb.sql, MARIADB"})
    void alembicSqlIsTheRevisionsDdlWithoutItsVersionUpdate(String recorded, Engine engine) throws Exception {
        List<SqlStatement> statements = rendered(recorded, engine);
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .noneMatch(s -> s.contains("alembic_version") || s.equals("BEGIN") || s.equals("COMMIT"));
        assertThat(named(statements, engine))
                .containsExactly(
                        "create table payments [id, order_id, amount]",
                        "create index ix_orders_ref on orders [ref]",
                        "add constraint fk_orders_user on orders [user_id]",
                        "create index ix_payments_amount on payments [order_id, amount]");
        assertThat(statements).extracting(SqlStatement::number).containsExactly(1, 2, 3, 4);
        // the same effects as reading the revision script as code
        List<SqlStatement> code = MigrationStatements.of(file("alembic", "b2c3d4e5f6a7"), engine);
        assertThat(named(statements, engine)).isEqualTo(named(code, engine));
    }

    @Test
    void aBaseRevisionRenderedFromBaseLeavesOutTheVersionTable() throws Exception {
        assertThat(named(rendered("alembic-base-mariadb.sql", Engine.MARIADB), Engine.MARIADB))
                .containsExactly("create table users [id, email]", "create table orders [id, user_id, ref]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sqlmigrate-postgresql.sql, POSTGRESQL", "sqlmigrate-mariadb.sql, MARIADB"})
    void sqlmigrateIsTheMigrationsDdlWithDjangosDeferredIndexesLast(String recorded, Engine engine) throws Exception {
        List<SqlStatement> statements = rendered(recorded, engine);
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .noneMatch(s -> s.equals("BEGIN") || s.equals("COMMIT") || s.startsWith("SET CONSTRAINTS"));
        List<String> names = named(statements, engine);
        assertThat(names)
                .startsWith("create table shop_warehouse [id, code, name]")
                .contains(
                        "add constraint shop_order_customer_ref_fk on shop_order [customer_ref]",
                        "create index shop_order_ref_idx on shop_order [ref]")
                .contains("create index shop_warehouse_name_05626804 on shop_warehouse [name]");
        assertThat(names.indexOf("create index shop_warehouse_name_05626804 on shop_warehouse [name]"))
                .isGreaterThan(names.indexOf("add constraint shop_order_customer_ref_fk on shop_order [customer_ref]"));
        // Django's names, computed by Django, are the ones the code reader computes
        List<SqlStatement> code = MigrationStatements.of(file("django", "shop.0002_warehouse_and_fk"), engine);
        assertThat(names).containsExactlyInAnyOrderElementsOf(named(code, engine));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sqlmigrate-not-null-postgresql.sql, POSTGRESQL", "sqlmigrate-not-null-mariadb.sql, MARIADB"})
    void aNotNullFieldWithoutDefaultIsANotNullColumnWithoutDefault(String recorded, Engine engine) throws Exception {
        List<SqlStatement> statements = rendered(recorded, engine);
        assertThat(named(statements, engine)).containsExactly("add column shop_order.plan not null");
        Effect.AddColumn add = (Effect.AddColumn)
                StatementEffects.of(statements.get(0), engine).get(0);
        assertThat(add.column().defaultValue()).isNull();
    }

    @Test
    void alembicIsRunWithItsIniFromTheParentToTheRevision() throws Exception {
        ToolRendering.Invocation call = ToolRendering.invocation(file("alembic", "b2c3d4e5f6a7"), "python3");
        Path ini = DIR.resolve("alembic/alembic.ini").toAbsolutePath();
        assertThat(call.args())
                .containsExactly(
                        "python3",
                        "-m",
                        "alembic",
                        "-c",
                        ini.toString(),
                        "upgrade",
                        "a1b2c3d4e5f6:b2c3d4e5f6a7",
                        "--sql");
        assertThat(call.workDir()).isEqualTo(ini.getParent());
        assertThat(call.source()).isEqualTo("alembic --sql");
        assertThat(ToolRendering.invocation(file("alembic", "a1b2c3d4e5f6"), "python3")
                        .args())
                .contains("a1b2c3d4e5f6")
                .noneMatch(a -> a.contains(":"));
    }

    @Test
    void djangoIsRunWithTheProjectsManagePy() throws Exception {
        ToolRendering.Invocation call =
                ToolRendering.invocation(file("django", "shop.0002_warehouse_and_fk"), "/venv/bin/python");
        Path manage = DIR.resolve("django/manage.py").toAbsolutePath();
        assertThat(call.args())
                .containsExactly("/venv/bin/python", manage.toString(), "sqlmigrate", "shop", "0002_warehouse_and_fk");
        assertThat(call.workDir()).isEqualTo(manage.getParent());
    }

    @Test
    void aToolThatCannotRenderOrAMissingProjectFileIsAUsageError(@TempDir Path tmp) throws Exception {
        MigrationFile knex = new MigrationFile("20240501_users", "users", tmp.resolve("20240501_users.js"), "knex");
        assertThatThrownBy(() -> ToolRendering.invocation(knex, "python3"))
                .isInstanceOf(MigrescueException.class)
                .hasMessageContaining("knex cannot render")
                .satisfies(e ->
                        assertThat(((MigrescueException) e).exitCode().code()).isEqualTo(2));
        Path versions = Files.createDirectories(tmp.resolve("versions"));
        Path script = Files.copy(
                DIR.resolve("alembic/migrations/versions/b2c3d4e5f6a7_payments_and_order_fk.py"),
                versions.resolve("b2.py"));
        MigrationFile alone = new MigrationFile("b2c3d4e5f6a7", "b2", script, "alembic");
        assertThatThrownBy(() -> ToolRendering.invocation(alone, "python3"))
                .isInstanceOf(MigrescueException.class)
                .hasMessageContaining("no alembic.ini");
    }

    @Test
    void aMergeRevisionIsNotRenderedAlone(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("alembic.ini"), "[alembic]\nscript_location = .\n");
        Path merge = Files.writeString(
                tmp.resolve("m1_merge.py"),
                "revision = 'm1'\ndown_revision = ('a1', 'b1')\n\ndef upgrade():\n    pass\n");
        MigrationFile file = new MigrationFile("m1", "merge", merge, "alembic");
        assertThatThrownBy(() -> ToolRendering.invocation(file, "python3"))
                .isInstanceOf(MigrescueException.class)
                .hasMessageContaining("merges a1, b1");
    }

    @Test
    void aFailedToolIsNamedByItsLastLine() {
        String output = "Traceback (most recent call last):\n  File \"manage.py\", line 4\n"
                + "django.db.utils.OperationalError: (1049, \"Unknown database 'app'\")\n\n";
        assertThat(ToolRendering.lastLine(output))
                .isEqualTo("django.db.utils.OperationalError: (1049, \"Unknown database 'app'\")");
        assertThat(ToolRendering.cannotConnect(output)).isTrue();
        assertThat(ToolRendering.cannotConnect("KeyError: 'DATABASE_URL'")).isFalse();
    }
}
