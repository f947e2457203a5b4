package io.migrescue.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Baseline for Liquibase on a database it never ran on (issue 13, item 5), with real Liquibase 4.33: the tables of the
 * changelog's first changesets were made by hand (no DATABASECHANGELOG), so {@code update} fails creating what exists.
 * migrescue makes DATABASECHANGELOG as Liquibase does and records those changesets under the FILENAME the changelog path
 * Liquibase is given makes ({@code --param changelog-file}, else liquibase.properties); the rest is left to
 * {@code update} (also when a failed {@code update} left DATABASECHANGELOG empty). Liquibase's own {@code changelog-sync} records a changeset whose table has another shape.
 */
class LiquibaseNeverRanBaselineIT {
    private static final String NS = "http://www.liquibase.org/xml/ns/dbchangelog";

    /** A changelog holding {@code body}, declared with the schema Liquibase validates it against. */
    private static String changelog(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<databaseChangeLog xmlns=\"" + NS + "\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + NS + " " + NS
                + "/dbchangelog-latest.xsd\">\n" + body + "</databaseChangeLog>\n";
    }

    /** Changeset 1: a raw SQL change. */
    private static final String USERS = changelog("""
            <changeSet id="1" author="ana">
              <sql>CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200))</sql>
            </changeSet>
            """);
    /** Changeset 2 structural (its effects read from the changelog), changeset 3 a column nobody made. */
    private static final String LATER = changelog("""
            <changeSet id="2" author="bo">
              <createTable tableName="orders">
                <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
                <column name="customer_email" type="VARCHAR(200)"/>
                <column name="status" type="VARCHAR(20)"/>
              </createTable>
            </changeSet>
            <changeSet id="3" author="bo">
              <addColumn tableName="users"><column name="display_name" type="VARCHAR(80)"/></addColumn>
            </changeSet>
            """);

    private static String row(String id, String fileName) {
        return " FROM DATABASECHANGELOG WHERE ID = '" + id + "' AND FILENAME = '" + fileName + "'";
    }

