package io.migrescue.cli;

import static io.migrescue.testing.DiffPairs.diff;
import static io.migrescue.testing.DiffPairs.json;
import static io.migrescue.testing.DiffPairs.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff --prove}: the fix script and its rollback run on a scratch copy of the target; a right script passes,
 * a script edited to be wrong fails loudly; the scratch database is gone afterwards either way.
 */
class DiffProveIT {

    private static void mariadb(ScratchDatabase db, String side) {
        load(db, "mariadb-common.sql");
        load(db, "mariadb-" + side + ".sql");
    }

    @Test
    void mariadbScriptIsProvedAndAnEditedOneFailsLoudly(@TempDir Path dir) throws Exception {
        try (ScratchDatabase staging = ScratchDatabase.create(Engine.MARIADB, "prove maria staging");
                ScratchDatabase production = ScratchDatabase.create(Engine.MARIADB, "prove maria production")) {
            mariadb(staging, "staging");
            mariadb(production, "production");
            String before =
                    production.scalar("SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()");

            CliRun sql = diff(staging, production, "--format", "sql", "--prove");
            assertThat(sql.exitCode()).as(sql.all()).isEqualTo(1); // different, and proved
            assertThat(sql.err()).doesNotContain("PROOF FAILED");
            assertThat(sql.out())
                    .contains("CREATE TABLE `" + production.name() + "`.`invoices`")
                    .contains("-- proof: passed (scratch database migrescue_prove_")
                    .contains("ok      copy: ")
                    .contains("ok      fix: fix script applied, compared with the source: no differences")
                    .contains("ok      rollback: rollback applied, compared with the target: no differences")
                    .contains("ok      cleanup: scratch database migrescue_prove_");
            assertThat(scratchDatabases(production, sql)).isZero();
            // the target itself is untouched: --prove works on the scratch copy only
            assertThat(production.scalar(
                            "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"))
                    .isEqualTo(before);

            CliRun asJson = diff(staging, production, "--format", "json", "--prove");
            JsonNode proof = json(asJson).get("proof");
            assertThat(proof.get("passed").asBoolean()).as(asJson.all()).isTrue();
            List<String> names = new ArrayList<>();
            proof.get("steps").forEach(s -> names.add(s.get("name").asText()));
            assertThat(names).containsExactly("copy", "fix", "rollback", "cleanup");

            // the script edited to be wrong: the note column made shorter than the source has it
            Path edited = dir.resolve("edited.sql");
            Files.writeString(
                    edited,
                    sql.out().replace("ADD COLUMN `note` varchar(255) NULL", "ADD COLUMN `note` varchar(100) NULL"));
            assertThat(Files.readString(edited)).isNotEqualTo(sql.out());
            CliRun wrong = diff(staging, production, "--format", "sql", "--prove-script", edited.toString());
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.err())
                    .contains(
                            "migrescue: PROOF FAILED (fix): fix script applied, compared with the source: 1 difference")
                    .contains("COLUMN_TYPE_DIFFERS " + staging.name() + ".orders.note: varchar(255) | varchar(100)");
            assertThat(wrong.out()).contains("-- proof: FAILED").doesNotContain("ok      rollback");
            assertThat(scratchDatabases(production, asJson, wrong))
                    .as("dropped after a failure too")
                    .isZero();

            // a script that does not run at all
            Files.writeString(
                    edited,
                    sql.out().replace("CREATE TABLE `" + production.name() + "`.`invoices`", "CREATE TABLE oops("));
            CliRun broken = diff(staging, production, "--format", "sql", "--prove-script", edited.toString());
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.err()).containsPattern("PROOF FAILED \\(fix\\): statement \\d+ \\(line \\d+\\) failed: ");
            assertThat(scratchDatabases(production, broken)).isZero();
        }
    }

    @Test
    void postgresScriptIsProvedOnTheTargetServerOrAnotherOne() throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "prove pg source");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "prove pg target")) {
            load(source, "fr03-common.sql");
            load(source, "fr03-dev.sql");
            load(target, "fr03-common.sql");
            load(target, "fr03-prod.sql");
            CliRun run = diff(source, target, "--format", "sql", "--allow-destructive", "--prove");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).doesNotContain("PROOF FAILED");
            assertThat(run.out()).contains("-- proof: passed").contains("ok      rollback: ");
            assertThat(scratchDatabases(target, run)).isZero();

            // the scratch database on a server the user names (here the same server, by its own URL)
            String server = target.jdbcUrl().substring(0, target.jdbcUrl().lastIndexOf('/') + 1) + "postgres";
            CliRun on = diff(source, target, "--format", "json", "--allow-destructive", "--prove-on", server);
            assertThat(json(on).at("/proof/passed").asBoolean()).as(on.all()).isTrue();
            assertThat(scratchDatabases(target, on)).isZero();
        }
    }

    @Test
    void withoutAllowDestructiveTheProofSaysWhatWasNotRun() throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "prove pg withheld a");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "prove pg withheld b")) {
            source.execute("CREATE TABLE t (id int PRIMARY KEY)");
            target.execute("CREATE TABLE t (id int PRIMARY KEY, legacy text)");
            CliRun run = diff(source, target, "--prove");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("Proof     FAILED");
            assertThat(run.err())
                    .contains("PROOF FAILED (fix)")
                    .contains("--allow-destructive runs them")
                    .contains("MISSING_COLUMN public.t.legacy (missing in source)");
            CliRun allowed = diff(source, target, "--prove", "--allow-destructive");
            assertThat(allowed.out()).as(allowed.all()).contains("Proof     passed");
            assertThat(scratchDatabases(target, run, allowed)).isZero();
        }
    }

    /**
     * PostgreSQL's every-kind pair: the copy and the fix prove exact; the rollback cannot drop the enum value the fix
     * added (it says so), and the proof does not hide that: it fails on exactly that difference.
     */
    @Test
    void postgresEveryKindPairFailsOnlyOnWhatTheRollbackCannotUndo() throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "prove kinds source");
                ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "prove kinds target")) {
            load(source, "pg-every-kind-source.sql");
            load(target, "pg-every-kind-target.sql");
            CliRun run = diff(
                    source,
                    target,
                    "--source-schema",
                    "public",
                    "--source-schema",
                    "audit",
                    "--target-schema",
                    "public",
                    "--target-schema",
                    "audit",
                    "--allow-destructive",
                    "--prove");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out())
                    .contains("ok      copy: ")
                    .contains("ok      fix: fix script applied, compared with the source: " + "no differences")
                    .contains("ok      cleanup: ");
            assertThat(run.err())
                    .contains("PROOF FAILED (rollback): rollback applied, compared with the target: 1 difference "
                            + "(the rollback lists 1 change it cannot undo)")
                    .contains("ENUM_VALUES_DIFFER public.status: new, paid, cancelled | new, paid, shipped, cancelled");
            assertThat(scratchDatabases(target, run)).isZero();
        }
    }

    /** A scratch database's name as the proof prints it: {@code migrescue_prove_<UTC time>_<random hex>}. */
    private static final Pattern SCRATCH = Pattern.compile("migrescue_prove_\\d{8}_\\d{6}_[0-9a-f]+");

    /**
     * How many of the scratch databases these runs made are still on the server. Only the names the runs printed
     * are looked up, so another run's scratch database on the same server (a concurrent test) does not count; each
     * run must name at least one, so a proof that said nothing cannot pass for one that cleaned up.
     */
    private static int scratchDatabases(ScratchDatabase db, CliRun... runs) throws Exception {
        Set<String> names = new TreeSet<>();
        for (CliRun run : runs) {
            Matcher m = SCRATCH.matcher(run.all());
            int before = names.size();
            while (m.find()) {
                names.add(m.group());
            }
            assertThat(names.size())
                    .as("a scratch database named in: " + run.all())
                    .isGreaterThan(before);
        }
        int left = 0;
        for (String name : names) {
            String sql = db.engine() == Engine.POSTGRESQL
                    ? "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"
                    : "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'";
            left += Integer.parseInt(db.scalar(sql));
        }
        return left;
    }
}
