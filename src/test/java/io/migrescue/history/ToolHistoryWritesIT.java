package io.migrescue.history;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.testing.Plans;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ToolTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writers of Alembic, Django, Drizzle, Knex, Sequelize, TypeORM, Atlas, the Supabase CLI and goose, run on their
 * tables as the tools create them (ToolTables) on real servers, in a session time zone far from UTC: the rows are the
 * ones the tool itself writes, and migrescue reads the history back as the tool would. Which tool version each follows
 * is named on its writer; Knex and Drizzle are also proven with the real tools (KnexRealToolIT, DrizzleRealToolIT).
 */
class ToolHistoryWritesIT {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

    private static void run(ScratchDatabase db, List<BoundStatement> plan) throws Exception {
        Plans.execute(
                db,
                plan,
                db.engine() == Engine.POSTGRESQL ? "SET TIME ZONE 'Asia/Kathmandu'" : "SET time_zone = '+05:45'");
    }

    /** Epoch seconds of a timestamp column, to the millisecond on PostgreSQL, whatever the column's type. */
    private static String epoch(Engine engine, String column) {
        return engine == Engine.POSTGRESQL
                ? "extract(epoch FROM " + column + ")::numeric(14,3)::text"
                : "UNIX_TIMESTAMP(" + column + ")";
    }

