package io.migrescue.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Migration files with hostile content (huge blank runs, which took 30-50 s for 200,000 spaces; huge tokens, nested
 * brackets, unclosed quotes and comments) are split in bounded time and keep the statements around them. The bound
 * is generous: it stops a hang, it does not measure.
 */
class StatementSplitterBoundsTest {
    private static final String AROUND = "CREATE TABLE t (id INT PRIMARY KEY);\nALTER TABLE t ADD COLUMN c INT;\n";

    @Property(tries = 60)
    void hostileMigrationFilesAreSplitInBoundedTime(
            @ForAll("hostile") String inserted, @ForAll("engines") Engine engine) throws Exception {
        String script = AROUND + inserted + "\n" + AROUND;
        FutureTask<List<SqlStatement>> task = new FutureTask<>(() -> StatementSplitter.split(script, engine));
        Thread thread = new Thread(task, "split-bound");
        thread.setDaemon(true);
        thread.start();
        List<SqlStatement> statements = task.get(20, TimeUnit.SECONDS);
        assertThat(statements.get(0).sql()).startsWith("CREATE TABLE t");
    }

    @Provide
    Arbitrary<Engine> engines() {
        return Arbitraries.of(Engine.POSTGRESQL, Engine.MARIADB);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> unit =
                Arbitraries.of(" ", "\t", "x", "(", ")", "'", "\"a", "`", "/*", "--\n", "$$", "\n", "  \n", "BEGIN ");
        return unit.flatMap(u ->
                Arbitraries.integers().between(1_000, 200_000).map(n -> u.repeat(Math.max(1, n / u.length()))));
    }
}
