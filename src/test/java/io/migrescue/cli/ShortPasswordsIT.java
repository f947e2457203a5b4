package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.db.Redaction;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Scenarios;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords that are ordinary words (root, equal to the user; o; wrong) on real servers: every message stays readable
 * (the user name is shown, no word is masked) and the password never shows where it stands as a password, on stdout,
 * stderr, in the log or in a repair's journal. MariaDB checks passwords; the local PostgreSQL trusts 127.0.0.1, so
 * there only the readable side can be shown.
 */
class ShortPasswordsIT {
    private static final Path LOG = Path.of(System.getProperty("migrescue.log.dir", "target/it-logs"), "migrescue.log");

    @Test
    void rootWithPasswordRootIsRefusedByName() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "pw root")) {
            CliRun run = CliRun.run(
                    Map.of("MYSQL_PWD", "root"), List.of("status", "-v", "--url", db.jdbcUrl(), "-u", "root"));
            assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
            assertThat(run.err())
                    .hasLineCount(1)
                    .contains("login refused for user 'root'")
                    .doesNotContain(Redaction.MASK);
        }
    }

    @Test
    void oneLetterAndCommonWordPasswordsOnMariaDb(@TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.MARIADB, "pw short")) {
            String suffix = db.name().substring(db.name().length() - 6);
            String o = "mro_" + suffix;
            String wrong = "mrw_" + suffix;
            String same = "mrs_" + suffix;
            createUser(db, o, "o");
            createUser(db, wrong, "wrong");
            createUser(db, same, same);
            try {
                // right passwords: nothing in the output is masked, the user is named
                for (String[] user : new String[][] {{o, "o"}, {wrong, "wrong"}, {same, same}}) {
                    CliRun ok = CliRun.run(
                            Map.of("MYSQL_PWD", user[1]),
                            List.of("status", "-v", "--url", db.jdbcUrl(), "-u", user[0]));
                    assertThat(ok.exitCode()).as(ok.all()).isZero();
                    assertThat(ok.all()).contains("as " + user[0]).doesNotContain(Redaction.MASK);
                }
                // wrong passwords: one readable line naming the user
                CliRun refused =
                        CliRun.run(Map.of("MYSQL_PWD", "wrong"), List.of("status", "--url", db.jdbcUrl(), "-u", o));
                assertThat(refused.exitCode()).as(refused.all()).isEqualTo(3);
                assertThat(refused.err())
                        .hasLineCount(1)
                        .contains("login refused for user '" + o + "': wrong user or password")
                        .doesNotContain(Redaction.MASK);
                // in a URL the password is where a password stands: never shown
                String url = "mariadb://" + wrong + ":wrong@127.0.0.1:3306/" + db.name();
                CliRun viaUrl = CliRun.run(Map.of(), List.of("status", "-v", "--format", "json", "--url", url));
                assertThat(viaUrl.exitCode()).as(viaUrl.all()).isZero();
                assertThat(viaUrl.all())
                        .doesNotContain(":wrong@")
                        .doesNotContain("password=wrong")
                        .contains(wrong);
                // a repair's journal and report with the one-letter password: readable, no password
                Scenarios.Broken broken = Scenarios.duplicateColumn(db, dir.resolve("m"));
                Path backup = dir.resolve("b");
                List<String> args = new ArrayList<>(List.of(
                        "repair",
                        "adopt-existing-object",
                        "--yes",
                        "--format",
                        "json",
                        "--url",
                        "mariadb://" + o + ":o@127.0.0.1:3306/" + db.name(),
                        "--backup-dir",
                        backup.toString(),
                        "--error-file",
                        broken.errorFile().toString(),
                        "--migrations",
                        broken.migrations().toString()));
                CliRun repair = CliRun.run(Map.of(), args);
                assertThat(repair.exitCode()).as(repair.all()).isZero();
                String journal = Files.readString(backup.resolve("journal.jsonl"));
                assertThat(journal)
                        .contains("phone")
                        .contains(o)
                        .doesNotContain(":o@")
                        .doesNotContain(Redaction.MASK + "@");
                assertThat(repair.all()).doesNotContain(":o@").contains("phone");
                assertThat(Files.exists(LOG) ? Files.readString(LOG) : "")
                        .doesNotContain(":o@")
                        .doesNotContain(":wrong@")
                        .doesNotContain("password=o ")
                        .doesNotContain("login refused for user '****'");
            } finally {
                for (String user : List.of(o, wrong, same)) {
                    db.execute(
                            "DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'");
                }
            }
        }
    }

    @Test
    void postgresUserWithPasswordPostgresIsNamed() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "pw postgres")) {
            CliRun run = CliRun.run(
                    Map.of("PGPASSWORD", "postgres"), List.of("status", "-v", "--url", db.jdbcUrl(), "-u", "postgres"));
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.all()).contains("as postgres").doesNotContain(Redaction.MASK);
            CliRun o = CliRun.run(
                    Map.of(),
                    List.of(
                            "status",
                            "--format",
                            "json",
                            "--url",
                            "postgresql://postgres:o@127.0.0.1:5432/" + db.name()));
            assertThat(o.exitCode()).as(o.all()).isZero();
            assertThat(o.all()).doesNotContain(":o@").contains("postgres").contains("(password redacted)");
        }
    }

    private static void createUser(ScratchDatabase db, String user, String password) throws Exception {
        for (String host : List.of("%", "localhost")) {
            db.execute(
                    "CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'",
                    "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'" + host + "'");
        }
    }
}
