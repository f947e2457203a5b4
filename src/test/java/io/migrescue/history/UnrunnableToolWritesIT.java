package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.MigrationFiles;
import io.migrescue.testing.Plans;
import io.migrescue.testing.ScratchDatabase;
import io.migrescue.testing.ToolTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writers of the tools that cannot run here (Prisma, golang-migrate, Laravel, Rails), applied to their tables as
 * the tools create them (ToolTables), on real servers: the rows are exactly what the tool itself writes, and migrescue
 * reads the history back as healthy. Which tool version each follows is named on its writer.
 */
class UnrunnableToolWritesIT {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

    private static String now(Engine engine) {
        return engine == Engine.POSTGRESQL ? "now()" : "CURRENT_TIMESTAMP(3)";
    }

    // --- Prisma 5/6

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void prismaResolveAppliedAndRolledBack(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes prisma")) {
            String failedName = "20240301000000_add_fk";
            Path sql = dir.resolve(failedName).resolve("migration.sql");
            Files.createDirectories(sql.getParent());
            Files.writeString(
                    sql,
                    "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_user_fk\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\");\n");
            // what migrate deploy leaves: an applied migration, then one failed at its first step (P3009 from now on)
            db.execute(
                    ToolTables.prisma(engine),
                    "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)"
                            + " VALUES ('11111111-1111-4111-8111-111111111111', 'aa', " + now(engine)
                            + ", '20240101000000_init', NULL, "
                            + now(engine) + ", 1)",
                    "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count)"
                            + " VALUES ('22222222-2222-4222-8222-222222222222', 'bb', '" + failedName
                            + "', 'Database error code: 23503', "
                            + now(engine) + ", 0)");
            MigrationFile file = MigrationFiles.find(MigrationDirectories.list(dir), failedName)
                    .orElseThrow();
            PrismaTool writer = new PrismaTool();
            Plans.execute(db, writer.recordApplied(Dialect.of(engine), Plans.history(db, "prisma"), file, NOW, null));

            // started_at/finished_at/rolled_back_at as UTC text on both engines, to the millisecond
            String utc =
                    engine == Engine.POSTGRESQL ? "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')" : "%s";
            List<List<String>> rows = Plans.rows(
                    db,
                    "SELECT id, checksum, " + utc.formatted("finished_at") + ", migration_name, logs, "
                            + utc.formatted("rolled_back_at") + ", " + utc.formatted("started_at")
                            + ", applied_steps_count FROM _prisma_migrations"
                            + " WHERE migration_name = '" + failedName + "' ORDER BY rolled_back_at IS NULL");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0))
                    .containsExactly(
                            "22222222-2222-4222-8222-222222222222",
                            "bb",
                            null,
                            failedName,
                            "Database error code: 23503",
                            "2026-03-01 10:15:30.123",
                            rows.get(0).get(6),
                            "0");
            assertThat(UUID.fromString(rows.get(1).get(0)).version()).isEqualTo(4);
            assertThat(rows.get(1).subList(1, 8))
                    .containsExactly(
                            PrismaTool.checksum(sql),
                            "2026-03-01 10:15:30.123",
                            failedName,
                            "",
                            null,
                            "2026-03-01 10:15:30.123",
                            "0");
            MigrationHistory after = Plans.history(db, "prisma");
            assertThat(after.needsAttention()).isFalse(); // nothing unfinished and not rolled back: deploy goes on
            assertThat(after.entries())
                    .extracting(HistoryEntry::state)
                    .containsExactlyInAnyOrder(EntryState.APPLIED, EntryState.ROLLED_BACK, EntryState.APPLIED);

            // the same failure, resolved the other way: --rolled-back
            db.execute(
                    "DELETE FROM _prisma_migrations WHERE migration_name = '" + failedName
                            + "' AND finished_at IS NOT NULL",
                    "UPDATE _prisma_migrations SET rolled_back_at = NULL");
            Plans.execute(
                    db,
                    writer.recordRolledBack(
                            Dialect.of(engine), Plans.history(db, "prisma"), failedName, List.of(), NOW));
            assertThat(Plans.rows(
                            db,
                            "SELECT " + utc.formatted("rolled_back_at")
                                    + ", finished_at FROM _prisma_migrations WHERE migration_name = '" + failedName
                                    + "'"))
                    .containsExactly(java.util.Arrays.asList("2026-03-01 10:15:30.123", null));
            assertThat(Plans.history(db, "prisma").needsAttention()).isFalse();
        }
    }

    // --- golang-migrate v4

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void golangMigrateForceAndBackToThePreviousVersion(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes golang")) {
            for (String f : List.of("20240101000000_users", "20240115093000_orders", "20240201000000_index")) {
                Files.writeString(dir.resolve(f + ".up.sql"), "SELECT 1;\n");
                Files.writeString(dir.resolve(f + ".down.sql"), "SELECT 1;\n");
            }
            List<MigrationFile> files = MigrationDirectories.list(dir);
            Dialect dialect = Dialect.of(engine);
            GolangMigrateTool writer = new GolangMigrateTool();
            String dirty = "INSERT INTO schema_migrations (version, dirty) VALUES (20240115093000, true)";
            String select = "SELECT version, dirty FROM schema_migrations ORDER BY version";
            String clean = engine == Engine.POSTGRESQL ? "f" : "0";
            db.execute(ToolTables.golangMigrate(engine), dirty);

            Plans.execute(db, writer.clearDirty(dialect, Plans.history(db, "golang-migrate"), "20240115093000"));
            assertThat(Plans.rows(db, select)).containsExactly(List.of("20240115093000", clean));

            db.execute("DELETE FROM schema_migrations", dirty);
            Plans.execute(
                    db,
                    writer.recordRolledBack(
                            dialect, Plans.history(db, "golang-migrate"), "20240115093000", files, NOW));
            assertThat(Plans.rows(db, select))
                    .containsExactly(List.of("20240101000000", clean)); // a version with files: up works

            db.execute(
                    "DELETE FROM schema_migrations",
                    "INSERT INTO schema_migrations (version, dirty) VALUES (20240101000000, true)");
            MigrationHistory first = Plans.history(db, "golang-migrate");
            Plans.execute(db, writer.recordRolledBack(dialect, first, "20240101000000", files, NOW));
            assertThat(Plans.rows(db, select)).isEmpty(); // force -1: nothing applied, up starts from the first file

            Plans.execute(
                    db, writer.recordApplied(dialect, Plans.history(db, "golang-migrate"), files.get(2), NOW, null));
            assertThat(Plans.rows(db, select)).containsExactly(List.of("20240201000000", clean));
            assertThat(Plans.history(db, "golang-migrate").needsAttention()).isFalse();
        }
    }

    // --- Laravel 11 and Rails 7.1

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void laravelRecordsTheMigrationInANewBatchAndRemovesIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes laravel")) {
            db.execute(
                    ToolTables.laravel(engine),
                    "INSERT INTO migrations (migration, batch) VALUES"
                            + " ('2024_01_01_000000_create_users_table', 1), ('2024_02_01_000000_create_posts_table', 2)");
            String orders = "2024_03_01_000000_create_orders_table";
            Path php = dir.resolve(orders + ".php");
            Files.writeString(php, "<?php\n");
            LaravelTool writer = new LaravelTool();
            Plans.execute(
                    db,
                    writer.recordApplied(
                            Dialect.of(engine),
                            Plans.history(db, "laravel"),
                            new MigrationFile(orders, orders, php, "laravel"),
                            NOW,
                            null));
            assertThat(Plans.rows(db, "SELECT id, migration, batch FROM migrations ORDER BY id"))
                    .last()
                    .isEqualTo(List.of("3", orders, "3"));
            Plans.execute(
                    db,
                    writer.recordRolledBack(Dialect.of(engine), Plans.history(db, "laravel"), orders, List.of(), NOW));
            assertThat(Plans.rows(db, "SELECT migration FROM migrations ORDER BY id"))
                    .extracting(r -> r.get(0))
                    .containsExactly("2024_01_01_000000_create_users_table", "2024_02_01_000000_create_posts_table");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void railsRecordsTheVersionAndRemovesIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes rails")) {
            db.execute(ToolTables.rails(engine));
            db.execute("INSERT INTO schema_migrations (version) VALUES ('20240101000000')");
            Path rb = dir.resolve("20240202000000_add_orders.rb");
            Files.writeString(rb, "class AddOrders < ActiveRecord::Migration[7.1]\nend\n");
            RailsTool writer = new RailsTool();
            List<BoundStatement> plan = writer.recordApplied(
                    Dialect.of(engine),
                    Plans.history(db, "rails"),
                    new MigrationFile("20240202000000", "add_orders", rb, "rails"),
                    NOW,
                    null);
            Plans.execute(db, plan);
            assertThat(Plans.rows(db, "SELECT version FROM schema_migrations ORDER BY version"))
                    .extracting(r -> r.get(0))
                    .containsExactly("20240101000000", "20240202000000");
            Plans.execute(
                    db,
                    writer.recordRolledBack(
                            Dialect.of(engine), Plans.history(db, "rails"), "20240202000000", List.of(), NOW));
            assertThat(Plans.rows(db, "SELECT version FROM schema_migrations"))
                    .extracting(r -> r.get(0))
                    .containsExactly("20240101000000");
        }
    }

    // --- timestamps mean one instant whatever the session's time zone

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void timestampsAreTheSameInstantInASessionFarFromUtc(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "writes timestamps")) {
            Dialect d = Dialect.of(engine);
            Timestamps.Value clock = Timestamps.databaseClock(d, NOW);
            Timestamps.Value utc = Timestamps.utc(d, NOW);
            if (engine == Engine.POSTGRESQL) {
                db.execute("CREATE TABLE t (local_ts timestamp(3), tz timestamptz(3), utc_tz timestamptz(3))");
                Plans.execute(
                        db,
                        List.of(BoundStatement.of(
                                "INSERT INTO t VALUES (" + clock.sql() + ", " + clock.sql() + ", " + utc.sql() + ")",
                                clock.param(),
                                clock.param(),
                                utc.param())),
                        "SET TIME ZONE 'Asia/Kathmandu'");
                // a timestamp column holds the session's wall clock, as now() would write it there: 10:15:30.123 UTC is
                // 16:00:30.123 NPT
                assertThat(Plans.rows(
                                db,
                                "SELECT local_ts::text, extract(epoch FROM tz)::numeric(14,3)::text,"
                                        + " extract(epoch FROM utc_tz)::numeric(14,3)::text FROM t"))
                        .containsExactly(List.of("2026-03-01 16:00:30.123", "1772360130.123", "1772360130.123"));
            } else {
                db.execute("CREATE TABLE t (ts TIMESTAMP(3) NULL, local_dt DATETIME(3), utc_dt DATETIME(3))");
                Plans.execute(
                        db,
                        List.of(BoundStatement.of(
                                "INSERT INTO t VALUES (" + clock.sql() + ", " + clock.sql() + ", " + utc.sql() + ")",
                                clock.param(),
                                clock.param(),
                                utc.param())),
                        "SET time_zone = '+05:45'");
                assertThat(Plans.rows(db, "SELECT UNIX_TIMESTAMP(ts), local_dt, utc_dt FROM t"))
                        .containsExactly(
                                List.of("1772360130.123", "2026-03-01 16:00:30.123", "2026-03-01 10:15:30.123"));
            }
        }
    }
}
