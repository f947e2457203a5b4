package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ToolTables;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each tool's history as the tool leaves it, found and read on real servers. */
class HistoryReadIT {

    private static List<MigrationHistory> read(ScratchDatabase db) throws Exception {
        try (DatabaseSession session = db.session()) {
            return HistoryReader.readAll(session, List.of(db.defaultSchema()), HistoryAdapters.all());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void flywayFailedMigrationLeftByRealFlyway(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "history flyway")) {
            String failure = FlywayRun.leaveFailedV2(db, dir);
            assertThat(failure).contains("V2__add_orders_and_unique_email.sql");

            List<MigrationHistory> found = read(db);
            assertThat(found).singleElement().satisfies(h -> {
                assertThat(h.tool()).isEqualTo("flyway");
                assertThat(h.table()).isEqualTo("flyway_schema_history");
                assertThat(h.latestApplied()).map(HistoryEntry::id).contains("1");
                assertThat(h.failed()).singleElement().satisfies(e -> {
                    assertThat(e.id()).isEqualTo("2");
                    assertThat(e.description()).isEqualTo("add orders and unique email");
                    assertThat(e.checksum()).isNotNull();
                    assertThat(e.appliedAt()).isNotNull();
                });
                assertThat(h.needsAttention()).isTrue();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void golangMigrateDirtyVersion(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "history golang")) {
            db.execute(
                    ToolTables.golangMigrate(engine),
                    "INSERT INTO schema_migrations (version, dirty) VALUES (20240115093000, true)");
            assertThat(read(db)).singleElement().satisfies(h -> {
                assertThat(h.tool()).isEqualTo("golang-migrate");
                assertThat(h.dirty()).isTrue();
                assertThat(h.dirtyEntries()).extracting(HistoryEntry::id).containsExactly("20240115093000");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void railsAndLaravelSideBySideAreBothFoundAndHealthy(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "history rails laravel")) {
            db.execute(ToolTables.rails(engine));
            db.execute(
                    ToolTables.laravel(engine),
                    "INSERT INTO schema_migrations (version) VALUES ('20240101000000'), ('20240202000000')",
                    "INSERT INTO migrations (migration, batch) VALUES ('2024_01_01_000000_create_users_table', 1),"
                            + " ('2024_03_01_000000_create_orders_table', 2)");
            List<MigrationHistory> found = read(db);
            assertThat(found).extracting(MigrationHistory::tool).containsExactlyInAnyOrder("rails", "laravel");
            assertThat(found).allSatisfy(h -> assertThat(h.needsAttention()).isFalse());
            MigrationHistory laravel = found.stream()
                    .filter(h -> h.tool().equals("laravel"))
                    .findFirst()
                    .orElseThrow();
            assertThat(laravel.latestApplied()).map(HistoryEntry::id).contains("2024_03_01_000000_create_orders_table");
            assertThat(laravel.entries().get(1).detail()).isEqualTo("batch 2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void prismaUnfinishedRowIsFailedAndRolledBackRowIsNot(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "history prisma")) {
            String now = engine == Engine.POSTGRESQL ? "now()" : "CURRENT_TIMESTAMP(3)";
            db.execute(
                    ToolTables.prisma(engine),
                    "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)"
                            + " VALUES ('0b1c0b1c-0000-4000-8000-000000000001', 'aa', " + now
                            + ", '20240101000000_init', " + now + ", 1)",
                    "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at)"
                            + " VALUES ('0b1c0b1c-0000-4000-8000-000000000002', 'bb', NULL, '20240201000000_try', 'x', "
                            + now + ", " + now + ")",
                    "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, started_at)"
                            + " VALUES ('0b1c0b1c-0000-4000-8000-000000000003', 'cc', NULL, '20240301000000_add_fk',"
                            + " 'Database error code: 23503', " + now + ")");
            assertThat(read(db)).singleElement().satisfies(h -> {
                assertThat(h.tool()).isEqualTo("prisma");
                assertThat(h.entries())
                        .extracting(HistoryEntry::state)
                        .containsExactly(EntryState.APPLIED, EntryState.ROLLED_BACK, EntryState.FAILED);
                assertThat(h.failed()).singleElement().satisfies(e -> {
                    assertThat(e.id()).isEqualTo("20240301000000_add_fk");
                    assertThat(e.detail()).contains("23503");
                });
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void liquibaseLockLeftByAKilledRun(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "history liquibase")) {
            String now = engine == Engine.POSTGRESQL ? "now()" : "NOW()";
            db.execute(ToolTables.liquibase(engine));
            db.execute(
                    "INSERT INTO DATABASECHANGELOGLOCK (ID, LOCKED, LOCKGRANTED, LOCKEDBY) VALUES (1, TRUE, " + now
                            + ", 'api-7f9c-pod (10.1.2.3)')",
                    "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION)"
                            + " VALUES ('1', 'ops', 'db/changelog.xml', " + now
                            + ", 1, 'EXECUTED', '9:abc', 'createTable tableName=users')");
            assertThat(read(db)).singleElement().satisfies(h -> {
                assertThat(h.tool()).isEqualTo("liquibase");
                assertThat(h.locked()).isTrue();
                assertThat(h.lock().holder()).isEqualTo("api-7f9c-pod (10.1.2.3)");
                assertThat(h.lock().since()).isNotNull();
                assertThat(h.entries())
                        .singleElement()
                        .satisfies(e -> assertThat(e.id()).isEqualTo("1::ops::db/changelog.xml"));
            });
            db.execute(
                    "UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1");
            assertThat(read(db))
                    .singleElement()
                    .satisfies(h -> assertThat(h.locked()).isFalse());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void historyInAnotherSchemaIsFoundOnlyWhenThatSchemaIsInScope(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "history scope");
                ScratchDatabase other =
                        engine == Engine.POSTGRESQL ? null : ScratchDatabase.create(engine, "history scope other")) {
            String otherSchema;
            if (engine == Engine.POSTGRESQL) {
                otherSchema = "ops";
                db.execute(
                        "CREATE SCHEMA ops",
                        ToolTables.golangMigrate(engine).replace("\"schema_migrations\"", "ops.schema_migrations"),
                        "INSERT INTO ops.schema_migrations VALUES (7, false)");
            } else {
                otherSchema = other.name();
                other.execute(ToolTables.golangMigrate(engine), "INSERT INTO schema_migrations VALUES (7, false)");
            }
            assertThat(read(db)).isEmpty();
            try (DatabaseSession session = db.session()) {
                List<MigrationHistory> found =
                        HistoryReader.readAll(session, List.of(db.defaultSchema(), otherSchema), HistoryAdapters.all());
                assertThat(found).singleElement().satisfies(h -> {
                    assertThat(h.schema()).isEqualTo(otherSchema);
                    assertThat(h.latestApplied()).map(HistoryEntry::id).contains("7");
                });
            }
        }
    }
}
