package io.migrescue.cli;

import static io.migrescue.testing.LiquibaseRun.liquibase;
import static io.migrescue.testing.LiquibaseRun.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.history.LiquibaseValidationFailure;
import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.LiquibaseRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liquibase.Liquibase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An applied structural changeset (createTable) edited afterwards (issue 13, item 1), with real Liquibase 4.33. Its
 * checksum comes from Liquibase's serialization of the change, which migrescue does not reproduce: Liquibase's own
 * validation failure, given with {@code --error-file}, says what it is now. A cosmetic edit (a remark, attributes
 * reordered) is realigned to that value; a semantic one (a column added) has just what is missing applied, then is
 * realigned; {@code liquibase clear-checksums}, the tool's own fix, leaves the schema without the column.
 */
class LiquibaseStructuralChecksumIT {
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
            """;
    private static final String MASTER =
            HEAD + "  <include file=\"changes/001.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n";
    private static final String USERS = """
              <changeSet id="1" author="ana">
                <createTable tableName="users">
                  <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                  <column name="email" type="VARCHAR(200)"/>
                </createTable>
              </changeSet>
            """;
    private static final String ORDERS = """
              <changeSet id="2" author="ana">
                <createTable tableName="orders">
                  <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                  <column name="user_id" type="BIGINT"/>
                </createTable>
              </changeSet>
            """;
    private static final String ORDERS_REMARKS = """
              <changeSet id="2" author="ana">
                <createTable tableName="orders" remarks="one per checkout">
                  <column type="BIGINT" name="id"><constraints primaryKey="true"/></column>
                  <column type="BIGINT" name="user_id" remarks="who ordered"/>
                </createTable>
              </changeSet>
            """;
    private static final String ORDERS_NOTE = """
              <changeSet id="2" author="ana">
                <createTable tableName="orders">
                  <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                  <column name="user_id" type="BIGINT"/>
                </createTable>
                <addColumn tableName="orders"><column name="note" type="VARCHAR(100)"/></addColumn>
              </changeSet>
            """;
    private static final String NAMES = """
              <changeSet id="3" author="ana">
                <addColumn tableName="users"><column name="name" type="VARCHAR(100)"/></addColumn>
              </changeSet>
            """;

    @BeforeAll
    static void quietAndOffline() {
        LiquibaseRun.quietAndOffline();
    }

    private static Path changelog(Path dir, String... changeSets) throws Exception {
        Files.createDirectories(dir.resolve("db/changes"));
        Files.writeString(dir.resolve("db/master.xml"), MASTER);
        Files.writeString(
                dir.resolve("db/changes/001.xml"), HEAD + String.join("", changeSets) + "</databaseChangeLog>\n");
        return dir.resolve("db/changes");
    }

    /** Changesets 1 and 2 ran and orders has rows; then changeset 2 is edited: {@code update} fails, its text saved. */
    private static Path edited(ScratchDatabase db, Path dir, String orders) throws Exception {
        changelog(dir, USERS, ORDERS);
        update(db, dir);
        db.execute("INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 2)");
        changelog(dir, USERS, orders);
        Throwable failure = null;
        try {
            update(db, dir);
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).as("liquibase update after the edit").isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        assertThat(text.toString()).contains("check sum");
        Path error = dir.resolve("update-error.txt");
        Files.writeString(error, text.toString());
        return error;
    }

    private static String md5(ScratchDatabase db, String id) throws Exception {
        return db.scalar("SELECT MD5SUM FROM DATABASECHANGELOG WHERE ID = '" + id + "'");
    }

    private static String column(ScratchDatabase db, String table, String column) throws Exception {
        return db.scalar("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                + (db.engine() == Engine.POSTGRESQL ? "current_schema()" : "DATABASE()") + " AND table_name = '"
                + table + "' AND column_name = '" + column + "'");
    }

    private static CliRun repair(ScratchDatabase db, Path dir, Path error, String backup, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--migrations",
                dir.resolve("db/changes").toString(),
                "--error-file",
                error.toString(),
                "--yes",
                "--backup-dir",
                dir.resolve(backup).toString()));
        args.addAll(List.of(more));
        return CliRun.on(db, "repair", args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void cosmeticEditIsRealignedToLiquibasesOwnChecksum(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase structural cosmetic")) {
            Path error = edited(db, dir, ORDERS_REMARKS);
            String first = md5(db, "1");
            String isNow = LiquibaseValidationFailure.parse(Files.readString(error)).stream()
                    .filter(m -> m.id().equals("2"))
                    .findFirst()
                    .orElseThrow()
                    .isNow();
            String changes = dir.resolve("db/changes").toString();

            CliRun blind = CliRun.on(db, "diagnose", "--migrations", changes);
            assertThat(blind.all()).contains("cannot be verified locally").contains("--error-file");
            assertThat(blind.out()).doesNotContain("CHECKSUM_MISMATCH"); // every effect is there: nothing stands
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", changes, "--error-file", error.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("CHECKSUM_MISMATCH")
                    .contains("changeset ana:2 of 001.xml")
                    .contains("realign-checksum")
                    .contains("cosmetic");

            CliRun status = CliRun.on(db, "status", "--migrations", changes, "--error-file", error.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("changeset ana:2 of 001.xml was edited")
                    .contains("cosmetic");

            CliRun repair = repair(db, dir, error, "b");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(md5(db, "2")).isEqualTo(isNow);
            assertThat(md5(db, "1")).isEqualTo(first);

            liquibase(db, dir, Liquibase::validate);
            changelog(dir, USERS, ORDERS_REMARKS, NAMES);
            update(db, dir);
            assertThat(column(db, "users", "name")).isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void semanticEditHasItsMissingColumnAddedThenIsRealigned(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase structural semantic")) {
            Path error = edited(db, dir, ORDERS_NOTE);
            String second = md5(db, "2");
            String changes = dir.resolve("db/changes").toString();
            // without Liquibase's text the checksum is unknown, but the schema shows the edit: never "nothing to do"
            CliRun blindStatus = CliRun.on(db, "status", "--migrations", changes);
            assertThat(blindStatus.exitCode()).as(blindStatus.all()).isEqualTo(1);
            assertThat(blindStatus.out()).contains("changeset ana:2 of 001.xml").contains("not in effect");
            CliRun blindDiagnose = CliRun.on(db, "diagnose", "--migrations", changes);
            assertThat(blindDiagnose.exitCode()).as(blindDiagnose.all()).isEqualTo(1);
            assertThat(blindDiagnose.out()).contains("CHECKSUM_MISMATCH").contains("note");
            // even told to apply, nothing runs: the checksum to record after it is Liquibase's to say
            CliRun blindRepair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes,
                    "--param",
                    "apply=yes",
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b-blind").toString());
            assertThat(blindRepair.exitCode()).as(blindRepair.all()).isNotZero();
            assertThat(blindRepair.err()).contains("--error-file").doesNotContain("Exception");
            assertThat(md5(db, "2")).isEqualTo(second);
            assertThat(column(db, "orders", "note")).isEqualTo("0");
            CliRun status = CliRun.on(
                    db,
                    "status",
                    "--migrations",
                    dir.resolve("db/changes").toString(),
                    "--error-file",
                    error.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("changeset ana:2 of 001.xml").contains("semantic");
            CliRun diagnose = CliRun.on(
                    db,
                    "diagnose",
                    "--migrations",
                    dir.resolve("db/changes").toString(),
                    "--error-file",
                    error.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("note");

            CliRun declined = repair(db, dir, error, "b0", "--param", "apply=no");
            assertThat(declined.exitCode()).as(declined.all()).isEqualTo(2);
            assertThat(declined.err()).contains("note").doesNotContain("Exception");
            assertThat(md5(db, "2")).isEqualTo(second);
            assertThat(column(db, "orders", "note")).isEqualTo("0");

            CliRun repair = repair(db, dir, error, "b", "--param", "apply=yes");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(column(db, "orders", "note")).isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");

            liquibase(db, dir, Liquibase::validate);
            changelog(dir, USERS, ORDERS_NOTE, NAMES);
            update(db, dir);
            assertThat(column(db, "users", "name")).isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");
        }
    }

    /** The text is of another state of the row: realigning to its "is now" would be blind, so nothing changes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aFailureWhoseWasIsNotTheRowsChecksumIsRefused(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase structural stale text")) {
            Path error = edited(db, dir, ORDERS_REMARKS);
            db.execute("UPDATE DATABASECHANGELOG SET MD5SUM = '9:00000000000000000000000000000000' WHERE ID = '2'");

            CliRun repair = repair(db, dir, error, "b");
            assertThat(repair.exitCode()).as(repair.all()).isNotZero();
            assertThat(repair.err()).contains("not of this database").doesNotContain("Exception");
            assertThat(md5(db, "2")).isEqualTo("9:00000000000000000000000000000000");
        }
    }

    /** {@code liquibase clear-checksums}, the documented fix: update passes, and orders never gets its column. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void liquibasesClearChecksumsLeavesTheColumnOut(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase structural clear checksums")) {
            edited(db, dir, ORDERS_NOTE);
            liquibase(db, dir, Liquibase::clearCheckSums);
            update(db, dir);
            liquibase(db, dir, Liquibase::validate);
            assertThat(column(db, "orders", "note"))
                    .as("clear-checksums accepted the edit without running it")
                    .isEqualTo("0");
            assertThatThrownBy(() -> db.execute("INSERT INTO orders (id, user_id, note) VALUES (12, 1, 'x')"))
                    .hasMessageContaining("note");
        }
    }
}
