package io.migrescue.cli;

import static io.migrescue.testing.DiffPairs.diff;
import static io.migrescue.testing.DiffPairs.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff command's contract: exit codes, which side a failure is about, each side's password, the formats. */
class DiffCommandIT {
    private static final String SECRET = "Diff-Secret-9q";

    @Test
    void twoAlikeDatabasesExitZeroInEveryFormat() throws Exception {
        try (ScratchDatabase a = ScratchDatabase.create(Engine.POSTGRESQL, "diff same a");
                ScratchDatabase b = ScratchDatabase.create(Engine.POSTGRESQL, "diff same b")) {
            for (ScratchDatabase db : List.of(a, b)) {
                db.execute("CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)");
            }
            CliRun text = diff(a, b);
            assertThat(text.exitCode()).as(text.all()).isZero();
            assertThat(text.out())
                    .contains("Tables    1 matched")
                    .contains("Result    same")
                    .containsPattern("Compared  \\d+ of \\d+ PostgreSQL object kinds compared: schemas, tables")
                    .contains("not compared: ")
                    .contains("column order (cosmetic, --column-order compares it)");
            var doc = json(diff(a, b, "--format", "json"));
            assertThat(doc.get("same").asBoolean()).isTrue();
            assertThat(doc.get("coverage").get("compared").toString()).contains("\"tables\"");
            assertThat(doc.get("coverage").get("notCompared").toString())
                    .contains("{\"kind\":\"column_order\",\"reason\":\"cosmetic, --column-order compares it\"}");
            assertThat(diff(a, b, "--format", "markdown").out())
                    .contains("## Schema drift")
                    .contains("**No differences**")
                    .containsPattern("_\\d+ of \\d+ PostgreSQL object kinds compared: schemas")
                    .contains("Not compared: ");
            assertThat(diff(a, b, "--format", "sql").out())
                    .contains("-- nothing to change")
                    .containsPattern("-- \\d+ of \\d+ PostgreSQL object kinds compared")
                    .contains("-- not compared: ");
        }
    }

    @Test
    void markdownIsAnIncidentReportWithTheFix() throws Exception {
        try (ScratchDatabase a = ScratchDatabase.create(Engine.POSTGRESQL, "diff md a");
                ScratchDatabase b = ScratchDatabase.create(Engine.POSTGRESQL, "diff md b")) {
            a.execute("CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)", "CREATE TABLE extra (id int)");
            b.execute("CREATE TABLE t (id int PRIMARY KEY, name varchar(20))");
            CliRun md = diff(a, b, "--format", "markdown");
            assertThat(md.exitCode()).isEqualTo(1);
            assertThat(md.out())
                    .contains("### Missing in the target")
                    .contains("- table `public.extra`")
                    .contains("| `public.t.name` | COLUMN_TYPE_DIFFERS | `text` | `character varying(20)` |")
                    .contains("```sql\n-- migrescue diff: makes the target like the source");
        }
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) throws Exception {
        CliRun noTarget = CliRun.run("diff", "--source", "postgresql://postgres@127.0.0.1:5432/postgres");
        assertThat(noTarget.exitCode()).isEqualTo(2);
        assertThat(noTarget.err()).contains("--target");

        try (ScratchDatabase pg = ScratchDatabase.create(Engine.POSTGRESQL, "diff usage pg");
                ScratchDatabase maria = ScratchDatabase.create(Engine.MARIADB, "diff usage maria")) {
            CliRun engines = diff(pg, maria);
            assertThat(engines.exitCode()).isEqualTo(2);
            assertThat(engines.err()).hasLineCount(1).contains("cannot compare PostgreSQL with MariaDB");

            CliRun schema = diff(pg, pg, "--source-schema", "no_such_schema");
            assertThat(schema.exitCode()).isEqualTo(2);
            assertThat(schema.err()).hasLineCount(1).contains("source: no schema named no_such_schema");

            CliRun unwritable = diff(
                    pg, pg, "--rollback", dir.resolve("missing-dir/undo.sql").toString());
            assertThat(unwritable.exitCode()).isEqualTo(2);
            assertThat(unwritable.err()).contains("--rollback");
        }
    }

