package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ToolTables;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The histories of Alembic, Django, Drizzle, Knex, Sequelize, TypeORM, Atlas, the Supabase CLI and goose, in tables laid
 * out as each tool creates them (ToolTables) and holding the rows each tool writes, found and read on real servers.
 */
class ToolHistoriesIT {

    private static List<MigrationHistory> read(ScratchDatabase db) throws Exception {
        try (DatabaseSession session = db.session()) {
            return HistoryReader.readAll(session, List.of(db.defaultSchema()), HistoryAdapters.all());
        }
    }

    private static MigrationHistory only(ScratchDatabase db, String tool) throws Exception {
        List<MigrationHistory> found = read(db);
        assertThat(found).extracting(MigrationHistory::tool).containsExactly(tool);
        return found.get(0);
    }

    private static String now(Engine engine) {
        return engine == Engine.POSTGRESQL ? "now()" : "CURRENT_TIMESTAMP(6)";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void alembicHoldsItsHeads(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "read alembic")) {
            db.execute(ToolTables.alembic(engine), "INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf')");
            MigrationHistory h = only(db, "alembic");
            assertThat(h.entries()).extracting(HistoryEntry::id).containsExactly("ae1027a6acf");
            assertThat(h.needsAttention()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void djangoMigrationsAreAppDotName(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "read django")) {
            db.execute(
                    ToolTables.django(engine),
                    "INSERT INTO django_migrations (app, name, applied) VALUES" + " ('contenttypes', '0001_initial', "
                            + now(engine) + "), ('shop', '0002_orders', " + now(engine) + ")");
            MigrationHistory h = only(db, "django");
            assertThat(h.entries())
                    .extracting(HistoryEntry::id)
                    .containsExactly("contenttypes.0001_initial", "shop.0002_orders");
            assertThat(h.entries()).allSatisfy(e -> assertThat(e.appliedAt()).isNotNull());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void drizzleIsFoundInItsOwnSchemaWithoutBeingAskedFor(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "read drizzle")) {
            db.execute(ToolTables.drizzle(engine));
            String table = engine == Engine.POSTGRESQL ? "drizzle.__drizzle_migrations" : "__drizzle_migrations";
            db.execute("INSERT INTO " + table
                    + " (hash, created_at) VALUES ('25a3620e', 1700000000000), ('31950c04', 1700000100000)");
            MigrationHistory h = only(db, "drizzle");
            assertThat(h.schema()).isEqualTo(engine == Engine.POSTGRESQL ? "drizzle" : db.name());
            assertThat(h.entries())
                    .extracting(HistoryEntry::id, HistoryEntry::checksum)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("1700000000000", "25a3620e"),
                            org.assertj.core.groups.Tuple.tuple("1700000100000", "31950c04"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void knexLockLeftByAKilledRun(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "read knex")) {
            db.execute(ToolTables.knex(engine));
            db.execute(
                    "INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('001_users.js', 1, "
                            + now(engine) + "), ('002_orders.js', 2, " + now(engine) + ")",
                    "UPDATE knex_migrations_lock SET is_locked = 1");
            MigrationHistory h = only(db, "knex");
            assertThat(h.entries())
                    .extracting(HistoryEntry::id, HistoryEntry::detail)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("001_users.js", "batch 1"),
                            org.assertj.core.groups.Tuple.tuple("002_orders.js", "batch 2"));
            assertThat(h.locked()).isTrue();
            assertThat(h.lock().table()).isEqualTo("knex_migrations_lock");
            db.execute("UPDATE knex_migrations_lock SET is_locked = 0");
            assertThat(only(db, "knex").needsAttention()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void knexUnderItsConfiguredTableNameWithItsLockTable(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "read knex renamed")) {
            for (String ddl : ToolTables.knex(engine)) {
                db.execute(ddl.replace("knex_migrations", "deploy_history"));
            }
            db.execute("UPDATE deploy_history_lock SET is_locked = 1");
            assertThat(read(db)).isEmpty(); // not under Knex's default name
            try (DatabaseSession session = db.session()) {
                List<MigrationHistory> found = HistoryReader.readAll(
                        session, List.of(db.defaultSchema()), HistoryAdapters.select("knex", "deploy_history"));
                assertThat(found).singleElement().satisfies(h -> {
                    assertThat(h.table()).isEqualTo("deploy_history");
                    assertThat(h.locked()).isTrue();
                    assertThat(h.lock().table()).isEqualTo("deploy_history_lock");
                });
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void sequelizeAndTypeorm(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "read sequelize typeorm")) {
            db.execute(ToolTables.sequelize(engine), ToolTables.typeorm(engine));
            String meta = engine == Engine.POSTGRESQL ? "\"SequelizeMeta\"" : "SequelizeMeta";
            db.execute(
                    "INSERT INTO " + meta
                            + " (name) VALUES ('20240101000000-create-users.js'), ('20240201000000-create-orders.js')",
                    "INSERT INTO migrations (" + (engine == Engine.POSTGRESQL ? "\"timestamp\"" : "`timestamp`")
                            + ", name) VALUES (1700000000000, 'AddUsers1700000000000')");
            List<MigrationHistory> found = read(db);
            assertThat(found).extracting(MigrationHistory::tool).containsExactlyInAnyOrder("sequelize", "typeorm");
            MigrationHistory sequelize = found.stream()
                    .filter(h -> h.tool().equals("sequelize"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sequelize.table()).isEqualTo("SequelizeMeta");
            assertThat(sequelize.latestApplied()).map(HistoryEntry::id).contains("20240201000000-create-orders.js");
            MigrationHistory typeorm = found.stream()
                    .filter(h -> h.tool().equals("typeorm"))
                    .findFirst()
                    .orElseThrow();
            assertThat(typeorm.entries()).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo("AddUsers1700000000000");
                assertThat(e.detail()).isEqualTo("timestamp 1700000000000");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void atlasPartialRevisionIsItsFailedState(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "read atlas")) {
            db.execute(ToolTables.atlas(engine));
            String table = engine == Engine.POSTGRESQL
                    ? "atlas_schema_revisions.atlas_schema_revisions"
                    : "atlas_schema_revisions";
            String row = "INSERT INTO " + table
                    + " (version, description, type, applied, total, executed_at, execution_time, error,"
                    + " error_stmt, hash, partial_hashes, operator_version) VALUES ";
            db.execute(
                    row + "('.atlas_cloud_identifier', 'b8a1a4d0-5d1e-4a57-9a4c-0a3f3f7f2a11', 2, 0, 0, " + now(engine)
                            + ", 0, '', '', '', 'null', 'Atlas CLI v0.36.0')",
                    row + "('20240101000000', 'init', 2, 2, 2, " + now(engine)
                            + ", 1200, '', '', 'h1', 'null', 'Atlas CLI v0.36.0')",
                    row + "('20240301000000', 'add_orders', 2, 1, 3, " + now(engine) + ", 800,"
                            + " 'pq: relation \"users\" does not exist', 'ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);',"
                            + " 'h2', '[\"h1:abc\"]', 'Atlas CLI v0.36.0')");
            MigrationHistory h = only(db, "atlas");
            assertThat(h.schema()).isEqualTo(engine == Engine.POSTGRESQL ? "atlas_schema_revisions" : db.name());
            assertThat(h.entries())
                    .extracting(HistoryEntry::id, HistoryEntry::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("20240101000000", EntryState.APPLIED),
                            org.assertj.core.groups.Tuple.tuple("20240301000000", EntryState.FAILED));
            assertThat(h.failed()).singleElement().satisfies(e -> {
                assertThat(e.description()).isEqualTo("add_orders");
                assertThat(e.detail())
                        .startsWith(
                                "1 of 3 statements applied: pq: relation \"users\" does not exist (at: ALTER TABLE orders");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void gooseLatestRowOfAVersionDecides(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "read goose")) {
            db.execute(ToolTables.goose(engine));
            db.execute(
                    "INSERT INTO goose_db_version (version_id, is_applied) VALUES (1, true), (2, true), (2, false), (3, true)");
            MigrationHistory h = only(db, "goose");
            assertThat(h.entries())
                    .extracting(HistoryEntry::id, HistoryEntry::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("1", EntryState.APPLIED),
                            org.assertj.core.groups.Tuple.tuple("2", EntryState.ROLLED_BACK),
                            org.assertj.core.groups.Tuple.tuple("3", EntryState.APPLIED));
            assertThat(h.entries()).allSatisfy(e -> assertThat(e.appliedAt()).isNotNull()); // tstamp DEFAULT now()
        }
    }

    @Test
    void supabaseIsFoundInItsSchemaBesideARailsTableOfTheSameName() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "read supabase")) {
            db.execute(ToolTables.supabase());
            db.execute(ToolTables.rails(Engine.POSTGRESQL));
            db.execute(
                    "INSERT INTO supabase_migrations.schema_migrations (version, name, statements) VALUES"
                            + " ('20240101000000', 'init', ARRAY['create table users (id bigint primary key)']),"
                            + " ('20240301000000', 'orders', ARRAY['create table orders (id bigint)', 'alter table orders enable row level security'])",
                    "INSERT INTO schema_migrations (version) VALUES ('20231201000000')");
            List<MigrationHistory> found = read(db);
            assertThat(found)
                    .extracting(MigrationHistory::tool, MigrationHistory::schema)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("rails", "public"),
                            org.assertj.core.groups.Tuple.tuple("supabase", "supabase_migrations"));
            MigrationHistory supabase = found.stream()
                    .filter(h -> h.tool().equals("supabase"))
                    .findFirst()
                    .orElseThrow();
            assertThat(supabase.entries())
                    .extracting(HistoryEntry::id, HistoryEntry::description, HistoryEntry::detail)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("20240101000000", "init", "1 statement"),
                            org.assertj.core.groups.Tuple.tuple("20240301000000", "orders", "2 statements"));
        }
    }

