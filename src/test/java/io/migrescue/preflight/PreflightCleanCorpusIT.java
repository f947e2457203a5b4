package io.migrescue.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.FlywayRun;
import io.migrescue.testing.ScratchDatabase;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No false alarm: 32 pending migrations of the shapes real projects write (new tables and keys, backfills before a
 * NOT NULL or a unique index, renames, views, IF [NOT] EXISTS, later migrations using what earlier pending ones make),
 * on a database with rows. Preflight finds nothing and changes nothing; Flyway then applies every one of them, which
 * proves they were clean.
 */
class PreflightCleanCorpusIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
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
                    """)).migrate().success).isTrue();
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

    private static Map<String, String> corpus(boolean pg) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("V2__categories.sql", "CREATE TABLE categories (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n");
        m.put("V3__products_category.sql", "ALTER TABLE products ADD COLUMN category_id BIGINT NULL;\n");
        m.put("V4__products_category_idx.sql", "CREATE INDEX products_category_idx ON products (category_id);\n");
        m.put("V5__products_category_fk.sql", "ALTER TABLE products ADD CONSTRAINT products_category_fk FOREIGN KEY (category_id)"
                + " REFERENCES categories (id);\n");
        m.put("V6__users_created_at.sql", "ALTER TABLE users ADD COLUMN created_at TIMESTAMP NULL;\n");
        m.put("V7__users_active.sql", "ALTER TABLE users ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;\n");
        m.put("V8__users_email_required.sql", "UPDATE users SET email = CONCAT('user', id, '@example.com') WHERE email IS NULL;\n"
                + (pg ? "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n" : "ALTER TABLE users MODIFY email VARCHAR(200) NOT NULL;\n"));
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
        m.put("V15__drop_orders_created_idx.sql", pg ? "DROP INDEX orders_created_idx;\n" : "DROP INDEX orders_created_idx ON orders;\n");
        m.put("V16__tags.sql", "CREATE TABLE tags (id BIGINT PRIMARY KEY, name VARCHAR(60) NOT NULL, CONSTRAINT tags_name_uq UNIQUE (name));\n");
        m.put("V17__product_tags.sql", """
                CREATE TABLE product_tags (
                  product_id BIGINT NOT NULL REFERENCES products (id),
                  tag_id BIGINT NOT NULL REFERENCES tags (id),
                  PRIMARY KEY (product_id, tag_id)
                );
                """);
        m.put("V18__orders_status.sql", "ALTER TABLE orders ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'new';\n");
        m.put("V19__orders_status_check.sql", "ALTER TABLE orders ADD CONSTRAINT orders_status_chk CHECK (status IN ('new', 'paid', 'shipped'));\n");
        m.put("V20__rename_tags.sql", pg ? "ALTER TABLE tags RENAME TO labels;\n" : "RENAME TABLE tags TO labels;\n");
        m.put("V21__orders_view.sql", "CREATE VIEW order_totals AS SELECT o.id, o.user_id, o.status FROM orders o;\n");
        m.put("V22__drop_legacy_flag.sql", "ALTER TABLE users DROP COLUMN legacy_flag;\n");
        m.put("V23__widen_email.sql", pg ? "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(320);\n"
                : "ALTER TABLE users MODIFY email VARCHAR(320) NOT NULL;\n");
        m.put("V24__status_default.sql", "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'paid';\n");
        m.put("V25__order_items_unique.sql", "ALTER TABLE order_items ADD CONSTRAINT order_items_order_product_uq UNIQUE (order_id, product_id);\n");
        m.put("V26__audit_log.sql", "CREATE TABLE audit_log (id BIGINT PRIMARY KEY, payload TEXT, created_at TIMESTAMP NULL);\n"
                + "CREATE INDEX audit_log_created_idx ON audit_log (created_at);\n");
        m.put("V27__drop_old_stuff.sql", "DROP TABLE IF EXISTS old_stuff;\n");
        m.put("V28__categories_if_missing.sql", "CREATE TABLE IF NOT EXISTS categories (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n");
        m.put("V29__orders_user_fk.sql", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n");
        m.put("V30__products_sku.sql", "ALTER TABLE products ADD COLUMN sku VARCHAR(40);\n"
                + "UPDATE products SET sku = CONCAT('SKU-', id);\nCREATE UNIQUE INDEX products_sku_uq ON products (sku);\n");
        m.put("V31__drop_audit_log.sql", "DROP TABLE audit_log;\n");
        m.put("V32__sessions.sql", "CREATE TABLE sessions (id VARCHAR(64) NOT NULL, user_id BIGINT NOT NULL, data TEXT);\n"
                + "ALTER TABLE sessions ADD PRIMARY KEY (id);\n"
                + "ALTER TABLE sessions ADD CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;\n");
        m.put("V33__rename_email_index.sql", pg ? "ALTER INDEX users_email_uq RENAME TO users_email_key;\n"
                : "ALTER TABLE users RENAME INDEX users_email_uq TO users_email_key;\n");
        return m;
    }
}
