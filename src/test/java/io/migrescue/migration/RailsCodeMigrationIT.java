package io.migrescue.migration;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
import io.migrescue.testing.CodeMigrationRescue;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.RubyTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real ActiveRecord (Debian's ruby-activerecord): on MariaDB a {@code change} migration's create_table (with
 * {@code t.references … foreign_key: true} and {@code t.timestamps}) goes in, its {@code add_index … unique: true}
 * meets duplicate e-mails and schema_migrations records nothing; migrescue finishes it from the Ruby and records it,
 * and ActiveRecord's next migrate goes on to the schema it makes from scratch. On PostgreSQL the same failure happens
 * inside ActiveRecord's transaction: nothing is half-applied, and migrescue says so and names the duplicate.
 */
class RailsCodeMigrationIT {
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final String USERS = """
            class CreateUsers < ActiveRecord::Migration[6.1]
              def change
                create_table :users do |t|
                  t.string :email, null: false

                  t.timestamps
                end
              end
            end
            """;
    private static final String ORDERS = """
            class CreateOrders < ActiveRecord::Migration[6.1]
              def change
                create_table :orders do |t|
                  t.references :user, null: false, foreign_key: true
                  t.decimal :total, precision: 10, scale: 2, null: false, default: 0

                  t.timestamps
                end
                add_index :users, :email, unique: true
                add_column :orders, :note, :string, limit: 200
              end
            end
            """;
    private static final String TAGS = """
            class CreateTags < ActiveRecord::Migration[6.1]
              def change
                create_table :tags do |t|
                  t.string :label
                end
              end
            end
            """;

    /** A NOT NULL column without a default, added to a table that has rows. */
    private static final String PLAN = """
            class AddPlanToUsers < ActiveRecord::Migration[6.1]
              def change
                add_column :users, :plan, :string, limit: 20, null: false
              end
            end
            """;

    private static Path migrations(Path dir) throws Exception {
        Path db = Files.createDirectories(dir.resolve("db/migrate"));
        Files.writeString(db.resolve("20240101000001_create_users.rb"), USERS);
        return db;
    }

    private static void usersWithADuplicate(ScratchDatabase db) throws Exception {
        String now = db.engine() == Engine.POSTGRESQL ? "now()" : "NOW()";
        db.execute("INSERT INTO users (email, created_at, updated_at) VALUES ('ana@example.com', " + now + ", " + now
                + ")," + " ('budi@example.com', " + now + ", " + now + "), ('ana@example.com', " + now + ", " + now
                + ")");
    }

    @Test
    void aHalfAppliedActiveRecordMigrationOnMariaDbIsFinishedAndActiveRecordGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "rails code half");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "rails code clean")) {
            Path migrations = migrations(tmp.resolve("app"));
            NodeTools.Result first = RubyTools.migrate(db, migrations, RUN);
            assertThat(first.exitCode()).as(first.output()).isZero();
            usersWithADuplicate(db);
            Files.writeString(migrations.resolve("20240101000002_create_orders.rb"), ORDERS);
            NodeTools.Result failed = RubyTools.migrate(db, migrations, RUN);
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("Duplicate entry");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());

            JsonNode migration =
                    CodeMigrationRescue.failedMigration(CodeMigrationRescue.diagnose(db, errorFile, migrations));
            assertThat(migration.path("tool").asText()).isEqualTo("rails");
            assertThat(migration.path("id").asText()).isEqualTo("20240101000002");
            assertThat(CodeMigrationRescue.states(migration)).containsExactly("applied", "failed", "not-applied");
            assertThat(migration.path("statements").get(1).path("sql").asText())
                    .isEqualTo("CREATE UNIQUE INDEX `index_users_on_email` ON `users` (`email`)");
            assertThat(migration.path("statements").get(1).path("line").asInt()).isEqualTo(9);

            db.execute("UPDATE users SET email = 'ana.2@example.com' WHERE id = 3");
            CodeMigrationRescue.repair(db, tmp.resolve("backup"), "complete-partial-migration", errorFile, migrations);

            Files.writeString(migrations.resolve("20240101000003_create_tags.rb"), TAGS);
            NodeTools.Result next = RubyTools.migrate(db, migrations, RUN);
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(next.output()).contains("CreateTags: migrated").doesNotContain("CreateOrders: migrating");
            assertThat(rows(db, "SELECT version FROM schema_migrations ORDER BY version"))
                    .containsExactly(List.of("20240101000001"), List.of("20240101000002"), List.of("20240101000003"));

            assertThat(RubyTools.migrate(clean, migrations, RUN).exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT id, email FROM users ORDER BY id"))
                    .containsExactly(
                            List.of("1", "ana@example.com"),
                            List.of("2", "budi@example.com"),
                            List.of("3", "ana.2@example.com"));
        }
    }

    @Test
    void aHalfAppliedActiveRecordMigrationIsRevertedAndActiveRecordRunsItAgain(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "rails code revert");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "rails code revert clean")) {
            Path migrations = migrations(tmp.resolve("app"));
            assertThat(RubyTools.migrate(db, migrations, RUN).exitCode()).isZero();
            usersWithADuplicate(db);
            Files.writeString(migrations.resolve("20240101000002_create_orders.rb"), ORDERS);
            NodeTools.Result failed = RubyTools.migrate(db, migrations, RUN);
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());
            NodeTools.Result blocked = RubyTools.migrate(db, migrations, RUN);
            assertThat(blocked.output())
                    .as("orders is left behind: a plain rerun fails")
                    .contains("already exists");

            CodeMigrationRescue.repair(
                    db, tmp.resolve("backup"), "revert-partial-migration", errorFile, migrations, "undoTables=yes");
            assertThat(
                            rows(
                                    db,
                                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'orders'"))
                    .containsExactly(List.of("0"));

            db.execute("UPDATE users SET email = 'ana.2@example.com' WHERE id = 3");
            NodeTools.Result again = RubyTools.migrate(db, migrations, RUN);
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("CreateOrders: migrated");
            assertThat(RubyTools.migrate(clean, migrations, RUN).exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT COUNT(*) FROM users")).containsExactly(List.of("3"));
        }
    }

    @Test
    void onPostgresqlTheFailedMigrationLeftNothingAndMigrescueNamesTheDuplicate(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "rails code pg")) {
            Path migrations = migrations(tmp.resolve("app"));
            assertThat(RubyTools.migrate(db, migrations, RUN).exitCode()).isZero();
            usersWithADuplicate(db);
            Files.writeString(migrations.resolve("20240101000002_create_orders.rb"), ORDERS);
            NodeTools.Result failed = RubyTools.migrate(db, migrations, RUN);
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, migrations);
            assertThat(CodeMigrationRescue.kinds(diagnosis)).first().isEqualTo("DUPLICATE_ROWS");
            assertThat(diagnosis.at("/findings/0/summary").asText()).contains("index_users_on_email");
            JsonNode migration = CodeMigrationRescue.failedMigration(diagnosis);
            assertThat(migration.path("id").asText()).isEqualTo("20240101000002");
            // PostgreSQL: create_table, its index, the unique index, add_column; the transaction took the first two
            // back
            assertThat(CodeMigrationRescue.states(migration))
                    .containsExactly("not-applied", "not-applied", "failed", "not-applied");
            assertThat(migration.at("/statements/0/reason").asText())
                    .contains("rolled back with the failed transaction");

            db.execute("UPDATE users SET email = 'ana.2@example.com' WHERE id = 3");
            NodeTools.Result again = RubyTools.migrate(db, migrations, RUN);
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(rows(db, "SELECT COUNT(*) FROM users")).containsExactly(List.of("3"));
        }
    }

    @Test
    void aNotNullColumnOverRowsIsFilledOnPostgresqlAndActiveRecordGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "rails code not null");
                ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "rails code not null clean")) {
            Path migrations = migrations(tmp.resolve("app"));
            assertThat(RubyTools.migrate(db, migrations, RUN).exitCode()).isZero();
            db.execute("INSERT INTO users (email, created_at, updated_at) VALUES ('ana@example.com', now(), now()),"
                    + " ('budi@example.com', now(), now())");
            Files.writeString(migrations.resolve("20240101000002_add_plan_to_users.rb"), PLAN);
            NodeTools.Result failed = RubyTools.migrate(db, migrations, RUN);
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            assertThat(failed.output()).contains("contains null values");
            Path errorFile = Files.writeString(tmp.resolve("deploy.log"), failed.output());

            JsonNode diagnosis = CodeMigrationRescue.diagnose(db, errorFile, migrations);
            assertThat(CodeMigrationRescue.kinds(diagnosis)).first().isEqualTo("NULL_VALUES");
            assertThat(diagnosis.toString()).contains("2 row(s) of users would be NULL in the new column plan");

            CodeMigrationRescue.repair(
                    db, tmp.resolve("backup"), "fill-null-values", errorFile, migrations, "value=free");
            assertThat(rows(db, "SELECT version FROM schema_migrations ORDER BY version"))
                    .containsExactly(List.of("20240101000001"), List.of("20240101000002"));
            NodeTools.Result next = RubyTools.migrate(db, migrations, RUN);
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(next.output()).doesNotContain("AddPlanToUsers: migrating");
            assertThat(RubyTools.migrate(clean, migrations, RUN).exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT email, plan FROM users ORDER BY id"))
                    .containsExactly(List.of("ana@example.com", "free"), List.of("budi@example.com", "free"));
        }
    }

    /**
     * Finished by hand: the duplicate fixed, the unique index and the note column added by hand; schema_migrations has
     * no row and ActiveRecord would create orders again. Without the error text, diagnose finds the migration in effect
     * but not recorded, the recommended repair records it as ActiveRecord would, and ActiveRecord goes on.
     */
    @Test
    void aMigrationFinishedByHandIsRecordedAndActiveRecordGoesOn(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "rails by hand");
                ScratchDatabase clean = ScratchDatabase.create(Engine.MARIADB, "rails by hand clean")) {
            Path migrations = migrations(tmp.resolve("app"));
            assertThat(RubyTools.migrate(db, migrations, RUN).exitCode()).isZero();
            usersWithADuplicate(db);
            Files.writeString(migrations.resolve("20240101000002_create_orders.rb"), ORDERS);
            NodeTools.Result failed = RubyTools.migrate(db, migrations, RUN);
            assertThat(failed.exitCode()).as(failed.output()).isNotZero();
            db.execute(
                    "UPDATE users SET email = 'ana.2@example.com' WHERE id = 3",
                    "CREATE UNIQUE INDEX `index_users_on_email` ON `users` (`email`)",
                    "ALTER TABLE `orders` ADD `note` varchar(200)");

            io.migrescue.testing.CliRun diagnose =
                    io.migrescue.testing.CliRun.on(db, "diagnose", "--migrations", migrations.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("20240101000002").contains("in effect but not recorded");
            io.migrescue.testing.CliRun repair = io.migrescue.testing.CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    migrations.toString(),
                    "--backup-dir",
                    tmp.resolve("backup").toString(),
                    "--yes");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(rows(db, "SELECT version FROM schema_migrations ORDER BY version"))
                    .containsExactly(List.of("20240101000001"), List.of("20240101000002"));

            Files.writeString(migrations.resolve("20240101000003_create_tags.rb"), TAGS);
            NodeTools.Result next = RubyTools.migrate(db, migrations, RUN);
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(next.output()).contains("CreateTags: migrated").doesNotContain("CreateOrders: migrating");
            assertThat(RubyTools.migrate(clean, migrations, RUN).exitCode()).isZero();
            CodeMigrationRescue.assertSameSchema(clean, db);
            assertThat(rows(db, "SELECT COUNT(*) FROM users")).containsExactly(List.of("3"));
        }
    }
}
