package io.migrescue.history;

import static io.migrescue.history.Histories.NOW;
import static io.migrescue.history.Histories.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquibaseToolTest {
    private static final Dialect PG = Dialect.of(Engine.POSTGRESQL);
    private static final Dialect MARIADB = Dialect.of(Engine.MARIADB);
    private static final String CHANGES = """
            --liquibase formatted sql

            --changeset ana:1
            --comment: users table
            CREATE TABLE users (id INT PRIMARY KEY);

            --changeset ana:2 context:prod labels:v1,core
            CREATE TABLE orders (id INT PRIMARY KEY);

            --changeset "bo b":"x 3" dbms:postgresql
            CREATE INDEX orders_x ON orders (id);

            --changeset ana:4 ignore:true
            SELECT 1;
            """;
    private final LiquibaseTool writer = new LiquibaseTool();

    @TempDir
    Path dir;

    private MigrationFile changes() {
        return Histories.file(dir, "src/main/resources/db/changes/002.sql", CHANGES, "002", "plain");
    }

    private static MigrationHistory history(String schema, HistoryEntry... entries) {
        return Histories.of("liquibase", schema, "databasechangelog", entries);
    }

    @Test
    void headersAreReadAsLiquibaseReadsThem() {
        List<LiquibaseFormattedSql.ChangeSet> sets = LiquibaseFormattedSql.parse(CHANGES);
        assertThat(sets)
                .extracting(LiquibaseFormattedSql.ChangeSet::author)
                .containsExactly("ana", "ana", "bo b", "ana");
        assertThat(sets).extracting(LiquibaseFormattedSql.ChangeSet::id).containsExactly("1", "2", "x 3", "4");
        assertThat(sets.get(0).comments()).isEqualTo("users table");
        assertThat(sets.get(1).comments()).isEmpty();
        assertThat(sets.get(1).contexts()).isEqualTo("prod");
        assertThat(sets.get(1).labels()).isEqualTo("v1,core");
        assertThat(sets.get(0).contexts()).isNull();
        assertThat(sets.get(2).runsOn(Engine.POSTGRESQL)).isTrue();
        assertThat(sets.get(2).runsOn(Engine.MARIADB)).isFalse();
        assertThat(sets.get(3).runsOn(Engine.POSTGRESQL)).isFalse();
        assertThat(LiquibaseFormattedSql.parse("CREATE TABLE t (id INT);")).isEmpty();
        assertThat(new LiquibaseFormattedSql.ChangeSet("a", "1", null, null, null, "", "!mysql", false)
                        .runsOn(Engine.MARIADB))
                .isTrue();
        assertThat(new LiquibaseFormattedSql.ChangeSet("a", "1", null, null, null, "", "mariadb,mysql", false)
                        .runsOn(Engine.POSTGRESQL))
                .isFalse();
    }

    @Test
    void eachUnrecordedChangesetOfTheFileGetsAMarkRanRow() {
        MigrationHistory h = history(
                "public",
                entry("1::ana::db/changes/001.sql", EntryState.APPLIED),
                entry("1::ana::db/changes/002.sql", EntryState.APPLIED));
        List<BoundStatement> plan = writer.recordApplied(PG, h, changes(), NOW, null);
        assertThat(plan).hasSize(2); // 1 is recorded; 4 is ignored; "x 3" is PostgreSQL's, so it is here
        assertThat(plan.get(0).sql())
                .isEqualTo("INSERT INTO \"public\".\"databasechangelog\" (\"id\", \"author\", \"filename\","
                        + " \"dateexecuted\", \"orderexecuted\", \"exectype\", \"md5sum\", \"description\", \"comments\", \"tag\", \"liquibase\","
                        + " \"contexts\", \"labels\", \"deployment_id\") SELECT ?, ?, ?, CAST(? AS TIMESTAMPTZ), COALESCE(MAX(\"orderexecuted\"), 0) + 1,"
                        + " ?, NULL, ?, ?, NULL, ?, ?, ?, ? FROM \"public\".\"databasechangelog\"");
        assertThat(plan.get(0).params())
                .containsExactly(
                        "2",
                        "ana",
                        "db/changes/002.sql",
                        "2026-03-01T10:15:30.123Z",
                        "MARK_RAN",
                        "sql",
                        "",
                        "4.33.0",
                        "prod",
                        "v1,core",
                        "2360130123"); // NOW is 1772360130123 ms
        assertThat(plan.get(1).sql()).contains("?, NULL, ?, ?, NULL, ?, NULL, NULL, ? FROM");
        assertThat(plan.get(1).params())
                .containsExactly(
                        "x 3",
                        "bo b",
                        "db/changes/002.sql",
                        "2026-03-01T10:15:30.123Z",
                        "MARK_RAN",
                        "sql",
                        "",
                        "4.33.0",
                        "2360130123");
    }

    @Test
    void onMariaDbTheDateIsTheSessionClockAndDbmsIsHonoured() {
        MigrationHistory h = history("app", entry("9::ops::db/changes/001.sql", EntryState.APPLIED));
        h = new MigrationHistory("liquibase", "app", "DATABASECHANGELOG", h.entries(), null);
        List<BoundStatement> plan = writer.recordApplied(MARIADB, h, changes(), NOW, null);
        assertThat(plan).extracting(s -> s.params().get(0)).containsExactly("1", "2");
        assertThat(plan.get(0).sql())
                .startsWith("INSERT INTO `app`.`DATABASECHANGELOG` (`id`, ")
                .contains("FROM_UNIXTIME(? / 1000)");
        assertThat(plan.get(0).params())
                .containsExactly(
                        "1",
                        "ana",
                        "db/changes/002.sql",
                        NOW.toEpochMilli(),
                        "MARK_RAN",
                        "sql",
                        "users table",
                        "4.33.0",
                        "2360130123");
    }

    @Test
    void theChangelogPathComesFromTheHistory(@TempDir Path other) {
        Path file = other.resolve("repo/src/main/resources/db/changelog/changes/002.sql");
        assertThat(LiquibasePaths.changelogPath(
                        file, history("p", entry("1::a::db/changelog/changes/002.sql", EntryState.APPLIED))))
                .isEqualTo("db/changelog/changes/002.sql");
        assertThat(LiquibasePaths.changelogPath(
                        file,
                        history(
                                "p",
                                entry("1::a::db/changelog/db.changelog-master.yaml", EntryState.APPLIED),
                                entry("1::a::db/changelog/changes/001.sql", EntryState.APPLIED))))
                .isEqualTo("db/changelog/changes/002.sql");
        assertThat(LiquibasePaths.changelogPath(
                        file, history("p", entry("1::a::classpath:db/changelog/changes/001.sql", EntryState.APPLIED))))
                .isEqualTo("classpath:db/changelog/changes/002.sql");
        assertThat(LiquibasePaths.changelogPath(file, history("p", entry("1::a::001.sql", EntryState.APPLIED))))
                .isEqualTo("002.sql");
        assertThatThrownBy(() -> LiquibasePaths.changelogPath(
                        file, history("p", entry("1::a::db/changelog/other/001.sql", EntryState.APPLIED))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logicalFilePath");
    }

    @Test
    void aLogicalFilePathIsRecordedAsIs(@TempDir Path other) {
        MigrationFile file = Histories.file(
                other,
                "x.sql",
                "--liquibase formatted sql\n--changeset ana:7 logicalFilePath:release/7.sql\nSELECT 1;\n",
                "x",
                "plain");
        assertThat(writer.recordApplied(PG, history("public"), file, NOW, null))
                .singleElement()
                .satisfies(s -> assertThat(s.params().get(2)).isEqualTo("release/7.sql"));
    }

    @Test
    void aFileThatIsNotFormattedSqlIsRefusedWithWhatToDo(@TempDir Path other) {
        MigrationFile xml = Histories.file(other, "changelog.xml", "<databaseChangeLog/>", "changelog", "plain");
        assertThatThrownBy(() -> writer.recordApplied(PG, history("public"), xml, NOW, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("formatted SQL");
    }

    @Test
    void deploymentIdIsTheLastTenDigitsOfTheMillis() {
        assertThat(LiquibaseRows.deploymentId(Instant.ofEpochMilli(1795249768474L)))
                .isEqualTo("5249768474");
    }

    @Test
    void rolledBackDeletesARecordedChangesetOnly() {
        MigrationHistory h = history("public", entry("2::ana::db/changes/002.sql", EntryState.APPLIED));
        assertThat(writer.recordRolledBack(PG, h, "2::ana::db/changes/002.sql", List.of(), NOW))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.sql())
                            .isEqualTo(
                                    "DELETE FROM \"public\".\"databasechangelog\" WHERE \"id\" = ? AND \"author\" = ? AND \"filename\" = ?");
                    assertThat(s.params()).containsExactly("2", "ana", "db/changes/002.sql");
                });
        assertThat(writer.recordRolledBack(PG, h, "3::ana::db/changes/002.sql", List.of(), NOW))
                .isEmpty();
    }

    @Test
    void releaseLockIsReleaseLocksGuardedByTheHolderSeen() {
        MigrationHistory locked = Histories.withLock(
                history("app"), new HistoryLock("DATABASECHANGELOGLOCK", true, "pod-7 (10.1.2.3)", NOW));
        assertThat(writer.releaseLock(MARIADB, locked)).singleElement().satisfies(s -> {
            assertThat(s.sql())
                    .isEqualTo(
                            "UPDATE `app`.`DATABASECHANGELOGLOCK` SET `locked` = ?, `lockgranted` = NULL, `lockedby` = NULL"
                                    + " WHERE `id` = ? AND `locked` = ? AND `lockedby` = ?");
            assertThat(s.params()).containsExactly(false, 1, true, "pod-7 (10.1.2.3)");
        });
        MigrationHistory anonymous =
                Histories.withLock(history("public"), new HistoryLock("databasechangeloglock", true, null, null));
        assertThat(writer.releaseLock(PG, anonymous).get(0).sql()).endsWith("\"lockedby\" IS NULL");
        assertThat(writer.releaseLock(
                        PG,
                        Histories.withLock(
                                history("public"), new HistoryLock("databasechangeloglock", false, null, null))))
                .isEmpty();
        assertThat(writer.releaseLock(PG, history("public"))).isEmpty();
        assertThatThrownBy(() -> writer.clearDirty(PG, history("public"), "1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
