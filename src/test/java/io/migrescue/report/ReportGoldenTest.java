package io.migrescue.report;

import io.migrescue.app.CountMode;
import io.migrescue.app.DiagnosisReport;
import io.migrescue.app.DiffReport;
import io.migrescue.app.StatusReport;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diff.DiffOptions;
import io.migrescue.diff.DiffResult;
import io.migrescue.diff.SchemaDiff;
import io.migrescue.diff.Snapshot;
import io.migrescue.diff.script.FixScript;
import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.DatabaseInfo;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.HistoryLock;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.Table;
import io.migrescue.playbook.BackupPlan;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.repair.CheckResult;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.repair.StepStatus;
import io.migrescue.sql.BoundStatement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What status, diagnose, a repair dry run and diff print, in every format, from fixed models: a change to a renderer shows
 * up as a diff of a golden file under src/test/resources/golden (see {@link GoldenFiles} to accept one).
 */
class ReportGoldenTest {
    private static final DatabaseInfo DB = new DatabaseInfo(
            Engine.POSTGRESQL,
            "15.14",
            "PostgreSQL 15.14 (Debian 15.14-0+deb12u1)",
            "jdbc:postgresql://db.internal:5432/shop",
            "deploy",
            "public");
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");

    private static MigrationHistory flyway() {
        return new MigrationHistory(
                "flyway",
                "public",
                "flyway_schema_history",
                List.of(
                        new HistoryEntry("1", "create orders", EntryState.APPLIED, AT, "1200391", null),
                        new HistoryEntry(
                                "2",
                                "add orders customer fk",
                                EntryState.FAILED,
                                AT.plusSeconds(60),
                                "-88120",
                                "ERROR: relation \"customers\" does not exist")),
                null);
    }

    private static MigrationHistory liquibase() {
        return new MigrationHistory(
                "liquibase",
                "public",
                "databasechangelog",
                List.of(),
                new HistoryLock("databasechangeloglock", true, "deploy-7 (10.0.0.7)", AT));
    }

