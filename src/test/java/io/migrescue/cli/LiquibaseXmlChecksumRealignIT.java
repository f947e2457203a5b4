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
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A changeset of an XML changelog edited after it ran (issue 13, item 1), with real Liquibase 4.33: its {@code <sql>}
 * is read per changeset, a cosmetic edit gets that row's checksum realigned in the version the row records (9 as 4.33
 * writes it, 8 as older releases wrote it), a semantic one has just its missing statement applied on decision; then
 * Liquibase's own {@code validate} and {@code update} succeed.
 */
class LiquibaseXmlChecksumRealignIT {
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
                <sql>CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200));
                INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'bo@example.com');</sql>
              </changeSet>
            """;
    private static final String ORDERS = """
              <changeSet id="2" author="ana">
                <comment>orders</comment>
                <sql>CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT)</sql>
              </changeSet>
            """;
    private static final String ORDERS_COMMENTED = """
              <changeSet id="2" author="ana">
                <comment>orders, one per checkout</comment>
                <sql>
                    -- user_id is checked by the application
                    CREATE TABLE orders (
                        id BIGINT PRIMARY KEY,
                        user_id BIGINT
                    )
                </sql>
              </changeSet>
            """;
    private static final String ORDERS_INDEXED = """
              <changeSet id="2" author="ana">
                <comment>orders</comment>
                <sql>CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT)</sql>
                <sql>CREATE INDEX orders_user_idx ON orders (user_id)</sql>
              </changeSet>
            """;
    private static final String NAMES = """
              <changeSet id="3" author="ana">
                <sql>ALTER TABLE users ADD COLUMN name VARCHAR(100)</sql>
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
    void cosmeticEditOfAnXmlChangesetIsRealignedAndUpdateGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase xml checksum cosmetic")) {
            Path changes = changelog(dir, USERS, ORDERS);
            update(db, dir);
            String first = md5(db, "1");
            String second = md5(db, "2");
            changelog(dir, USERS, ORDERS_COMMENTED);
            assertThatThrownBy(() -> update(db, dir)).hasStackTraceContaining("check sum");

            CliRun status = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out())
                    .contains("changeset ana:2 of 001.xml was edited after it was applied")
                    .contains("cosmetic")
                    .doesNotContain("changeset ana:1");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", changes.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("CHECKSUM_MISMATCH").contains("realign-checksum");

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
            changelog(dir, USERS, ORDERS_COMMENTED, NAMES);
            update(db, dir);
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
            assertThat(db.scalar("SELECT COUNT(*) FROM users WHERE name IS NULL"))
                    .isEqualTo("2");
            CliRun healthy = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    /** A row an older Liquibase wrote carries a version 8 checksum: it is recomputed and realigned in version 8. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aVersion8ChecksumIsRealignedInVersion8(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase xml checksum v8")) {
            Path changes = changelog(dir, USERS, ORDERS);
            update(db, dir);
            db.execute("UPDATE DATABASECHANGELOG SET MD5SUM = '" + liquibaseChecksum(db, dir, "2", ChecksumVersion.V8)
                    + "' WHERE ID = '2'");
            liquibase(db, dir, Liquibase::validate); // Liquibase 4.33 accepts the row as an older release wrote it
            db.execute("UPDATE DATABASECHANGELOG SET MD5SUM = '" + liquibaseChecksum(db, dir, "2", ChecksumVersion.V8)
                    + "' WHERE ID = '2'");
            changelog(dir, USERS, ORDERS_COMMENTED);

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(md5(db, "2")).isEqualTo(liquibaseChecksum(db, dir, "2", ChecksumVersion.V8));

            liquibase(db, dir, Liquibase::validate);
            changelog(dir, USERS, ORDERS_COMMENTED, NAMES);
            update(db, dir);
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void semanticEditHasItsMissingStatementAppliedThenUpdateGoesOn(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase xml checksum semantic")) {
            Path changes = changelog(dir, USERS, ORDERS);
            update(db, dir);
            db.execute("INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 2)");
            String second = md5(db, "2");
            changelog(dir, USERS, ORDERS_INDEXED);

            CliRun status = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("changeset ana:2 of 001.xml").contains("semantic");

            CliRun declined = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--param",
                    "apply=no",
                    "--backup-dir",
                    dir.resolve("b0").toString());
            assertThat(declined.exitCode()).as(declined.all()).isEqualTo(2);
            assertThat(declined.err()).contains("orders_user_idx").doesNotContain("Exception");
            assertThat(md5(db, "2")).isEqualTo(second);

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--param",
                    "apply=yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(orderIndexes(db, engine)).isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("2");

            liquibase(db, dir, Liquibase::validate);
            changelog(dir, USERS, ORDERS_INDEXED, NAMES);
            update(db, dir);
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
        }
    }

    /** The checksum real Liquibase computes, in {@code version}, for the changeset as the changelog holds it now. */
    private static String liquibaseChecksum(ScratchDatabase db, Path dir, String id, ChecksumVersion version)
            throws Exception {
        String[] checksum = new String[1];
        liquibase(db, dir, l -> {
            for (ChangeSet cs : l.getDatabaseChangeLog().getChangeSets()) {
                if (cs.getId().equals(id)) {
                    checksum[0] = Scope.child(
                            Map.of(Scope.Attr.resourceAccessor.name(), l.getResourceAccessor()),
                            () -> cs.generateCheckSum(version).toString());
                }
            }
        });
        return checksum[0];
    }
}