    @Test
    void aFailureSaysWhichSideItIsAbout() throws Exception {
        try (ScratchDatabase pg = ScratchDatabase.create(Engine.POSTGRESQL, "diff side")) {
            CliRun run = CliRun.run(
                    Map.of(),
                    List.of(
                            "diff",
                            "--source",
                            pg.jdbcUrl(),
                            "--source-user",
                            pg.server().user(),
                            "--target",
                            "postgresql://postgres@127.0.0.1:1/app"));
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err())
                    .hasLineCount(1)
                    .startsWith("migrescue: target: cannot connect to jdbc:postgresql://127.0.0.1:1/app")
                    .contains("connection refused");
        }
    }

    /**
     * Each side its own password: the source's from its own variable, the target's from the shared file. A wrong one
     * fails on its side alone; no password is ever shown, in the report, the script or the rollback.
     */
    @Test
    void eachSideHasItsOwnPassword(@TempDir Path dir) throws Exception {
        try (ScratchDatabase a = ScratchDatabase.create(Engine.MARIADB, "diff pw a");
                ScratchDatabase b = ScratchDatabase.create(Engine.MARIADB, "diff pw b")) {
            String user = "mrdiff_" + a.name().substring(a.name().length() - 8);
            a.execute(
                    "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + SECRET + "'",
                    "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + SECRET + "'",
                    "GRANT ALL ON `" + a.name() + "`.* TO '" + user + "'@'%'",
                    "GRANT ALL ON `" + a.name() + "`.* TO '" + user + "'@'localhost'",
                    "GRANT ALL ON `" + b.name() + "`.* TO '" + user + "'@'%'",
                    "GRANT ALL ON `" + b.name() + "`.* TO '" + user + "'@'localhost'",
                    "CREATE TABLE t (id int PRIMARY KEY, note text)");
            b.execute("CREATE TABLE t (id int PRIMARY KEY)");
            try {
                Path file = Files.writeString(dir.resolve("pw"), SECRET + "\n");
                Path rollback = dir.resolve("undo.sql");
                List<String> args = List.of(
                        "diff",
                        "--source",
                        a.jdbcUrl(),
                        "--source-user",
                        user,
                        "--source-password-env",
                        "SRC_PW",
                        "--target",
                        b.jdbcUrl(),
                        "--target-user",
                        user,
                        "--password-file",
                        file.toString(),
                        "--format",
                        "sql",
                        "--rollback",
                        rollback.toString());
                CliRun ok = CliRun.run(Map.of("SRC_PW", SECRET), args);
                assertThat(ok.exitCode()).as(ok.all()).isEqualTo(1);
                assertThat(ok.out()).contains("ADD COLUMN `note` text NULL");
                assertThat(ok.all() + Files.readString(rollback)).doesNotContain(SECRET);

                CliRun wrong = CliRun.run(
                        Map.of("SRC_PW", SECRET, "MIGRESCUE_TARGET_PASSWORD", "Wrong-" + SECRET),
                        List.of(
                                "diff",
                                "--source",
                                a.jdbcUrl(),
                                "--source-user",
                                user,
                                "--source-password-env",
                                "SRC_PW",
                                "--target",
                                b.jdbcUrl(),
                                "--target-user",
                                user));
                assertThat(wrong.exitCode()).isEqualTo(3);
                assertThat(wrong.err())
                        .hasLineCount(1)
                        .startsWith("migrescue: target: cannot connect")
                        .contains("wrong user or password")
                        .doesNotContain(SECRET);

                // -u and the shared password apply to both sides, as for every command that connects
                CliRun shared = CliRun.run(
                        Map.of(),
                        List.of(
                                "diff",
                                "--source",
                                a.jdbcUrl(),
                                "--target",
                                b.jdbcUrl(),
                                "-u",
                                user,
                                "--password-file",
                                file.toString()));
                assertThat(shared.exitCode()).as(shared.all()).isEqualTo(1);
                assertThat(shared.out()).contains("note");
                CliRun quiet = CliRun.run(
                        Map.of(),
                        List.of(
                                "diff",
                                "-q",
                                "--source",
                                a.jdbcUrl(),
                                "--target",
                                b.jdbcUrl(),
                                "-u",
                                user,
                                "--password-file",
                                file.toString(),
                                "--rollback",
                                dir.resolve("q.sql").toString()));
                assertThat(quiet.exitCode()).isEqualTo(1);
                assertThat(quiet.err()).as("-q: no note on stderr").isEmpty();
                assertThat(dir.resolve("q.sql")).exists();
                CliRun sideWins = CliRun.run(
                        Map.of(),
                        List.of(
                                "diff",
                                "--source",
                                a.jdbcUrl(),
                                "--target",
                                b.jdbcUrl(),
                                "-u",
                                "nobody_" + user,
                                "--source-user",
                                user,
                                "--password-file",
                                file.toString()));
                assertThat(sideWins.exitCode()).isEqualTo(3);
                assertThat(sideWins.err())
                        .startsWith("migrescue: target: cannot connect")
                        .doesNotContain(SECRET);
            } finally {
                a.execute("DROP USER '" + user + "'@'%'", "DROP USER '" + user + "'@'localhost'");
            }
        }
    }
}
