package io.migrescue.cli;

import static io.migrescue.testing.DiffPairs.diff;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.DiffPairs;
import io.migrescue.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code diff} orders PostgreSQL types by {@code pg_depend} too: a domain over a domain or over a composite type, and a
 * composite type with an attribute of another one, are created after and dropped before what they are built on, even
 * when the catalog lists them the other way round; a function with a SQL-standard body (BEGIN ATOMIC) over a column
 * whose type changes is dropped before the change and created again after it.
 */
class DiffPostgresOrderIT {

    /** Each type needs one made after it (an attribute added later) or of the other kind (listed after it). */
    private static final String TYPES = """
            CREATE TYPE outer_t AS (id int);
            CREATE TYPE inner_t AS (v int);
            ALTER TYPE outer_t ADD ATTRIBUTE part inner_t;
            CREATE DOMAIN boxed AS inner_t;
            CREATE DOMAIN positive AS int CHECK (VALUE > 0);
            CREATE DOMAIN small AS positive CHECK (VALUE < 100);
            CREATE TYPE uses_small AS (s small, many small[]);
            CREATE TABLE item (id int PRIMARY KEY, o outer_t, b boxed, s small, u uses_small);
            """;

    @Test
    void typesAreCreatedAfterAndDroppedBeforeTheTypesTheyAreBuiltOn() throws Exception {
        try (ScratchDatabase typed = ScratchDatabase.create(Engine.POSTGRESQL, "order types typed");
                ScratchDatabase plain = ScratchDatabase.create(Engine.POSTGRESQL, "order types plain")) {
            DiffPairs.run(typed, TYPES);
            plain.execute("CREATE TABLE other (id int PRIMARY KEY)");

            CliRun create = diff(typed, plain, "--format", "sql", "--allow-destructive", "--prove");
            assertThat(create.exitCode()).as(create.all()).isEqualTo(1);
            assertThat(create.err()).doesNotContain("PROOF FAILED");
            assertThat(create.out()).contains("-- proof: passed").contains("ok      rollback: ");
            String fix = create.out();
            assertThat(fix.indexOf("CREATE TYPE public.inner_t"))
                    .isPositive()
                    .isLessThan(fix.indexOf("CREATE TYPE public.outer_t"))
                    .isLessThan(fix.indexOf("CREATE DOMAIN public.boxed"));
            assertThat(fix.indexOf("CREATE DOMAIN public.positive"))
                    .isPositive()
                    .isLessThan(fix.indexOf("CREATE DOMAIN public.small"));
            assertThat(fix.indexOf("CREATE DOMAIN public.small"))
                    .isLessThan(fix.indexOf("CREATE TYPE public.uses_small"));

            // the other way: the types go, what uses one before it
            CliRun drop = diff(plain, typed, "--format", "sql", "--allow-destructive", "--prove");
            assertThat(drop.exitCode()).as(drop.all()).isEqualTo(1);
            assertThat(drop.err()).doesNotContain("PROOF FAILED");
            assertThat(drop.out()).contains("-- proof: passed").contains("ok      rollback: ");

            // applied for real, a second diff finds nothing
            DiffPairs.run(plain, create.out());
            CliRun again = diff(typed, plain);
            assertThat(again.exitCode()).as(again.all()).isZero();
        }
    }

    @Test
    void atomicFunctionOverAChangedColumnIsRecreatedAroundTheChange() throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "order atomic source");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "order atomic target")) {
            String function = """
                    CREATE FUNCTION total() RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT sum(amount) FROM acc; END;
                    CREATE FUNCTION doubled() RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT 2 * total(); END;
                    """;
            DiffPairs.run(source, "CREATE TABLE acc (id int PRIMARY KEY, amount bigint);\n" + function);
            DiffPairs.run(target, "CREATE TABLE acc (id int PRIMARY KEY, amount int);\n" + function);

            CliRun run = diff(source, target, "--format", "sql", "--prove");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).doesNotContain("PROOF FAILED");
            assertThat(run.out()).contains("-- proof: passed").contains("ok      rollback: ");
            String fix = run.out();
            int alter = fix.indexOf("ALTER COLUMN \"amount\" TYPE");
            assertThat(alter).as(fix).isPositive();
            // what calls total() goes first and comes back last
            assertThat(fix.indexOf("DROP FUNCTION public.doubled()"))
                    .isPositive()
                    .isLessThan(fix.indexOf("DROP FUNCTION public.total()"));
            assertThat(fix.indexOf("DROP FUNCTION public.total()")).isLessThan(alter);
            assertThat(fix.indexOf("CREATE OR REPLACE FUNCTION public.total()"))
                    .isGreaterThan(alter)
                    .isLessThan(fix.indexOf("CREATE OR REPLACE FUNCTION public.doubled()"));

            DiffPairs.run(target, fix);
            CliRun again = diff(source, target);
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(target.scalar("SELECT doubled() IS NULL")).isEqualTo("t");
        }
    }
}
