package io.migrescue.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.NodeTools;
import io.migrescue.testing.PythonTools;
import io.migrescue.testing.RubyTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No false alarm: 32 pending SQL migrations of the shapes real projects write (new tables and keys, backfills before a
 * NOT NULL or a unique index, renames, views, IF [NOT] EXISTS, later migrations using what earlier pending ones make),
 * and code migrations as Knex (9), Alembic (8) and ActiveRecord (5) projects write them (schema builder, operations,
 * a CHECK the rows pass, a wider type, a concurrent index outside the transaction), each on both engines, on a
 * database with rows. Preflight finds nothing and changes nothing (the fingerprint after each run is the one before);
 * the real tool then applies every one of them, which proves they were clean.
 */
class PreflightCleanCorpusIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void cleanPendingMigrationsFindNothing(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "preflight clean corpus")) {
            Path migrations = dir.resolve("migrations");
            assertThat(FlywayRun.flyway(db, migrations, Map.of("V1__base.sql", """
                    CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200), legacy_flag INT);
                    CREATE TABLE products (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, price NUMERIC(10,2));
                    CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, created_at TIMESTAMP NULL);
                    INSERT INTO users VALUES (1, 'ana@example.com', 0), (2, 'budi@example.com', 1), (3, NULL, 0);
                    INSERT INTO products VALUES (1, 'Book', 10.00), (2, 'Game', 40.00);
                    INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 2), (12, 1);
                    """))
                            .migrate()
                            .success)
                    .isTrue();
            Map<String, String> pending = corpus(engine == Engine.POSTGRESQL);
            for (Map.Entry<String, String> m : pending.entrySet()) {
                Files.writeString(migrations.resolve(m.getKey()), m.getValue());
            }
            assertThat(pending).hasSizeGreaterThanOrEqualTo(30);

