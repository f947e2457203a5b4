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
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Liquibase equivalent of a baseline (issue 13, item 5), with real Liquibase 4.33: a changeset of an XML changelog
 * was run by hand before its release, so {@code update} fails creating what exists. migrescue records that changeset as
 * {@code changelog-sync} would (EXECUTED, Liquibase's checksum), and only it: the next one, not in effect, is left to
 * {@code update}. Liquibase's own {@code changelog-sync} marks every changeset run and leaves the schema without it.
 */
class LiquibaseChangelogSyncIT {
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
            """;
    private static final String END = "</databaseChangeLog>\n";
    private static final String USERS = HEAD + """
              <changeSet id="1" author="ana">
                <sql>CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200))</sql>
              </changeSet>
            """ + END;
    private static final String LATER = HEAD + """
              <changeSet id="2" author="bo" context="prod">
                <comment>orders</comment>
                <sql>CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT)</sql>
              </changeSet>
              <changeSet id="3" author="bo">
                <sql>ALTER TABLE users ADD COLUMN name VARCHAR(100)</sql>
              </changeSet>
            """ + END;

    private static final String LATER_STRUCTURAL = HEAD + """
              <changeSet id="2" author="bo">
                <createTable tableName="orders">
                  <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                  <column name="user_id" type="BIGINT"/>
                </createTable>
              </changeSet>
              <changeSet id="3" author="bo">
                <addColumn tableName="users"><column name="name" type="VARCHAR(100)"/></addColumn>
              </changeSet>
            """ + END;

    @BeforeAll
    static void quietAndOffline() {
        LiquibaseRun.quietAndOffline();
    }

    private static Path changelog(Path dir, boolean later) throws Exception {
        return changelog(dir, later, LATER);
    }

    private static Path changelog(Path dir, boolean later, String laterChangelog) throws Exception {
        Files.createDirectories(dir.resolve("db/changes"));
        Files.writeString(
                dir.resolve("db/master.xml"),
                HEAD + "  <include file=\"changes/001.xml\" relativeToChangelogFile=\"true\"/>\n"
                        + (later ? "  <include file=\"changes/002.xml\" relativeToChangelogFile=\"true\"/>\n" : "")
                        + END);
        Files.writeString(dir.resolve("db/changes/001.xml"), USERS);
        if (later) {
            Files.writeString(dir.resolve("db/changes/002.xml"), laterChangelog);
        }
        return dir.resolve("db/changes");
    }

    /** Changeset 1 ran; changeset 2 was run by hand before its release, with rows since. */
    private static Path stuck(ScratchDatabase db, Path dir) throws Exception {
        changelog(dir, false);
        update(db, dir);
        db.execute(
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT)",
                "INSERT INTO users (id, email) VALUES (1, 'a@x.org')",
                "INSERT INTO orders (id, user_id) VALUES (10, 1)");
        Path changes = changelog(dir, true);
        assertThatThrownBy(() -> update(db, dir)).hasStackTraceContaining("orders");
        return changes;
    }

    private static String names(ScratchDatabase db) throws Exception {
        return db.scalar(
                db.engine() == Engine.POSTGRESQL
                        ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'users' AND column_name = 'name'"
                        : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'users' AND column_name = 'name'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void theChangesetInEffectIsSyncedAndUpdateRunsTheNext(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase changelog sync")) {
            Path changes = stuck(db, dir);

            CliRun status = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("in effect but not recorded").contains("2::bo::db/changes/002.xml");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", changes.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("UNRECORDED_MIGRATIONS")
                    .contains("baseline-applied-migrations")
                    .contains("changeset bo:3 of 002.xml");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            String row = " FROM DATABASECHANGELOG WHERE ID = '2' AND AUTHOR = 'bo' AND FILENAME = 'db/changes/002.xml'";
            assertThat(db.scalar("SELECT EXECTYPE" + row)).isEqualTo("EXECUTED");
            assertThat(db.scalar("SELECT MD5SUM" + row)).isEqualTo(liquibaseChecksum(db, dir, "2"));
            assertThat(db.scalar("SELECT ORDEREXECUTED" + row)).isEqualTo("2");
            assertThat(db.scalar("SELECT DESCRIPTION" + row)).isEqualTo("sql");
            assertThat(db.scalar("SELECT COMMENTS" + row)).isEqualTo("orders");
            assertThat(db.scalar("SELECT CONTEXTS" + row)).isEqualTo("prod");
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '3'"))
                    .isEqualTo("0");

            liquibase(db, dir, Liquibase::validate);
            update(db, dir);
            assertThat(names(db)).isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("1");
            CliRun healthy = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(healthy.exitCode()).as(healthy.all()).isZero();
        }
    }

    /**
     * A structural changeset (createTable) made by hand: its effects are read from the changelog, it is recorded with
     * MD5SUM NULL (its checksum cannot be recomputed), which Liquibase fills in on its next run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aStructuralChangesetInEffectIsSyncedWithoutAChecksum(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase changelog sync structural")) {
            changelog(dir, false);
            update(db, dir);
            db.execute(
                    "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT)",
                    "INSERT INTO orders (id, user_id) VALUES (10, 1)");
            Path changes = changelog(dir, true, LATER_STRUCTURAL);
            assertThatThrownBy(() -> update(db, dir)).hasStackTraceContaining("orders");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    changes.toString(),
                    "--yes",
                    "--backup-dir",
                    dir.resolve("b").toString());
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            String row = " FROM DATABASECHANGELOG WHERE ID = '2' AND FILENAME = 'db/changes/002.xml'";
            assertThat(db.scalar("SELECT EXECTYPE" + row)).isEqualTo("EXECUTED");
            assertThat(db.scalar("SELECT MD5SUM" + row)).isNull();
            assertThat(db.scalar("SELECT DESCRIPTION" + row)).isEqualTo("createTable tableName=orders");
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '3'"))
                    .isEqualTo("0");

            update(db, dir);
            liquibase(db, dir, Liquibase::validate);
            assertThat(names(db)).isEqualTo("1");
            assertThat(db.scalar("SELECT MD5SUM" + row)).isEqualTo(liquibaseChecksum(db, dir, "2"));
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("1");
        }
    }

    /** {@code liquibase changelog-sync}, the tool's own fix: update passes again, yet changeset 3 never ran. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void liquibasesChangelogSyncMarksTheNextOneRunWithoutIt(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase own changelog sync")) {
            stuck(db, dir);
            liquibase(db, dir, l -> l.changeLogSync(new Contexts(), new LabelExpression()));
            update(db, dir);
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
            assertThat(names(db))
                    .as("changelog-sync recorded changeset 3 without running it")
                    .isEqualTo("0");
        }
    }

    private static String liquibaseChecksum(ScratchDatabase db, Path dir, String id) throws Exception {
        String[] checksum = new String[1];
        liquibase(db, dir, l -> {
            for (ChangeSet cs : l.getDatabaseChangeLog().getChangeSets()) {
                if (cs.getId().equals(id)) {
                    checksum[0] = Scope.child(
                            Map.of(Scope.Attr.resourceAccessor.name(), l.getResourceAccessor()),
                            () -> cs.generateCheckSum(ChecksumVersion.V9).toString());
                }
            }
        });
        return checksum[0];
    }
}
