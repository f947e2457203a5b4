package io.migrescue.cli;

import static io.migrescue.testing.DiffPairs.diff;
import static io.migrescue.testing.DiffPairs.differences;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.DiffPairs;
import io.migrescue.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL fix script for a live target: a lock timeout, indexes built CONCURRENTLY after the commit, foreign keys
 * and checks added NOT VALID and validated after the commit, and the hazards listed at the top. It still converges.
 */
class LockSafeScriptIT {
    private static final String COMMON = "CREATE TABLE customers (id int PRIMARY KEY, email text)";

    @Test
    void postgresScriptIsLockSafeAndConverges() throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "locksafe source");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "locksafe target")) {
            source.execute(
                    COMMON,
                    "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id), "
                            + "total numeric(12,2) CHECK (total >= 0), note varchar(50) NOT NULL)",
                    "CREATE INDEX orders_customer_idx ON orders (customer_id)");
            target.execute(
                    COMMON,
                    "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total numeric(12,2), note varchar(50))",
                    "INSERT INTO customers VALUES (1, 'a@example.com')",
                    "INSERT INTO orders VALUES (1, 1, 10, 'x'), (2, NULL, 0, 'y')");

            CliRun run = diff(source, target, "--format", "sql");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            String sql = run.out();
            int commit = sql.indexOf("COMMIT;");
            assertThat(sql.indexOf("SET lock_timeout = '5s';")).isPositive().isLessThan(sql.indexOf("BEGIN;"));
            assertThat(sql.indexOf("CREATE INDEX CONCURRENTLY \"orders_customer_idx\" ON \"public\".\"orders\""))
                    .isGreaterThan(commit);
            assertThat(sql)
                    .contains("ADD CONSTRAINT \"orders_customer_id_fkey\" FOREIGN KEY (\"customer_id\") REFERENCES "
                            + "\"public\".\"customers\" (\"id\") NOT VALID;")
                    .contains("ADD CONSTRAINT \"orders_total_check\" CHECK (total >= 0::numeric) NOT VALID;");
            assertThat(sql.indexOf(
                            "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_customer_id_fkey\";"))
                    .isGreaterThan(commit);
            assertThat(sql.indexOf("VALIDATE CONSTRAINT \"orders_total_check\";"))
                    .isGreaterThan(commit);
            String hazards = sql.substring(0, sql.indexOf("PostgreSQL: one transaction"));
            assertThat(hazards)
                    .contains("-- Hazards (locks, rewrites, data loss):")
                    .contains("lock: change column public.orders.note (nullability): SET NOT NULL scans the table")
                    .contains("lock: create index public.orders.orders_customer_idx: built CONCURRENTLY")
                    .contains("check: add constraint public.orders.orders_customer_id_fkey: added NOT VALID")
                    .contains("-- lock_timeout 5s:");

            DiffPairs.run(target, sql);
            CliRun after = diff(source, target, "--format", "json", "--no-history");
            assertThat(differences(after)).as(sql).isEmpty();
            assertThat(target.scalar("SELECT count(*) FROM orders")).isEqualTo("2");
            assertThat(
                            target.scalar(
                                    "SELECT count(*) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND NOT convalidated"))
                    .as("validated after the commit")
                    .isEqualTo("0");
        }
    }

    @Test
    void aScriptWithNothingRiskySaysSo() throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "locksafe none a");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "locksafe none b")) {
            source.execute(COMMON, "CREATE TABLE extra (id int)");
            target.execute(COMMON);
            assertThat(diff(source, target, "--format", "sql").out())
                    .contains("-- Hazards: none found (no long lock, no table rewrite, no data loss)");
        }
    }
}