    private static Finding failedMigration() {
        return new Finding(
                FindingKind.FAILED_MIGRATION,
                Severity.ERROR,
                "Flyway migration 2 failed",
                Map.of("table", "public.flyway_schema_history"),
                List.of("flyway_schema_history: version 2, success = false"),
                new FailedMigration(
                        "flyway",
                        "2",
                        "/work/app/db/migration/V2__add_orders_customer_fk.sql",
                        "history table",
                        List.of()),
                List.of("flyway-failed-row"),
                false);
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void status(OutputFormat format) throws Exception {
        StatusReport report = new StatusReport(
                DB,
                Map.of("public", 12),
                List.of(flyway(), liquibase()),
                List.of("public.orders.orders_customer_idx"),
                List.of("flyway: migration 1 (V1__create_orders.sql) was edited after it was applied"));
        GoldenFiles.assertMatches("status." + extension(format), StatusRenderer.render(report, format));
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void diagnose(OutputFormat format) throws Exception {
        Finding stale = new Finding(
                FindingKind.STUCK_LOCK,
                Severity.WARNING,
                "Liquibase lock held by deploy-7",
                Map.of("table", "public.databasechangeloglock"),
                List.of(),
                null,
                List.of("liquibase-release-lock"),
                true);
        DiagnosisReport report = new DiagnosisReport(
                DB,
                List.of("public"),
                List.of(flyway(), liquibase()),
                null,
                null,
                List.of(failedMigration(), stale),
                List.of("no golang-migrate history table in public"));
        GoldenFiles.assertMatches("diagnose." + extension(format), DiagnosisRenderer.render(report, format));
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void repairDryRun(OutputFormat format) throws Exception {
        Plan plan = new Plan(
                "flyway-failed-row",
                "Remove Flyway's failed row",
                Engine.POSTGRESQL,
                failedMigration(),
                Map.of(),
                new BackupPlan(
                        List.of(new BackupPlan.TableToSave("public", "flyway_schema_history", null)), true, null),
                List.of(
                        new PlanStep(
                                1,
                                "backup",
                                "back up flyway_schema_history",
                                List.of(),
                                List.of(),
                                false,
                                null,
                                List.of(),
                                List.of()),
                        new PlanStep(
                                2,
                                "delete-history-row",
                                "delete the failed row of version 2",
                                List.of(BoundStatement.of(
                                        "DELETE FROM \"public\".\"flyway_schema_history\""
                                                + " WHERE \"version\" = ? AND NOT \"success\"",
                                        "2")),
                                List.of(),
                                true,
                                null,
                                List.of("flyway_schema_history"),
                                List.of())),
                List.of(),
                List.of());
        RepairReport report = new RepairReport(
                plan,
                true,
                RepairStatus.PLANNED,
                Path.of("/var/lib/migrescue/backups/run-1"),
                Path.of("/var/lib/migrescue/backups/run-1/journal.jsonl"),
                List.of(
                        new RepairReport.StepOutcome(
                                1, "backup", "back up flyway_schema_history", StepStatus.PLANNED, List.of(), null),
                        new RepairReport.StepOutcome(
                                2,
                                "delete-history-row",
                                "delete the failed row of version 2",
                                StepStatus.PLANNED,
                                List.of(
                                        "DELETE FROM \"public\".\"flyway_schema_history\" WHERE \"version\" = ? AND NOT \"success\""),
                                null)),
                List.of(new CheckResult("no failed row in flyway_schema_history", false, "")),
                null);
        GoldenFiles.assertMatches("repair-dry-run." + extension(format), RepairRenderer.render(report, format));
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void diff(OutputFormat format) throws Exception {
        Table devOrders = new Table(
                "public",
                "orders",
                List.of(
                        new Column("id", 1, "bigint", false, null, ""),
                        new Column("customer_id", 2, "bigint", true, null, ""),
                        new Column("note", 3, "text", true, null, "")),
                List.of(),
                List.of());
        Table prodOrders = new Table(
                "public",
                "orders",
                List.of(
                        new Column("id", 1, "bigint", false, null, ""),
                        new Column("note", 2, "character varying(200)", true, null, "")),
                List.of(),
                List.of());
        Table customers = new Table(
                "public", "customers", List.of(new Column("id", 1, "bigint", false, null, "")), List.of(), List.of());
        DiffResult result = SchemaDiff.compare(
                new Snapshot(
                        new Catalog(Engine.POSTGRESQL, List.of("public"), List.of(customers, devOrders)),
                        List.of("public"),
                        List.of()),
                new Snapshot(
                        new Catalog(Engine.POSTGRESQL, List.of("public"), List.of(prodOrders)),
                        List.of("public"),
                        List.of()),
                DiffOptions.defaults());
        DatabaseInfo dev = new DatabaseInfo(
                Engine.POSTGRESQL,
                "15.14",
                "PostgreSQL 15.14",
                "jdbc:postgresql://localhost:5432/shop_dev",
                "dev",
                "public");
        DiffReport report = new DiffReport(
                dev,
                DB,
                List.of("public"),
                List.of("public"),
                result,
                CountMode.NONE,
                List.of(),
                FixScript.plan(result, false));
        GoldenFiles.assertMatches("diff." + extension(format), DiffRenderer.render(report, format));
    }

    @org.junit.jupiter.api.Test
    void neuteringHidesWhatVariesAndKeepsTheRest() {
        org.assertj.core.api.Assertions.assertThat(
                        GoldenFiles.neuter(
                                "at 2026-03-01T09:30:00.123Z in /tmp/mrt-1/backup.sql by migrescue 0.1.0-SNAPSHOT on 10.0.0.7 pg 15.14"))
                .isEqualTo("at <TIME> in <PATH> by migrescue <VERSION> on 10.0.0.7 pg 15.14");
    }

    private static String extension(OutputFormat format) {
        return switch (format) {
            case text -> "txt";
            case markdown -> "md";
            case json -> "json";
        };
    }
}
