package io.migrescue.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.DatabaseInfo;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusReportTest {
    private final DatabaseInfo db =
            new DatabaseInfo(Engine.MARIADB, "10.11.19", "10.11.19-MariaDB", "jdbc:mysql://h:3306/app", "root", "app");

    private static HistoryEntry entry(String id, EntryState state) {
        return new HistoryEntry(id, "m" + id, state, Instant.EPOCH, null, null);
    }

    @Test
    void healthyWhenNothingFailedDirtyLockedOrInvalid() {
        MigrationHistory flyway = new MigrationHistory(
                "flyway",
                "app",
                "flyway_schema_history",
                List.of(entry("1", EntryState.APPLIED), entry("2", EntryState.APPLIED)),
                null);
        StatusReport report = new StatusReport(db, Map.of("app", 3), List.of(flyway), List.of());
        assertThat(report.healthy()).isTrue();
        assertThat(report.tableCount()).isEqualTo(3);
    }

    @Test
    void anEditedMigrationNeedsAttention() {
        MigrationHistory flyway = new MigrationHistory(
                "flyway",
                "app",
                "flyway_schema_history",
                List.of(entry("1", EntryState.APPLIED), entry("2", EntryState.APPLIED)),
                null);
        StatusReport report = new StatusReport(
                db,
                Map.of("app", 3),
                List.of(flyway),
                List.of(),
                List.of("flyway: migration 2 (V2__x.sql) was edited after it was applied"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.attention())
                .containsExactly("flyway: migration 2 (V2__x.sql) was edited after it was applied");
    }

    @Test
    void listsFailedDirtyLockedAndInvalidInOrder() {
        MigrationHistory flyway = new MigrationHistory(
                "flyway",
                "app",
                "flyway_schema_history",
                List.of(entry("1", EntryState.APPLIED), entry("2", EntryState.FAILED)),
                null);
        MigrationHistory golang = new MigrationHistory(
                "golang-migrate", "app", "schema_migrations", List.of(entry("20240101", EntryState.DIRTY)), null);
        MigrationHistory liquibase = new MigrationHistory(
                "liquibase",
                "app",
                "DATABASECHANGELOG",
                List.of(),
                new HistoryLock("DATABASECHANGELOGLOCK", true, "pod-7 (10.0.0.7)", Instant.EPOCH));
        StatusReport report =
                new StatusReport(db, Map.of("app", 9), List.of(flyway, golang, liquibase), List.of("public.t.t_idx"));
        assertThat(report.healthy()).isFalse();
        assertThat(report.attention())
                .containsExactly(
                        "flyway (app.flyway_schema_history): migration 2 (m2) failed",
                        "golang-migrate (app.schema_migrations): version 20240101 is dirty (the run stopped part way)",
                        "liquibase (app.DATABASECHANGELOG): lock held in DATABASECHANGELOGLOCK by pod-7 (10.0.0.7) since 1970-01-01T00:00:00Z",
                        "index public.t.t_idx is invalid (a failed CREATE INDEX CONCURRENTLY)");
        assertThat(flyway.latestApplied()).map(HistoryEntry::id).contains("1");
    }

    @Test
    void schemasKeepTheOrderTheOperatorGave() {
        java.util.LinkedHashMap<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String s : List.of("zeta", "alpha", "mid", "beta", "omega", "a1", "b2", "c3")) {
            counts.put(s, 1);
        }
        StatusReport report = new StatusReport(db, counts, List.of(), List.of());
        assertThat(report.tablesPerSchema().keySet())
                .containsExactly("zeta", "alpha", "mid", "beta", "omega", "a1", "b2", "c3");
    }
}
