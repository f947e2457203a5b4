package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import io.migrescue.testing.Plans;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Liquibase history writer proven with real Liquibase 4.33 (liquibase-core, test scope only): after a killed run's
 * lock is released, and after a failed changeset finished by hand is recorded MARK_RAN, Liquibase's next
 * {@code update} goes on; the row matches the one Liquibase writes for the same changeset.
 */
class LiquibaseHistoryWritesIT {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
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
            CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);
            INSERT INTO users (id, email) VALUES (1, 'ana@example.com'), (2, 'ana@example.com');
            """;
    private static final String ORDERS = """

            --changeset ana:2 context:prod labels:v1,core
            --comment: orders, and one account per e-mail
            CREATE TABLE orders (id BIGINT PRIMARY KEY);
            CREATE UNIQUE INDEX users_email_uq ON users (email);
            """;
    private static final String NAMES = """

            --changeset ana:3
            ALTER TABLE users ADD COLUMN name VARCHAR(100);
            """;

    @BeforeAll
    static void quietAndOffline() {
        System.setProperty("liquibase.analytics.enabled", "false"); // no usage reports leave the test
        System.setProperty(
                "liquibase.changelogLockWaitTimeInMinutes", "0"); // a held lock fails at once instead of in 5 min
    }

    private static Path changelog(Path dir, String changes) throws Exception {
        Files.createDirectories(dir.resolve("db/changes"));
        Files.writeString(dir.resolve("db/master.xml"), MASTER);
        Path file = dir.resolve("db/changes/001.sql");
        Files.writeString(file, changes);
        return file;
    }

    private static void update(ScratchDatabase db, Path dir) throws Exception {
        try (Connection c = db.connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase =
                    new Liquibase("db/master.xml", new DirectoryResourceAccessor(dir.toFile()), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    /** DATABASECHANGELOG rows by ID, each column as text. */
    private static Map<String, Map<String, String>> changelogRows(ScratchDatabase db) throws Exception {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i).toUpperCase(java.util.Locale.ROOT), rs.getString(i));
                }
                rows.put(row.get("ID"), row);
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aLockLeftByAKilledRunIsReleasedAndTheNextUpdateRuns(Engine engine, @TempDir Path dir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase release lock")) {
            changelog(dir, USERS);
            update(db, dir);
            try (Connection c = db.connect()) { // a pod killed mid-update: it took the lock and never gave it back
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                assertThat(LockServiceFactory.getInstance()
                                .getLockService(database)
                                .acquireLock())
                        .isTrue();
            }
            changelog(dir, USERS + NAMES);
            assertThatThrownBy(() -> update(db, dir)).hasStackTraceContaining("Could not acquire change log lock");

            MigrationHistory history = Plans.history(db, "liquibase");
            assertThat(history.locked()).isTrue();
            Plans.execute(db, new LiquibaseTool().releaseLock(Dialect.of(engine), history));

            update(db, dir);
            assertThat(changelogRows(db)).containsOnlyKeys("1", "3");
            assertThat(Plans.history(db, "liquibase").locked()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void aFailedChangesetFinishedByHandIsRecordedMarkRanAndTheNextUpdateSkipsIt(
            Engine engine, @TempDir Path dir, @TempDir Path controlDir) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "liquibase mark ran");
                ScratchDatabase control = ScratchDatabase.create(engine, "liquibase control")) {
            Path file = changelog(dir, USERS + ORDERS);
            assertThatThrownBy(() -> update(db, dir)).hasStackTraceContaining("users_email_uq");
            MigrationHistory history = Plans.history(db, "liquibase");
            assertThat(history.entries()).extracting(HistoryEntry::id).containsExactly("1::ana::db/changes/001.sql");

            // the operator finishes changeset 2 by hand (on MariaDB its CREATE TABLE had already committed)
            List<String> byHand = new ArrayList<>(List.of("DELETE FROM users WHERE id = 2"));
            if (engine == Engine.POSTGRESQL) {
                byHand.add("CREATE TABLE orders (id BIGINT PRIMARY KEY)");
            }
            byHand.add("CREATE UNIQUE INDEX users_email_uq ON users (email)");
            db.execute(byHand.toArray(String[]::new));
            Plans.execute(
                    db,
                    new LiquibaseTool()
                            .recordApplied(
                                    Dialect.of(engine),
                                    history,
                                    new MigrationFile("001", "001", file, "plain"),
                                    NOW,
                                    null));

            changelog(dir, USERS + ORDERS + NAMES);
            update(db, dir); // had changeset 2 run again, CREATE TABLE orders would fail
            Map<String, Map<String, String>> rows = changelogRows(db);
            assertThat(rows).containsOnlyKeys("1", "2", "3");
            assertThat(rows.get("2").get("EXECTYPE")).isEqualTo("MARK_RAN");
            assertThat(rows.get("2").get("ORDEREXECUTED")).isEqualTo("2");
            assertThat(rows.get("3").get("EXECTYPE")).isEqualTo("EXECUTED");
            assertThat(rows.get("3").get("ORDEREXECUTED")).isEqualTo("3");
            assertThat(rows.get("2").get("DEPLOYMENT_ID")).isEqualTo("2360130000"); // 1772360130000 ms

            // the same changeset run cleanly by Liquibase itself writes the same row (but EXECUTED and its own stamps)
            changelog(controlDir, USERS.replace(", (2, 'ana@example.com')", "") + ORDERS);
            update(control, controlDir);
            Map<String, String> liquibases = changelogRows(control).get("2");
            for (String column : List.of(
                    "ID", "AUTHOR", "FILENAME", "DESCRIPTION", "COMMENTS", "TAG", "LIQUIBASE", "CONTEXTS", "LABELS")) {
                assertThat(rows.get("2").get(column)).as(column).isEqualTo(liquibases.get(column));
            }
            // NULL was written; Liquibase's update stored the checksum it computes for the changeset
            assertThat(rows.get("2").get("MD5SUM")).isNotNull().isEqualTo(liquibases.get("MD5SUM"));
            assertThat(LiquibaseRows.LIQUIBASE_VERSION).isEqualTo(LiquibaseUtil.getBuildVersion());
        }
    }
}
