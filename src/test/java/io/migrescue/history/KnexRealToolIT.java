package io.migrescue.history;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.Plans;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real Knex 3.3 (npm registry) on both engines: it leaves a failed migration and, killed mid-run, a held lock; after
 * migrescue's releaseLock / recordApplied / recordRolledBack statements run (in one transaction, as the repair
 * engine runs them), {@code knex migrate:latest} goes on as if nothing had happened.
 */
class KnexRealToolIT {
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.now();
    private static final String KNEXFILE = """
            module.exports = {
              client: process.env.KNEX_CLIENT,
              connection: { host: process.env.DB_HOST, port: Number(process.env.DB_PORT), user: process.env.DB_USER,
                            password: process.env.DB_PASSWORD, database: process.env.DB_NAME },
              migrations: { directory: './migrations' },
            };
            """;
    private static final String USERS = """
            exports.up = (knex) => knex.schema.createTable('users', (t) => { t.increments(); t.string('email'); });
            exports.down = (knex) => knex.schema.dropTable('users');
            """;
    /** Outside a transaction (as for CREATE INDEX CONCURRENTLY), so a stop part way leaves its table on PostgreSQL too. */
    private static final String ORDERS = """
            exports.config = { transaction: false };
            exports.up = async (knex) => {
              await knex.schema.createTable('orders', (t) => { t.increments(); t.integer('user_id').unsigned(); });
              if (process.env.HANG) await new Promise((resolve) => setTimeout(resolve, 600000));
              await knex.raw('ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES %s (id)');
            };
            exports.down = (knex) => knex.schema.dropTable('orders');
            """;

    private static final String TAGS = """
            exports.up = (knex) => knex.schema.createTable('tags', (t) => { t.increments(); t.string('label'); });
            exports.down = (knex) => knex.schema.dropTable('tags');
            """;

    private static Path project(Path dir, String ordersReference) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("knexfile.js"), KNEXFILE);
        Files.writeString(dir.resolve("migrations/001_users.js"), USERS);
        Files.writeString(dir.resolve("migrations/002_orders.js"), ORDERS.formatted(ordersReference));
        return dir;
    }

    private static Map<String, String> env(ScratchDatabase db) {
        Map<String, String> env = new HashMap<>(NodeTools.connection(db));
        env.put("KNEX_CLIENT", db.engine() == Engine.POSTGRESQL ? "pg" : "mysql2");
        return env;
    }

    private static NodeTools.Result knex(Path dir, ScratchDatabase db, String... args) {
        return NodeTools.run(dir, env(db), RUN, NodeTools.script("knex", "bin/cli.js"), args);
    }

    private static MigrationFile migration(Path dir, String name) {
        return new MigrationFile(name, name, dir.resolve("migrations").resolve(name), "knex");
    }

    private static boolean tableExists(ScratchDatabase db, String table) throws Exception {
        return !rows(
                        db,
                        "SELECT 1 FROM information_schema.tables WHERE table_schema = '" + db.defaultSchema()
                                + "' AND table_name = '" + table + "'")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aKilledRunsLockAndItsUnrecordedMigrationAreRepairedAndKnexGoesOn(Engine engine, @TempDir Path tmp)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "real knex killed")) {
            Path dir = project(tmp, "users");
            killMidMigration(dir, db);

            MigrationHistory stuck = Plans.history(db, "knex");
            assertThat(stuck.entries()).extracting(HistoryEntry::id).containsExactly("001_users.js");
            assertThat(stuck.locked()).isTrue();
            assertThat(tableExists(db, "orders")).isTrue(); // 002's table is in, its foreign key is not, it has no row
            NodeTools.Result blocked = knex(dir, db, "migrate:latest");
            assertThat(blocked.exitCode()).as(blocked.output()).isNotZero();
            assertThat(blocked.output()).contains("Migration table is already locked");

            // finish 002 by hand (the repair's own steps would), then let migrescue free the lock and record 002
            db.execute("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)");
            Dialect d = Dialect.of(engine);
            List<BoundStatement> plan = new ArrayList<>(new KnexTool().releaseLock(d, stuck));
            plan.addAll(new KnexTool().recordApplied(d, stuck, migration(dir, "002_orders.js"), NOW, null));
            Plans.execute(db, plan);

            Files.writeString(dir.resolve("migrations/003_tags.js"), TAGS);
            NodeTools.Result latest = knex(dir, db, "migrate:latest");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(latest.output()).contains("Batch 3 run: 1 migrations");
            assertThat(rows(db, "SELECT name, batch, migration_time IS NOT NULL FROM knex_migrations ORDER BY id"))
                    .extracting(r -> r.subList(0, 2))
                    .containsExactly(
                            List.of("001_users.js", "1"), List.of("002_orders.js", "2"), List.of("003_tags.js", "3"));
            assertThat(rows(db, "SELECT is_locked FROM knex_migrations_lock")).containsExactly(List.of("0"));

            // 003 undone by hand: migrescue removes its row and Knex runs it again
            db.execute("DROP TABLE tags");
            Plans.execute(
                    db, new KnexTool().recordRolledBack(d, Plans.history(db, "knex"), "003_tags.js", List.of(), NOW));
            NodeTools.Result again = knex(dir, db, "migrate:latest");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("Batch 3 run: 1 migrations");
            assertThat(tableExists(db, "tags")).isTrue();
            assertThat(Plans.history(db, "knex").needsAttention()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aFailedMigrationCompletedByHandIsRecordedAndKnexGoesOn(Engine engine, @TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "real knex failed")) {
            Path dir = project(tmp, "no_such_table");
            NodeTools.Result failed = knex(dir, db, "migrate:latest");
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("migration file \"002_orders.js\" failed");
            MigrationHistory h = Plans.history(db, "knex");
            assertThat(h.entries()).extracting(HistoryEntry::id).containsExactly("001_users.js");
            assertThat(h.locked()).isFalse(); // Knex frees its lock when a migration fails
            NodeTools.Result rerun = knex(dir, db, "migrate:latest");
            assertThat(rerun.exitCode())
                    .as("orders is left behind: a plain rerun fails")
                    .isNotZero();

            db.execute("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)");
            Plans.execute(
                    db,
                    new KnexTool().recordApplied(Dialect.of(engine), h, migration(dir, "002_orders.js"), NOW, null));
            NodeTools.Result latest = knex(dir, db, "migrate:latest");
            assertThat(latest.exitCode()).as(latest.output()).isZero();
            assertThat(latest.output()).contains("Already up to date");
            NodeTools.Result list = knex(dir, db, "migrate:list");
            assertThat(list.output())
                    .as(list.output())
                    .contains("Found 2 Completed Migration file/files.", "No Pending Migration files Found.");
        }
    }

    /** Runs migrate:latest with 002 hanging after its CREATE TABLE, and kills node there, as a killed pod would be. */
    private static void killMidMigration(Path dir, ScratchDatabase db) throws Exception {
        Map<String, String> env = env(db);
        env.put("HANG", "1");
        Path log = dir.resolve("killed-run.log");
        Process run = NodeTools.start(dir, env, log, NodeTools.script("knex", "bin/cli.js"), "migrate:latest");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!tableExists(db, "orders")) {
                if (!run.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("knex did not reach 002's CREATE TABLE:\n" + NodeTools.read(log));
                }
                Thread.sleep(50);
            }
        } finally {
            run.destroyForcibly().waitFor();
        }
    }
}