            Fingerprint before = Fingerprint.of(db);
            CliRun run = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.at("/pending").size()).isEqualTo(pending.size());
            assertThat(report.at("/findings")).as(run.out()).isEmpty();
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            MigrateResult deploy = FlywayRun.flyway(db, migrations, Map.of()).migrate();
            assertThat(deploy.success).isTrue();
            assertThat(deploy.migrationsExecuted).isEqualTo(pending.size());
        }
    }

    /**
     * Code migrations, as real projects write them with Knex's schema builder and Alembic's operations: preflight reads
     * them, finds nothing and changes nothing; the tool itself then applies every one.
     */
    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void cleanKnexMigrationsFindNothing(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "preflight clean knex")) {
            Path app = dir.resolve("app");
            Path migrations = app.resolve("migrations");
            Files.createDirectories(migrations);
            Files.writeString(app.resolve("knexfile.js"), KNEXFILE);
            Files.writeString(migrations.resolve("001_base.js"), KNEX_BASE);
            assertThat(knex(app, db).exitCode()).isZero();
            db.execute(
                    "INSERT INTO users (email, legacy) VALUES ('ana@example.com', 1), ('budi@example.com', 0)",
                    "INSERT INTO products (title, price) VALUES ('Book', 10), ('Game', 40)");
            Map<String, String> pending = knexCorpus(engine == Engine.POSTGRESQL);
            for (Map.Entry<String, String> m : pending.entrySet()) {
                Files.writeString(migrations.resolve(m.getKey()), m.getValue());
            }
            assertClean(db, migrations, pending.size());
            NodeTools.Result deploy = knex(app, db);
            assertThat(deploy.exitCode()).as(deploy.output()).isZero();
            assertThat(deploy.output()).contains("Batch 2 run: " + pending.size() + " migrations");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void cleanAlembicMigrationsFindNothing(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "preflight clean alembic")) {
            Path project = PythonTools.alembicProject(dir.resolve("app"));
            revision(project, "a0", null, "base", ALEMBIC_BASE);
            PythonTools.Result base = PythonTools.run(project, db, "-m", "alembic", "upgrade", "head");
            assertThat(base.exitCode()).as(base.output()).isZero();
            db.execute(
                    "INSERT INTO authors (id, name) VALUES (1, 'Ana'), (2, 'Budi')",
                    "INSERT INTO books (id, title, pages, author_id) VALUES (10, 'One', 120, 1), (11, 'Two', 300, 2), (12, 'Three', 80, NULL)");
            String[][] revisions = {
                {"a1", "publishers", """
                        def upgrade() -> None:
                            op.create_table(
                                "publishers",
                                sa.Column("id", sa.Integer(), nullable=False),
                                sa.Column("name", sa.String(length=100), nullable=False),
                                sa.PrimaryKeyConstraint("id"),
                                sa.UniqueConstraint("name", name="uq_publishers_name"),
                            )
                        """},
                {"a2", "book publisher", """
                        def upgrade() -> None:
                            op.add_column("books", sa.Column("publisher_id", sa.Integer(), nullable=True))
                            op.create_foreign_key("fk_books_publisher", "books", "publishers", ["publisher_id"], ["id"])
                            op.create_index(op.f("ix_books_publisher_id"), "books", ["publisher_id"], unique=False)
                        """},
                {"a3", "book author fk", """
                        def upgrade() -> None:
                            op.create_foreign_key("fk_books_author", "books", "authors", ["author_id"], ["id"])
                        """},
                {"a4", "pages check", """
                        def upgrade() -> None:
                            op.create_check_constraint("ck_books_pages", "books", "pages > 0")
                        """},
                {"a5", "longer titles", """
                        def upgrade() -> None:
                            op.alter_column("books", "title", existing_type=sa.String(length=100), type_=sa.String(length=200),
                                            existing_nullable=False)
                        """},
                {"a6", "isbn", """
                        def upgrade() -> None:
                            op.add_column("books", sa.Column("isbn", sa.String(length=20), nullable=True))
                            op.execute("UPDATE books SET isbn = CONCAT('isbn-', id)")
                            op.create_index("ix_books_isbn", "books", ["isbn"], unique=True)
                        """},
                {"a7", "author bio", """
                        def upgrade() -> None:
                            op.add_column("authors", sa.Column("bio", sa.Text(), nullable=True))
                            op.alter_column("authors", "name", existing_type=sa.String(length=100), nullable=False)
                        """},
                {"a8", "reviews", """
                        def upgrade() -> None:
                            op.create_table(
                                "reviews",
                                sa.Column("id", sa.Integer(), nullable=False),
                                sa.Column("book_id", sa.Integer(), nullable=False),
                                sa.Column("stars", sa.SmallInteger(), nullable=False, server_default="3"),
                                sa.ForeignKeyConstraint(["book_id"], ["books.id"], name="fk_reviews_book"),
                                sa.PrimaryKeyConstraint("id"),
                                sa.CheckConstraint("stars BETWEEN 1 AND 5", name="ck_reviews_stars"),
                            )
                        """},
            };
            String parent = "a0";
            for (String[] r : revisions) {
                revision(project, r[0], parent, r[1], r[2] + "\n\ndef downgrade() -> None:\n    pass\n");
                parent = r[0];
            }
            assertClean(db, project.resolve("migrations/versions"), revisions.length);
            PythonTools.Result deploy = PythonTools.run(project, db, "-m", "alembic", "upgrade", "head");
            assertThat(deploy.exitCode()).as(deploy.output()).isZero();
            assertThat(io.migrescue.testing.Plans.rows(db, "SELECT version_num FROM alembic_version"))
                    .containsExactly(List.of("a8"));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void cleanActiveRecordMigrationsFindNothing(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "preflight clean rails")) {
            Path migrations = Files.createDirectories(dir.resolve("app/db/migrate"));
            Files.writeString(migrations.resolve("20240101000001_create_users.rb"), """
                    class CreateUsers < ActiveRecord::Migration[6.1]
                      def change
                        create_table :users do |t|
                          t.string :email
                          t.string :name, limit: 100
                          t.timestamps
                        end
                      end
                    end
                    """);
            NodeTools.Result base = RubyTools.migrate(db, migrations, Duration.ofSeconds(120));
            assertThat(base.exitCode()).as(base.output()).isZero();
            String now = engine == Engine.POSTGRESQL ? "now()" : "NOW()";
            db.execute("INSERT INTO users (email, name, created_at, updated_at) VALUES ('ana@example.com', 'Ana', "
                    + now + ", " + now + "), ('budi@example.com', NULL, " + now + ", " + now + ")");
            Map<String, String> pending = new LinkedHashMap<>();
            pending.put("20240101000002_create_projects.rb", """
                    class CreateProjects < ActiveRecord::Migration[6.1]
                      def change
                        create_table :projects do |t|
                          t.references :user, null: false, foreign_key: true
                          t.string :title, null: false
                          t.decimal :budget, precision: 10, scale: 2, default: 0
                          t.timestamps
                        end
                      end
                    end
                    """);
            pending.put("20240101000003_add_index_to_users_email.rb", """
                    class AddIndexToUsersEmail < ActiveRecord::Migration[6.1]
                      def change
                        add_index :users, :email, unique: true
                      end
                    end
                    """);
            pending.put("20240101000004_add_role_to_users.rb", """
                    class AddRoleToUsers < ActiveRecord::Migration[6.1]
                      def change
                        add_column :users, :role, :string, limit: 20, null: false, default: "member"
                      end
                    end
                    """);
            pending.put("20240101000005_rename_users_name.rb", """
                    class RenameUsersName < ActiveRecord::Migration[6.1]
                      def change
                        rename_column :users, :name, :full_name
                      end
                    end
                    """);
            pending.put("20240101000006_create_tasks.rb", """
                    class CreateTasks < ActiveRecord::Migration[6.1]
                      def change
                        create_table :tasks do |t|
                          t.references :project, null: false, foreign_key: true
                          t.string :title, null: false
                          t.boolean :done, null: false, default: false
                          t.timestamps
                        end
                        add_index :tasks, [:project_id, :done]
                      end
                    end
                    """);
            for (Map.Entry<String, String> m : pending.entrySet()) {
                Files.writeString(migrations.resolve(m.getKey()), m.getValue());
            }
            assertClean(db, migrations, pending.size());
            NodeTools.Result deploy = RubyTools.migrate(db, migrations, Duration.ofSeconds(120));
            assertThat(deploy.exitCode()).as(deploy.output()).isZero();
            assertThat(io.migrescue.testing.Plans.rows(db, "SELECT count(*) FROM schema_migrations"))
                    .containsExactly(List.of(Integer.toString(pending.size() + 1)));
        }
    }

    /** Preflight over the pending migrations: exit 0, every one pending, no finding, the database as it was. */
    private static void assertClean(ScratchDatabase db, Path migrations, int pending) throws Exception {
        Fingerprint before = Fingerprint.of(db);
        CliRun run = CliRun.on(db, "preflight", "--migrations", migrations.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/pending").size()).as(run.out()).isEqualTo(pending);
        assertThat(report.at("/findings")).as(run.out()).isEmpty();
        assertThat(Fingerprint.of(db)).isEqualTo(before);
    }

    private static final String KNEXFILE = """
            module.exports = {
              client: process.env.KNEX_CLIENT,
              connection: { host: process.env.DB_HOST, port: Number(process.env.DB_PORT), user: process.env.DB_USER,
                            password: process.env.DB_PASSWORD, database: process.env.DB_NAME },
              migrations: { directory: './migrations' },
            };
            """;
    private static final String KNEX_BASE = """
            exports.up = async function(knex) {
              await knex.schema.createTable('users', (t) => {
                t.increments();
                t.string('email', 200);
                t.integer('legacy');
              });
              await knex.schema.createTable('products', (t) => {
                t.increments();
                t.string('title', 100).notNullable();
                t.decimal('price', 10, 2);
              });
            };
            exports.down = async function(knex) {
              await knex.schema.dropTable('products');
              await knex.schema.dropTable('users');
            };
            """;

    private static Map<String, String> knexCorpus(boolean pg) {
        Map<String, String> m = new LinkedHashMap<>();
        String down = "exports.down = async function() {};\n";
        m.put("002_categories.js", """
                exports.up = (knex) => knex.schema.createTable('categories', (t) => {
                  t.increments();
                  t.string('name', 100).notNullable().unique();
                });
                """ + down);
        m.put("003_product_category.js", """
                exports.up = (knex) => knex.schema.alterTable('products', (t) => {
                  t.integer('category_id').unsigned().nullable().references('id').inTable('categories');
                  t.index(['category_id']);
                });
                """ + down);
        m.put("004_users_active.js", """
                exports.up = (knex) => knex.schema.alterTable('users', (t) => {
                  t.boolean('active').notNullable().defaultTo(true);
                  t.timestamps(true, true);
                });
                """ + down);
        m.put("005_users_email_unique.js", """
                exports.up = async function(knex) {
                  await knex.raw("UPDATE users SET email = CONCAT('user', id, '@example.com') WHERE email IS NULL");
                  await knex.schema.alterTable('users', (t) => {
                    t.string('email', 200).notNullable().alter();
                    t.unique(['email']);
                  });
                };
                """ + down);
        m.put("006_orders.js", """
                exports.up = (knex) => knex.schema.createTable('orders', (t) => {
                  t.increments();
                  t.integer('user_id').unsigned().notNullable().references('id').inTable('users').onDelete('CASCADE');
                  t.integer('product_id').unsigned().notNullable().references('id').inTable('products');
                  t.integer('qty').notNullable().defaultTo(1);
                  t.index(['user_id', 'product_id']);
                });
                """ + down);
        m.put("007_rename_title.js", """
                exports.up = (knex) => knex.schema.alterTable('products', (t) => {
                  t.renameColumn('title', 'name');
                });
                """ + down);
        m.put("008_drop_legacy.js", """
                exports.up = (knex) => knex.schema.alterTable('users', (t) => {
                  t.dropColumn('legacy');
                });
                """ + down);
        m.put("009_price_wider.js", """
                exports.up = (knex) => knex.schema.alterTable('products', (t) => {
                  t.decimal('price', 12, 2).alter();
                });
                """ + down);
        m.put("010_email_index.js", pg ? """
                exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at)');
                exports.config = { transaction: false };
                """ + down : """
                exports.up = (knex) => knex.schema.alterTable('users', (t) => { t.index(['created_at'], 'users_created_at_idx'); });
                """ + down);
        return m;
    }

    private static NodeTools.Result knex(Path app, ScratchDatabase db) {
        Map<String, String> env = new HashMap<>(NodeTools.connection(db));
        env.put("KNEX_CLIENT", db.engine() == Engine.POSTGRESQL ? "pg" : "mysql2");
        return NodeTools.run(
                app, env, Duration.ofSeconds(120), NodeTools.script("knex", "bin/cli.js"), "migrate:latest");
    }

    private static final String ALEMBIC_HEADER = """
            \"""%s

            Revision ID: %s
            Revises: %s
            \"""
            from alembic import op
            import sqlalchemy as sa

            revision = '%s'
            down_revision = %s
            branch_labels = None
            depends_on = None


            """;
    private static final String ALEMBIC_BASE = """
            def upgrade() -> None:
                op.create_table(
                    "authors",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("name", sa.String(length=100), nullable=True),
                    sa.PrimaryKeyConstraint("id"),
                )
                op.create_table(
                    "books",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("title", sa.String(length=100), nullable=False),
                    sa.Column("pages", sa.Integer(), nullable=True),
                    sa.Column("author_id", sa.Integer(), nullable=True),
                    sa.PrimaryKeyConstraint("id"),
                )


            def downgrade() -> None:
                pass
            """;

    private static void revision(Path project, String id, String parent, String message, String body) {
        String down = parent == null ? "None" : "'" + parent + "'";
        PythonTools.write(
                project.resolve("migrations/versions/" + id + "_" + message.replace(' ', '_') + ".py"),
                ALEMBIC_HEADER.formatted(message, id, parent == null ? "" : parent, id, down) + body);
    }

    private static Map<String, String> corpus(boolean pg) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("V2__categories.sql", "CREATE TABLE categories (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n");
        m.put("V3__products_category.sql", "ALTER TABLE products ADD COLUMN category_id BIGINT NULL;\n");
        m.put("V4__products_category_idx.sql", "CREATE INDEX products_category_idx ON products (category_id);\n");
        m.put(
                "V5__products_category_fk.sql",
                "ALTER TABLE products ADD CONSTRAINT products_category_fk FOREIGN KEY (category_id)"
                        + " REFERENCES categories (id);\n");
        m.put("V6__users_created_at.sql", "ALTER TABLE users ADD COLUMN created_at TIMESTAMP NULL;\n");
        m.put("V7__users_active.sql", "ALTER TABLE users ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;\n");
        m.put(
                "V8__users_email_required.sql",
                "UPDATE users SET email = CONCAT('user', id, '@example.com') WHERE email IS NULL;\n"
                        + (pg
                                ? "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                                : "ALTER TABLE users MODIFY email VARCHAR(200) NOT NULL;\n"));
        m.put("V9__users_email_unique.sql", "CREATE UNIQUE INDEX users_email_uq ON users (email);\n");
        m.put("V10__order_items.sql", """
                CREATE TABLE order_items (
                  id BIGINT PRIMARY KEY,
                  order_id BIGINT NOT NULL,
                  product_id BIGINT NOT NULL,
                  qty INT NOT NULL DEFAULT 1,
                  CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
                  CONSTRAINT order_items_product_fk FOREIGN KEY (product_id) REFERENCES products (id)
                );
                """);
        m.put("V11__seed_categories.sql", "INSERT INTO categories (id, name) VALUES (1, 'books'), (2, 'games');\n");
        m.put("V12__backfill_category.sql", "UPDATE products SET category_id = 1;\n");
        m.put("V13__products_rename_title.sql", "ALTER TABLE products RENAME COLUMN title TO name;\n");
        m.put("V14__orders_created_idx.sql", "CREATE INDEX orders_created_idx ON orders (created_at);\n");
        m.put(
                "V15__drop_orders_created_idx.sql",
                pg ? "DROP INDEX orders_created_idx;\n" : "DROP INDEX orders_created_idx ON orders;\n");
        m.put(
                "V16__tags.sql",
                "CREATE TABLE tags (id BIGINT PRIMARY KEY, name VARCHAR(60) NOT NULL, CONSTRAINT tags_name_uq UNIQUE (name));\n");
        m.put("V17__product_tags.sql", """
                CREATE TABLE product_tags (
                  product_id BIGINT NOT NULL REFERENCES products (id),
                  tag_id BIGINT NOT NULL REFERENCES tags (id),
                  PRIMARY KEY (product_id, tag_id)
                );
                """);
        m.put("V18__orders_status.sql", "ALTER TABLE orders ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'new';\n");
        m.put(
                "V19__orders_status_check.sql",
                "ALTER TABLE orders ADD CONSTRAINT orders_status_chk CHECK (status IN ('new', 'paid', 'shipped'));\n");
        m.put("V20__rename_tags.sql", pg ? "ALTER TABLE tags RENAME TO labels;\n" : "RENAME TABLE tags TO labels;\n");
        m.put("V21__orders_view.sql", "CREATE VIEW order_totals AS SELECT o.id, o.user_id, o.status FROM orders o;\n");
        m.put("V22__drop_legacy_flag.sql", "ALTER TABLE users DROP COLUMN legacy_flag;\n");
        m.put(
                "V23__widen_email.sql",
                pg
                        ? "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(320);\n"
                        : "ALTER TABLE users MODIFY email VARCHAR(320) NOT NULL;\n");
        m.put("V24__status_default.sql", "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'paid';\n");
        m.put(
                "V25__order_items_unique.sql",
                "ALTER TABLE order_items ADD CONSTRAINT order_items_order_product_uq UNIQUE (order_id, product_id);\n");
        m.put(
                "V26__audit_log.sql",
                "CREATE TABLE audit_log (id BIGINT PRIMARY KEY, payload TEXT, created_at TIMESTAMP NULL);\n"
                        + "CREATE INDEX audit_log_created_idx ON audit_log (created_at);\n");
        m.put("V27__drop_old_stuff.sql", "DROP TABLE IF EXISTS old_stuff;\n");
        m.put(
                "V28__categories_if_missing.sql",
                "CREATE TABLE IF NOT EXISTS categories (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n");
        m.put(
                "V29__orders_user_fk.sql",
                "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n");
        m.put(
                "V30__products_sku.sql",
                "ALTER TABLE products ADD COLUMN sku VARCHAR(40);\n"
                        + "UPDATE products SET sku = CONCAT('SKU-', id);\nCREATE UNIQUE INDEX products_sku_uq ON products (sku);\n");
        m.put("V31__drop_audit_log.sql", "DROP TABLE audit_log;\n");
        m.put(
                "V32__sessions.sql",
                "CREATE TABLE sessions (id VARCHAR(64) NOT NULL, user_id BIGINT NOT NULL, data TEXT);\n"
                        + "ALTER TABLE sessions ADD PRIMARY KEY (id);\n"
                        + "ALTER TABLE sessions ADD CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;\n");
        m.put(
                "V33__rename_email_index.sql",
                pg
                        ? "ALTER INDEX users_email_uq RENAME TO users_email_key;\n"
                        : "ALTER TABLE users RENAME INDEX users_email_uq TO users_email_key;\n");
        return m;
    }
}
