package io.migrescue.cli;

import static io.migrescue.testing.LiquibaseRun.liquibase;
import static io.migrescue.testing.LiquibaseRun.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.LiquibaseRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import liquibase.Liquibase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Liquibase changeset edited after it ran (issue 13, item 1), with real Liquibase 4.33: only that changeset is the
 * finding; a cosmetic edit gets its row's MD5SUM realigned, a semantic one has just its missing statements applied on
 * decision first; then Liquibase's own {@code validate} and {@code update} go on. {@code clear-checksums} would accept
 * the semantic edit and leave the schema without it.
 */
class LiquibaseChecksumRealignIT {
    private static final String MASTER = """
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
              <include file="changes/001.sql" relativeToChangelogFile="true"/>
            </databaseChangeLog>
            """;
    private static final String USERS = """
            --liquibase formatted sql

            --changeset ana:1
            CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
            INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'bo@example.com');
            """;
    private static final String ORDERS = """

            --changeset ana:2
            --comment: orders
            CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT);
            """;
    private static final String ORDERS_COMMENTED = """

            --changeset ana:2
            --comment: orders
            -- one order per checkout; user_id is checked by the application
            CREATE TABLE orders (
                id BIGINT PRIMARY KEY,
                user_id BIGINT
            );
            """;
    private static final String ORDERS_INDEXED = ORDERS + "CREATE INDEX orders_user_idx ON orders (user_id);\n";
    private static final String NAMES = """

            --changeset ana:3
            ALTER TABLE users ADD COLUMN name VARCHAR(100);
            """;

    @BeforeAll
    static void quietAndOffline() {
        LiquibaseRun.quietAndOffline();
    }

    private static Path changelog(Path dir, String changes) throws Exception {
        Files.createDirectories(dir.resolve("db/changes"));
        Files.writeString(dir.resolve("db/master.xml"), MASTER);
        Files.writeString(dir.resolve("db/changes/001.sql"), changes);
        return dir.resolve("db/changes");
    }

    private static String md5(ScratchDatabase db, String id) throws Exception {
        return db.scalar("SELECT MD5SUM FROM DATABASECHANGELOG WHERE ID = '" + id + "'");
    }

    private static String orderIndexes(ScratchDatabase db, Engine engine) throws Exception {
        return db.scalar(
                engine == Engine.POSTGRESQL
                        ? "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'orders_user_idx'"
                        : "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = 'orders_user_idx'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void cosmeticEditOfOneChangesetIsRealignedAndUpdateGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase checksum cosmetic")) {
            Path changes = changelog(dir, USERS + ORDERS);
            update(db, dir);
            String first = md5(db, "1");
            String second = md5(db, "2");
            changelog(dir, USERS + ORDERS_COMMENTED);
            assertThatThrownBy(() -> update(db, dir)).hasStackTraceContaining("check sum");

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", changes.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("CHECKSUM_MISMATCH")
                    .contains("changeset ana:2 of 001.sql")
                    .contains("cosmetic")
                    .contains("realign-checksum")
                    .doesNotContain("changeset ana:1");
            CliRun status = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("changeset ana:2 of 001.sql was edited after it was applied")
                    .contains("cosmetic");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(md5(db, "1")).isEqualTo(first);
            assertThat(md5(db, "2")).isNotEqualTo(second).startsWith("9:");

            liquibase(db, dir, Liquibase::validate);
            changelog(dir, USERS + ORDERS_COMMENTED + NAMES);
            update(db, dir);
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
            assertThat(db.scalar("SELECT COUNT(*) FROM users")).isEqualTo("2");
            assertThat(md5(db, "2"))
                    .as("Liquibase kept the checksum migrescue wrote")
                    .isNotEqualTo(second);
            CliRun healthy = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void semanticEditHasItsMissingStatementAppliedThenUpdateGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase checksum semantic")) {
            Path changes = changelog(dir, USERS + ORDERS);
            update(db, dir);
            db.execute("INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 2)");
            changelog(dir, USERS + ORDERS_INDEXED);

            CliRun status = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("changeset ana:2 of 001.sql").contains("semantic");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", changes.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("CHECKSUM_MISMATCH")
                    .contains("orders_user_idx")
                    .contains("semantic");
            // the changelog is one migration per changeset: not a half-applied file, and reverting is no fix
            assertThat(diagnose.out())
                    .contains("statement 2 (line 10)")
                    .doesNotContain("PARTIALLY_APPLIED")
                    .doesNotContain("revert-partial-migration");

            CliRun undecided = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(undecided.exitCode()).as(undecided.all()).isEqualTo(6);
            assertThat(undecided.err())
                    .contains("orders_user_idx")
                    .contains("--param apply=")
                    .doesNotContain("Exception");
            assertThat(orderIndexes(db, engine)).isEqualTo("0");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--param",
                    "apply=yes",
                    "--backup-dir",
                    dir.resolve("b2").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(orderIndexes(db, engine)).isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");

            liquibase(db, dir, Liquibase::validate);
            changelog(dir, USERS + ORDERS_INDEXED + NAMES);
            update(db, dir);
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
        }
    }

    /** A statement added to the changeset that someone already ran by hand is in effect: the edit is cosmetic. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void anAddedStatementAlreadyInEffectIsRealignedWithoutRunningIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase checksum present")) {
            Path changes = changelog(dir, USERS + ORDERS);
            update(db, dir);
            db.execute("CREATE INDEX orders_user_idx ON orders (user_id)");
            changelog(dir, USERS + ORDERS_INDEXED);

            CliRun status = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("changeset ana:2 of 001.sql").contains("cosmetic");
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(orderIndexes(db, engine)).isEqualTo("1");

            changelog(dir, USERS + ORDERS_INDEXED + NAMES);
            update(db, dir);
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
        }
    }

    /** {@code liquibase clear-checksums}, the tool's own fix: update passes again, yet the index the changeset now has is missing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void clearChecksumsAcceptsTheSemanticEditWhereMigrescueRefuses(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase checksum refused")) {
            Path changes = changelog(dir, USERS + ORDERS);
            update(db, dir);
            String second = md5(db, "2");
            changelog(dir, USERS + ORDERS_INDEXED);

            CliRun declined = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--param",
                    "apply=no",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(declined.exitCode()).as(declined.all()).isEqualTo(2);
            assertThat(declined.err())
                    .contains("not in effect")
                    .contains("orders_user_idx")
                    .doesNotContain("Exception");
            assertThat(md5(db, "2")).isEqualTo(second);

            liquibase(db, dir, Liquibase::clearCheckSums);
            update(db, dir);
            liquibase(db, dir, Liquibase::validate);
            assertThat(orderIndexes(db, engine)).isEqualTo("0");
        }
    }
}