    private static MigrationFile file(Path dir, String relative, String content) throws Exception {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        String name = path.getFileName().toString();
        return new MigrationFile(name.substring(0, name.lastIndexOf('.')), name, path, "plain");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void alembicMovesItsHeadUpAndBack(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes alembic")) {
            String header = "from alembic import op\n\n# revision identifiers, used by Alembic.\n";
            MigrationFile base = file(
                    dir,
                    "versions/1975ea83b712_users.py",
                    header + "revision = '1975ea83b712'\ndown_revision = None\n");
            MigrationFile next = file(
                    dir,
                    "versions/ae1027a6acf_orders.py",
                    header + "revision: str = 'ae1027a6acf'\ndown_revision: Union[str, None] = '1975ea83b712'\n");
            List<MigrationFile> files = List.of(base, next);
            Dialect d = Dialect.of(engine);
            AlembicTool writer = new AlembicTool();
            db.execute(ToolTables.alembic(engine));

            run(db, writer.recordApplied(d, Plans.history(db, "alembic"), base, NOW, null));
            run(db, writer.recordApplied(d, Plans.history(db, "alembic"), next, NOW, null));
            assertThat(rows(db, "SELECT version_num FROM alembic_version")).containsExactly(List.of("ae1027a6acf"));
            run(db, writer.recordRolledBack(d, Plans.history(db, "alembic"), "ae1027a6acf", files, NOW));
            assertThat(rows(db, "SELECT version_num FROM alembic_version")).containsExactly(List.of("1975ea83b712"));
            run(db, writer.recordRolledBack(d, Plans.history(db, "alembic"), "1975ea83b712", files, NOW));
            assertThat(rows(db, "SELECT version_num FROM alembic_version")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void djangoRecordsTheMigrationAtTheInstant(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes django")) {
            db.execute(ToolTables.django(engine));
            MigrationFile file = file(dir, "shop/migrations/0003_add_fk.py", "from django.db import migrations\n");
            DjangoTool writer = new DjangoTool();
            run(db, writer.recordApplied(Dialect.of(engine), Plans.history(db, "django"), file, NOW, null));
            // PostgreSQL: the instant; MySQL: Django's UTC wall clock in datetime(6)
            String applied = engine == Engine.POSTGRESQL ? epoch(engine, "applied") : "applied";
            assertThat(rows(db, "SELECT app, name, " + applied + " FROM django_migrations"))
                    .containsExactly(List.of(
                            "shop",
                            "0003_add_fk",
                            engine == Engine.POSTGRESQL ? "1772360130.123" : "2026-03-01 10:15:30.123000"));
            run(
                    db,
                    writer.recordRolledBack(
                            Dialect.of(engine), Plans.history(db, "django"), "shop.0003_add_fk", List.of(), NOW));
            assertThat(rows(db, "SELECT name FROM django_migrations")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void drizzleRecordsTheHashAndTheJournalsWhen(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes drizzle")) {
            db.execute(ToolTables.drizzle(engine));
            String table = engine == Engine.POSTGRESQL ? "drizzle.__drizzle_migrations" : "__drizzle_migrations";
            MigrationFile init = file(dir, "drizzle/0000_init.sql", "CREATE TABLE users (id int);\n");
            MigrationFile orders = file(
                    dir,
                    "drizzle/0001_orders.sql",
                    "CREATE TABLE orders (id int);\n--> statement-breakpoint\n"
                            + "CREATE INDEX orders_id ON orders (id);\n");
            Files.createDirectories(dir.resolve("drizzle/meta"));
            Files.writeString(
                    dir.resolve("drizzle/meta/_journal.json"),
                    "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":["
                            + "{\"idx\":0,\"version\":\"7\",\"when\":1700000000000,\"tag\":\"0000_init\",\"breakpoints\":true},"
                            + "{\"idx\":1,\"version\":\"7\",\"when\":1700000100000,\"tag\":\"0001_orders\",\"breakpoints\":true}]}");
            db.execute("INSERT INTO " + table + " (hash, created_at) VALUES ('" + DrizzleTool.hash(init.path())
                    + "', 1700000000000)");
            DrizzleTool writer = new DrizzleTool();
            Dialect d = Dialect.of(engine);

            run(db, writer.recordApplied(d, Plans.history(db, "drizzle"), orders, NOW, null));
            assertThat(rows(db, "SELECT id, hash, created_at FROM " + table + " ORDER BY id"))
                    .last()
                    .isEqualTo(List.of(
                            "2",
                            io.migrescue.files.Digests.sha256Hex(Files.readAllBytes(orders.path())),
                            "1700000100000"));
            run(
                    db,
                    writer.recordRolledBack(
                            d, Plans.history(db, "drizzle"), "0001_orders", List.of(init, orders), NOW));
            assertThat(rows(db, "SELECT created_at FROM " + table)).containsExactly(List.of("1700000000000"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void knexRecordsANewBatchAndFreesItsLock(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes knex")) {
            db.execute(ToolTables.knex(engine));
            db.execute(
                    "INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('001_users.js', 1, CURRENT_TIMESTAMP)",
                    "UPDATE knex_migrations_lock SET is_locked = 1");
            MigrationFile orders = file(
                    dir, "migrations/002_orders.js", "exports.up = async () => {};\nexports.down = async () => {};\n");
            KnexTool writer = new KnexTool();
            Dialect d = Dialect.of(engine);
            MigrationHistory stuck = Plans.history(db, "knex");
            assertThat(stuck.locked()).isTrue();

            List<BoundStatement> plan = new java.util.ArrayList<>(writer.releaseLock(d, stuck));
            plan.addAll(writer.recordApplied(d, stuck, orders, NOW, null));
            run(db, plan);
            // knex_migration's timestamp column keeps whole seconds on MySQL, milliseconds as timestamptz on PostgreSQL
            assertThat(rows(
                            db,
                            "SELECT id, name, batch, " + epoch(engine, "migration_time")
                                    + " FROM knex_migrations ORDER BY id"))
                    .last()
                    .isEqualTo(List.of(
                            "2", "002_orders.js", "2", engine == Engine.POSTGRESQL ? "1772360130.123" : "1772360130"));
            assertThat(rows(db, "SELECT is_locked FROM knex_migrations_lock")).containsExactly(List.of("0"));
            assertThat(Plans.history(db, "knex").needsAttention()).isFalse();

            run(db, writer.recordRolledBack(d, Plans.history(db, "knex"), "002_orders.js", List.of(), NOW));
            assertThat(rows(db, "SELECT name FROM knex_migrations")).containsExactly(List.of("001_users.js"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void sequelizeAndTypeormRecordTheirNames(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes sequelize typeorm")) {
            db.execute(ToolTables.sequelize(engine), ToolTables.typeorm(engine));
            Dialect d = Dialect.of(engine);
            String meta = d.quote("SequelizeMeta");
            String timestamp = d.quote("timestamp");
            MigrationFile seq = file(
                    dir, "migrations/20240301000000-create-orders.js", "module.exports = { up() {}, down() {} };\n");
            MigrationFile orm = file(
                    dir,
                    "src/migration/1700000000000-AddOrders.ts",
                    "export class AddOrders1700000000000 implements MigrationInterface {\n    name = 'AddOrders1700000000000'\n}\n");
            SequelizeTool sequelize = new SequelizeTool();
            TypeOrmTool typeorm = new TypeOrmTool();

            run(db, sequelize.recordApplied(d, Plans.history(db, "sequelize"), seq, NOW, null));
            run(db, typeorm.recordApplied(d, Plans.history(db, "typeorm"), orm, NOW, null));
            assertThat(rows(db, "SELECT name FROM " + meta))
                    .containsExactly(List.of("20240301000000-create-orders.js"));
            assertThat(rows(db, "SELECT id, " + timestamp + ", name FROM migrations"))
                    .containsExactly(List.of("1", "1700000000000", "AddOrders1700000000000"));

            run(
                    db,
                    sequelize.recordRolledBack(
                            d, Plans.history(db, "sequelize"), "20240301000000-create-orders.js", List.of(), NOW));
            run(
                    db,
                    typeorm.recordRolledBack(
                            d, Plans.history(db, "typeorm"), "AddOrders1700000000000", List.of(), NOW));
            assertThat(rows(db, "SELECT name FROM " + meta)).isEmpty();
            assertThat(rows(db, "SELECT name FROM migrations")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void atlasFinishesAPartialRevisionAndMarksAFileAsMigrateSetDoes(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes atlas")) {
            db.execute(ToolTables.atlas(engine));
            String table = engine == Engine.POSTGRESQL
                    ? "atlas_schema_revisions.atlas_schema_revisions"
                    : "atlas_schema_revisions";
            String insert = "INSERT INTO " + table
                    + " (version, description, type, applied, total, executed_at, execution_time, error,"
                    + " error_stmt, hash, partial_hashes, operator_version) VALUES ";
            db.execute(
                    insert
                            + "('20240101000000', 'init', 2, 2, 2, CURRENT_TIMESTAMP, 1200, '', '', 'h1', 'null', 'Atlas CLI v0.36.0')",
                    insert
                            + "('20240301000000', 'add_orders', 2, 1, 3, CURRENT_TIMESTAMP, 800, 'boom', 'ALTER TABLE orders ADD x int;',"
                            + " 'h2', '[\"h1:abc\"]', 'Atlas CLI v0.36.0')");
            MigrationFile orders =
                    file(dir, "migrations/20240301000000_add_orders.sql", "CREATE TABLE orders (id int);\n");
            MigrationFile tags = file(dir, "migrations/20240401000000_tags.sql", "CREATE TABLE tags (id int);\n");
            Files.writeString(
                    dir.resolve("migrations/atlas.sum"),
                    "h1:c3VtCg==\n20240101000000_init.sql h1:aW5pdAo=\n"
                            + "20240301000000_add_orders.sql h1:b3JkZXJzCg=\n20240401000000_tags.sql h1:dGFncwo=\n");
            AtlasTool writer = new AtlasTool();
            Dialect d = Dialect.of(engine);
            String columns = "SELECT version, description, type, applied, total, error, error_stmt, hash, "
                    + (engine == Engine.POSTGRESQL ? "partial_hashes::text" : "partial_hashes")
                    + ", operator_version, execution_time FROM "
                    + table + " ORDER BY version";

            run(db, writer.recordApplied(d, Plans.history(db, "atlas"), orders, NOW, null));
            run(db, writer.recordApplied(d, Plans.history(db, "atlas"), tags, NOW, null));
            assertThat(rows(db, columns))
                    .containsExactly(
                            List.of(
                                    "20240101000000",
                                    "init",
                                    "2",
                                    "2",
                                    "2",
                                    "",
                                    "",
                                    "h1",
                                    "null",
                                    "Atlas CLI v0.36.0",
                                    "1200"),
                            List.of(
                                    "20240301000000",
                                    "add_orders",
                                    "6",
                                    "3",
                                    "3",
                                    "",
                                    "",
                                    "h2",
                                    "null",
                                    "Atlas CLI v0.36.0",
                                    "800"),
                            List.of(
                                    "20240401000000",
                                    "tags",
                                    "4",
                                    "0",
                                    "0",
                                    "",
                                    "",
                                    "dGFncwo=",
                                    "null",
                                    "Atlas CLI v0.36.0",
                                    "0"));
            // executed_at of the new revision is the instant (a MySQL TIMESTAMP keeps whole seconds)
            String executedAt = engine == Engine.POSTGRESQL ? epoch(engine, "executed_at") : "executed_at";
            assertThat(rows(db, "SELECT " + executedAt + " FROM " + table + " WHERE version = '20240401000000'"))
                    .containsExactly(List.of(engine == Engine.POSTGRESQL ? "1772360130.123" : "2026-03-01 10:15:30"));
            assertThat(Plans.history(db, "atlas").needsAttention()).isFalse();

            run(db, writer.recordRolledBack(d, Plans.history(db, "atlas"), "20240401000000", List.of(), NOW));
            assertThat(rows(db, "SELECT version FROM " + table + " ORDER BY version"))
                    .extracting(r -> r.get(0))
                    .containsExactly("20240101000000", "20240301000000");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void gooseRecordsAnAppliedVersionStampedByItsDefault(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes goose")) {
            db.execute(ToolTables.goose(engine));
            db.execute("INSERT INTO goose_db_version (version_id, is_applied) VALUES (1, true)");
            MigrationFile file =
                    file(dir, "db/migrations/00002_orders.sql", "-- +goose Up\nCREATE TABLE orders (id int);\n");
            GooseTool writer = new GooseTool();
            Dialect d = Dialect.of(engine);
            run(db, writer.recordApplied(d, Plans.history(db, "goose"), file, NOW, null));
            String applied = engine == Engine.POSTGRESQL ? "CASE WHEN is_applied THEN 1 ELSE 0 END" : "is_applied";
            assertThat(rows(
                            db,
                            "SELECT id, version_id, " + applied
                                    + ", tstamp IS NOT NULL FROM goose_db_version ORDER BY id"))
                    .extracting(r -> r.subList(0, 3))
                    .containsExactly(List.of("1", "0", "1"), List.of("2", "1", "1"), List.of("3", "2", "1"));
            assertThat(Plans.history(db, "goose").entries())
                    .extracting(HistoryEntry::id)
                    .containsExactly("1", "2");
            run(db, writer.recordRolledBack(d, Plans.history(db, "goose"), "2", List.of(), NOW));
            assertThat(rows(db, "SELECT version_id FROM goose_db_version ORDER BY id"))
                    .extracting(r -> r.get(0))
                    .containsExactly("0", "1");
        }
    }

    @Test
    void supabaseRecordsTheStatementsAsTheCliSplitsThem(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "writes supabase")) {
            db.execute(ToolTables.supabase());
            MigrationFile file = file(
                    dir,
                    "supabase/migrations/20240301000000_add_orders.sql",
                    "-- orders\n"
                            + "create table orders (id bigint primary key, note text default 'a;b');\n\n"
                            + "create function f() returns int language sql as $$ select 1; $$;\n");
            SupabaseTool writer = new SupabaseTool();
            Dialect d = Dialect.of(Engine.POSTGRESQL);
            run(db, writer.recordApplied(d, Plans.history(db, "supabase"), file, NOW, null));
            assertThat(rows(
                            db,
                            "SELECT version, name, array_length(statements, 1), statements[1], statements[2]"
                                    + " FROM supabase_migrations.schema_migrations"))
                    .containsExactly(Arrays.asList(
                            "20240301000000",
                            "add_orders",
                            "2",
                            "-- orders\ncreate table orders (id bigint primary key, note text default 'a;b')",
                            "create function f() returns int language sql as $$ select 1; $$"));
            assertThat(Plans.history(db, "supabase").entries())
                    .extracting(HistoryEntry::state)
                    .containsExactly(EntryState.APPLIED);
            run(db, writer.recordRolledBack(d, Plans.history(db, "supabase"), "20240301000000", List.of(), NOW));
            assertThat(rows(db, "SELECT version FROM supabase_migrations.schema_migrations"))
                    .isEmpty();
        }
    }
}