    @BeforeAll
    static void quietAndOffline() {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "0");
    }

    /** db/master.xml includes db/changes/001.xml and 002.xml; the migrations folder given to migrescue is db/changes. */
    private static Path changelogs(Path dir) throws Exception {
        Path changes = Files.createDirectories(dir.resolve("db/changes"));
        Files.writeString(changes.resolve("001.xml"), USERS);
        Files.writeString(changes.resolve("002.xml"), LATER);
        Files.writeString(dir.resolve("db/master.xml"), changelog("""
                <include file="changes/001.xml" relativeToChangelogFile="true"/>
                <include file="changes/002.xml" relativeToChangelogFile="true"/>
                """));
        return changes;
    }

    /**
     * {@code liquibase --changelog-file=db/master.xml COMMAND} with {@code dir} as its search path, through the command
     * API the CLI runs.
     */
    private static void run(ScratchDatabase db, Path dir, String command) throws Exception {
        try (Connection c = db.connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(dir)), () -> {
                new CommandScope(command)
                        .addArgumentValue("database", database)
                        .addArgumentValue("changelogFile", "db/master.xml")
                        .execute();
            });
        }
    }

    private static void update(ScratchDatabase db, Path dir) throws Exception {
        run(db, dir, "update");
    }

    /** The tables of changesets 1 and 2 made by hand, with rows; Liquibase never ran here. */
    private static Path pushed(ScratchDatabase db, Path dir, String orders) throws Exception {
        Path changes = changelogs(dir);
        db.execute(
                "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200))",
                orders,
                "INSERT INTO users (id, email) VALUES (1, 'a@x.org')",
                "INSERT INTO orders (id) VALUES (10)");
        return changes;
    }

    private static String columnCount(ScratchDatabase db, String table, String column) throws Exception {
        return db.scalar("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                + (db.engine() == Engine.POSTGRESQL ? "current_schema()" : "DATABASE()") + " AND table_name = '"
                + table + "' AND column_name = '" + column + "'");
    }

    private static CliRun repair(ScratchDatabase db, Path changes, Path dir, String... more) {
        String[] args = {
            "--migrations",
            changes.toString(),
            "--yes",
            "--backup-dir",
            dir.resolve("b").toString()
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.on(db, "repair", all);
    }

    private static void updateRunsTheRest(ScratchDatabase db, Path dir, Path changes) throws Exception {
        run(db, dir, "validate");
        update(db, dir);
        assertThat(columnCount(db, "users", "display_name"))
                .as("changeset 3 ran")
                .isEqualTo("1");
        assertThat(db.scalar("SELECT CONCAT((SELECT COUNT(*) FROM DATABASECHANGELOG), '/',"
                        + " (SELECT COUNT(*) FROM users), '/', (SELECT COUNT(*) FROM orders))"))
                .as("history rows / users / orders")
                .isEqualTo("3/1/1");
        assertThat(CliRun.on(db, "status", "--migrations", changes.toString()).exitCode())
                .as("status once update ran")
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void theChangesetsInEffectAreRecordedUnderTheGivenChangelogPath(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase never ran baseline")) {
            Path changes = pushed(
                    db,
                    dir,
                    "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_email VARCHAR(200), status VARCHAR(20))");
            assertThatThrownBy(() -> update(db, dir)).hasStackTraceContaining("users");
            // the failed update left DATABASECHANGELOG empty: still nothing to copy a FILENAME from

            CliRun status = CliRun.on(db, "status", "--migrations", changes.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", changes.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out()).contains("UNRECORDED_MIGRATIONS").contains("baseline-applied-migrations");

            CliRun asks = repair(db, changes, dir);
            assertThat(asks.exitCode()).as(asks.all()).isEqualTo(6);
            assertThat(asks.all()).contains("--param changelog-file=");
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("0");

            CliRun repair = repair(db, changes, dir, "--param", "changelog-file=db/master.xml");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(db.scalar("SELECT EXECTYPE" + row("1", "db/changes/001.xml")))
                    .isEqualTo("EXECUTED");
            assertThat(db.scalar("SELECT EXECTYPE" + row("2", "db/changes/002.xml")))
                    .isEqualTo("EXECUTED");
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '3'"))
                    .isEqualTo("0");

            updateRunsTheRest(db, dir, changes);
        }
    }

    /**
     * orders exists with another shape: migrescue records changeset 1 only (under the changelog path liquibase.properties
     * gives) and leaves orders as it is (never moved aside); Liquibase's changelog-sync records changeset 2 too, so the schema never gets customer_email.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aTableOfAnotherShapeStopsTheBaselineWhereChangelogSyncRecordsIt(Engine engine, @TempDir Path dir)
            throws Exception {
        String otherOrders = "CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(50))";
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase never ran other shape")) {
            Path changes = pushed(db, dir, otherOrders);
            CliRun asks = repair(db, changes, dir);
            assertThat(asks.exitCode()).as(asks.all()).isEqualTo(6);
            assertThat(columnCount(db, "databasechangelog", "id")).isEqualTo("0");

            // no --param: the project's liquibase.properties says the changelog path
            Files.writeString(dir.resolve("liquibase.properties"), "changeLogFile: db/master.xml\n");
            CliRun repair = repair(db, changes, dir);
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(repair.all()).contains("changeLogFile of");
            assertThat(db.scalar("SELECT COUNT(*)" + row("1", "db/changes/001.xml")))
                    .isEqualTo("1");
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID <> '1'"))
                    .isEqualTo("0");
            assertThat(db.scalar("SELECT COUNT(*) FROM orders")).isEqualTo("1");
            assertThat(columnCount(db, "orders", "note")).isEqualTo("1");
            assertThatThrownBy(() -> update(db, dir)).hasStackTraceContaining("orders");
        }
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase own changelog sync other shape")) {
            pushed(db, dir.resolve("own"), otherOrders);
            Path own = dir.resolve("own");
            run(db, own, "changelogSync");
            update(db, own);
            assertThat(db.scalar("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo("3");
            assertThat(columnCount(db, "orders", "customer_email"))
                    .as("changelog-sync recorded changeset 2 over an orders table without customer_email")
                    .isEqualTo("0");
        }
    }
}