    @Test
    void statusFindsDrizzleAndSupabaseWithoutSchemaAndDiagnoseToo() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "read status extra schemas")) {
            db.execute(ToolTables.drizzle(Engine.POSTGRESQL));
            db.execute(ToolTables.supabase());
            db.execute(
                    "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('25a3620e', 1700000000000)",
                    "INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('20240101000000', 'init')");
            CliRun status = CliRun.on(db, "status", "--format", "json");
            assertThat(status.exitCode()).as(status.all()).isZero();
            assertThat(status.out())
                    .contains("\"drizzle\"", "__drizzle_migrations", "\"supabase\"", "supabase_migrations");
            CliRun diagnose = CliRun.on(db, "diagnose", "--format", "json");
            assertThat(diagnose.out())
                    .as(diagnose.all())
                    .contains("__drizzle_migrations", "supabase_migrations")
                    .doesNotContain("no migration history table in scope");
        }
    }

    @Test
    void historyTableOptionFindsARenamedFlywayTable() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "read history table option")) {
            db.execute(
                    "CREATE TABLE schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,"
                            + " type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL,"
                            + " installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL)",
                    "INSERT INTO schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', 1, 'ops', now(), 5, true),"
                            + " (2, '2', 'orders', 'SQL', 'V2__orders.sql', 2, 'ops', now(), 5, false)");
            assertThat(CliRun.on(db, "status").exitCode()).isZero(); // nothing under Flyway's default name
            CliRun renamed = CliRun.on(
                    db, "status", "--tool", "flyway", "--history-table", "schema_history", "--format", "json");
            assertThat(renamed.exitCode()).as(renamed.all()).isEqualTo(1);
            assertThat(renamed.out()).contains("schema_history");
            CliRun diagnose = CliRun.on(
                    db, "diagnose", "--tool", "flyway", "--history-table", "schema_history", "--format", "json");
            assertThat(diagnose.out()).as(diagnose.all()).contains("schema_history");
            CliRun withoutTool = CliRun.on(db, "status", "--history-table", "schema_history");
            assertThat(withoutTool.exitCode()).isEqualTo(2);
            assertThat(withoutTool.err()).contains("needs --tool");
        }
    }
}
