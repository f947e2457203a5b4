package io.migrescue.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import io.migrescue.testing.CatalogBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans are pure: a hand-built catalog and statement map in, every statement of the repair out. */
class PlannerTest {
    private static final Playbooks PLAYBOOKS = Playbooks.load(null);
    private static final RecordPlanner RECORDS =
            (what, h, m) -> List.of(BoundStatement.of("-- record " + what + " in " + h.table()));

    private static final Catalog FR05 = CatalogBuilder.of(Engine.MARIADB, "lkb")
            .table("users")
            .column("id", "bigint(20) unsigned", false)
            .primaryKey("PRIMARY", "id")
            .add()
            .table("skp_tahunan_backup_v1")
            .column("id", "bigint(20) unsigned", false)
            .column("user_id", "bigint(20) unsigned", false)
            .column("approved_by", "bigint(20) unsigned", true)
            .primaryKey("PRIMARY", "id")
            .foreignKey("fk_skp_tahunan_user", "user_id", "users", "id")
            .foreignKey("fk_skp_tahunan_approved_by", "approved_by", "users", "id")
            .add()
            .build();

    private static final Effect.CreateTable CREATE = new Effect.CreateTable(
            null,
            "skp_tahunan",
            List.of(new Effect.ColumnDef("id", "bigint unsigned", false, null)),
            List.of(
                    new Effect.ConstraintDef(
                            "fk_skp_tahunan_user",
                            "FOREIGN_KEY",
                            List.of("user_id"),
                            null,
                            "users",
                            List.of("id"),
                            "CASCADE",
                            null,
                            null),
                    new Effect.ConstraintDef(
                            "fk_skp_tahunan_approved_by",
                            "FOREIGN_KEY",
                            List.of("approved_by"),
                            null,
                            "users",
                            List.of("id"),
                            "SET NULL",
                            null,
                            null)),
            false);

    private static final FailedMigration V2 = new FailedMigration(
            "flyway",
            "2",
            "V2__total_refactor_skp_system.sql",
            "history",
            List.of(
                    new StatementVerdict(
                            1,
                            2,
                            "RENAME TABLE skp_tahunan TO skp_tahunan_backup_v1",
                            List.of(),
                            StatementState.APPLIED,
                            "",
                            null),
                    new StatementVerdict(
                            2,
                            4,
                            "CREATE TABLE skp_tahunan (…)",
                            List.of(CREATE),
                            StatementState.FAILED,
                            "",
                            "would fail"),
                    new StatementVerdict(
                            3,
                            14,
                            "CREATE INDEX idx_status ON skp_tahunan (status)",
                            List.of(),
                            StatementState.NOT_APPLIED,
                            "",
                            null)));

    private static final MigrationHistory FLYWAY = new MigrationHistory(
            "flyway",
            "lkb",
            "flyway_schema_history",
            List.of(
                    new HistoryEntry("1", "init", EntryState.APPLIED, Instant.EPOCH, "1", null),
                    new HistoryEntry("2", "total refactor", EntryState.FAILED, Instant.EPOCH, "2", null)),
            null);

    private static final Finding DUPLICATE = new Finding(
            FindingKind.DUPLICATE_CONSTRAINT_NAME,
            Severity.ERROR,
            "…",
            Map.of("table", "skp_tahunan", "constraint", "fk_skp_tahunan_user", "heldBy", "skp_tahunan_backup_v1"),
            List.of(),
            V2,
            List.of("rename-conflicting-constraint"),
            false);

    private static Planner.Context context(boolean interactive) {
        return new Planner.Context(FR05, "lkb", List.of(FLYWAY), V2, RECORDS, interactive);
    }

    @Test
    void fieldReport05RenamesBothHeldNamesInPlaceThenFinishesRecordsAndVerifies() {
        Plan plan = Planner.plan(
                PLAYBOOKS.get("rename-conflicting-constraint").orElseThrow(), DUPLICATE, Map.of(), context(false));

        assertThat(plan.steps())
                .extracting(PlanStep::kind)
                .containsExactly("backup", "rename-constraint", "rename-constraint", "sql", "sql", "record");
        assertThat(plan.backup().tables())
                .extracting(BackupPlan.TableToSave::table)
                .containsExactly("skp_tahunan_backup_v1");
        assertThat(plan.backup().historyTool()).isEqualTo("flyway");
        assertThat(plan.steps().get(1).sql())
                .extracting(BoundStatement::sql)
                .containsExactly(
                        "SET SESSION foreign_key_checks = 0",
                        "ALTER TABLE `lkb`.`skp_tahunan_backup_v1` DROP FOREIGN KEY `fk_skp_tahunan_user`, ADD CONSTRAINT `fk_skp_tahunan_user_old`"
                                + " FOREIGN KEY (`user_id`) REFERENCES `lkb`.`users` (`id`)",
                        "SET SESSION foreign_key_checks = 1");
        assertThat(plan.steps().get(3).sql().get(0).sql()).isEqualTo("CREATE TABLE skp_tahunan (…)");
        assertThat(plan.steps().get(4).sql().get(0).sql()).startsWith("CREATE INDEX idx_status");
        assertThat(plan.checks())
                .extracting(Check::describe)
                .contains(
                        "constraint fk_skp_tahunan_user_old on skp_tahunan_backup_v1",
                        "constraint fk_skp_tahunan_user on skp_tahunan",
                        "constraint fk_skp_tahunan_approved_by on skp_tahunan",
                        "every statement of migration 2 is in effect",
                        "flyway history has no failed or dirty entry",
                        "no row of skp_tahunan_backup_v1 lost");
    }

    /**
     * One run rolled back an earlier migration with the failed one (Drizzle, TypeORM, node-pg-migrate): recording the
     * failed one alone would make the tool skip the earlier one, so the plan fixes what it fixes and leaves both to the
     * tool, and says so; a failed migration partly in effect is refused instead (the tool would run it again).
     */
    @Test
    void earlierMigrationsNotAppliedEitherLeaveTheFailedOneToTheTool() {
        FailedMigration notApplied = new FailedMigration(
                "flyway",
                "2",
                V2.file(),
                "error-text",
                V2.statements().stream()
                        .map(v -> new StatementVerdict(
                                v.n(),
                                v.line(),
                                v.sql(),
                                v.effects(),
                                v.state() == StatementState.APPLIED ? StatementState.NOT_APPLIED : v.state(),
                                v.reason(),
                                v.prediction()))
                        .toList());
        Finding about = new Finding(
                DUPLICATE.kind(),
                DUPLICATE.severity(),
                DUPLICATE.summary(),
                DUPLICATE.objects(),
                DUPLICATE.evidence(),
                notApplied,
                DUPLICATE.playbooks(),
                false);
        Planner.Context leftToTheTool =
                new Planner.Context(FR05, "lkb", List.of(FLYWAY), notApplied, RECORDS, false, Map.of(), List.of("1.5"));

        Plan plan = Planner.plan(
                PLAYBOOKS.get("rename-conflicting-constraint").orElseThrow(), about, Map.of(), leftToTheTool);

        assertThat(plan.steps())
                .extracting(PlanStep::kind)
                .containsExactly("backup", "rename-constraint", "rename-constraint");
        assertThat(plan.explanations())
                .anySatisfy(e -> assertThat(e)
                        .contains("1.5 (before 2 in the tool's order) is not applied either")
                        .contains("the tool's next run applies 1.5 and 2 in order"));
        assertThat(plan.checks()).noneMatch(c -> c instanceof Check.MigrationEffectsPresent);

        Planner.Context partly =
                new Planner.Context(FR05, "lkb", List.of(FLYWAY), V2, RECORDS, false, Map.of(), List.of("1.5"));
        assertThatThrownBy(() -> Planner.plan(
                        PLAYBOOKS.get("rename-conflicting-constraint").orElseThrow(), DUPLICATE, Map.of(), partly))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("is partly in effect")
                .hasMessageContaining("apply 1.5 first");
    }

    @Test
    void aRowDecisionIsNeverDefaultedWithoutAPerson() {
        Finding orphans = new Finding(
                FindingKind.FK_ORPHAN_ROWS,
                Severity.ERROR,
                "…",
                Map.of("table", "orders"),
                List.of(),
                null,
                List.of("fix-orphan-rows"),
                false);
        assertThatThrownBy(() ->
                        Planner.plan(PLAYBOOKS.get("fix-orphan-rows").orElseThrow(), orphans, Map.of(), context(false)))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("--param policy=delete");
        assertThatThrownBy(() -> Planner.plan(
                        PLAYBOOKS.get("fix-orphan-rows").orElseThrow(),
                        orphans,
                        Map.of("policy", "burn"),
                        context(false)))
                .hasMessageContaining("takes one of delete, set-null, insert-parents");
    }

    /** Renaming a live table aside is a decision: refused without it, with the exact --param; proposed to the shell filled in. */
    @Test
    void aLiveTableIsRenamedAsideOnlyOnADecision() {
        Finding exists = new Finding(
                FindingKind.TABLE_ALREADY_EXISTS,
                Severity.ERROR,
                "…",
                Map.of("table", "skp_tahunan_backup_v1"),
                List.of(),
                V2,
                List.of("move-aside-existing-table"),
                false);
        Playbook moveAside = PLAYBOOKS.get("move-aside-existing-table").orElseThrow();
        assertThatThrownBy(() -> Planner.plan(moveAside, exists, Map.of(), context(false)))
                .isInstanceOfSatisfying(PlanningException.DecisionNeeded.class, e -> {
                    assertThat(e.proposed()).isEqualTo("skp_tahunan_backup_v1_aside");
                    assertThat(e.getMessage())
                            .contains("renames a live table")
                            .contains("--param newName=skp_tahunan_backup_v1_aside")
                            .contains("nothing was changed")
                            .doesNotContain("\n");
                });
        Plan plan = Planner.plan(moveAside, exists, Map.of("newName", "skp_old"), context(false));
        assertThat(plan.steps()).extracting(PlanStep::kind).contains("rename-table");
        assertThat(plan.steps().get(1).sql().get(0).sql())
                .isEqualTo("RENAME TABLE `lkb`.`skp_tahunan_backup_v1` TO `lkb`.`skp_old`");
    }

    @Test
    void aStaleFindingIsRefusedBeforeAnythingRuns() {
        Catalog repaired = CatalogBuilder.of(Engine.MARIADB, "lkb")
                .table("users")
                .column("id", "bigint", false)
                .add()
                .table("skp_tahunan_backup_v1")
                .column("id", "bigint", false)
                .add()
                .build();
        Planner.Context ctx = new Planner.Context(repaired, "lkb", List.of(FLYWAY), V2, RECORDS, false);
        assertThatThrownBy(() -> Planner.plan(
                        PLAYBOOKS.get("rename-conflicting-constraint").orElseThrow(), DUPLICATE, Map.of(), ctx))
                .hasMessageContaining("holds none of the names");
    }

    @Test
    void revertUndoesWhatIsInEffectNewestFirst() {
        FailedMigration m = new FailedMigration(
                "flyway",
                "2",
                "V2.sql",
                "history",
                List.of(
                        new StatementVerdict(
                                1,
                                1,
                                "RENAME TABLE skp_tahunan TO skp_tahunan_backup_v1",
                                List.of(new Effect.RenameTable(null, "skp_tahunan", null, "skp_tahunan_backup_v1")),
                                StatementState.APPLIED,
                                "",
                                null),
                        new StatementVerdict(
                                2,
                                3,
                                "CREATE TABLE skp_tahunan (…)",
                                List.of(CREATE),
                                StatementState.FAILED,
                                "",
                                null)));
        Planner.Context ctx = new Planner.Context(FR05, "lkb", List.of(FLYWAY), m, RECORDS, false);
        Finding f = new Finding(
                FindingKind.PARTIALLY_APPLIED, Severity.ERROR, "…", Map.of(), List.of(), m, List.of(), false);
        // renaming a live table back is disruptive: never without the decision
        assertThatThrownBy(() ->
                        Planner.plan(PLAYBOOKS.get("revert-partial-migration").orElseThrow(), f, Map.of(), ctx))
                .isInstanceOf(PlanningException.DecisionNeeded.class)
                .hasMessageContaining("rename skp_tahunan_backup_v1 back to skp_tahunan")
                .hasMessageContaining("--param undoTables=yes|no");
        Plan plan = Planner.plan(
                PLAYBOOKS.get("revert-partial-migration").orElseThrow(), f, Map.of("undoTables", "yes"), ctx);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly("backup", "sql", "record");
        assertThat(plan.steps().get(1).sql().get(0).sql())
                .isEqualTo("RENAME TABLE `lkb`.`skp_tahunan_backup_v1` TO `lkb`.`skp_tahunan`");
        assertThat(plan.checks()).extracting(Check::describe).contains("no statement of migration 2 is in effect");
    }

    @Test
    void placeholderParentsAreRefusedWhenTheParentHasRequiredColumns() {
        Catalog catalog = CatalogBuilder.of(Engine.POSTGRESQL, "public")
                .table("users")
                .column("id", "bigint", false)
                .column("email", "character varying(200)", false)
                .primaryKey("users_pkey", "id")
                .add()
                .table("orders")
                .column("id", "bigint", false)
                .column("user_id", "bigint", true)
                .primaryKey("orders_pkey", "id")
                .add()
                .build();
        Effect.AddConstraint fk = new Effect.AddConstraint(
                null,
                "orders",
                new Effect.ConstraintDef(
                        "orders_user_fk",
                        "FOREIGN_KEY",
                        List.of("user_id"),
                        null,
                        "users",
                        List.of("id"),
                        null,
                        null,
                        null));
        FailedMigration m = new FailedMigration(
                "flyway",
                "2",
                "V2.sql",
                "error-text",
                List.of(new StatementVerdict(
                        1,
                        1,
                        "ALTER TABLE orders ADD CONSTRAINT orders_user_fk …",
                        List.of(fk),
                        StatementState.FAILED,
                        "",
                        null)));
        Finding orphans = new Finding(
                FindingKind.FK_ORPHAN_ROWS,
                Severity.ERROR,
                "…",
                Map.of("table", "orders"),
                List.of(),
                m,
                List.of("fix-orphan-rows"),
                false);
        Planner.Context ctx = new Planner.Context(catalog, "public", List.of(), m, RECORDS, false);
        Playbook playbook = PLAYBOOKS.get("fix-orphan-rows").orElseThrow();
        assertThatThrownBy(() -> Planner.plan(playbook, orphans, Map.of("policy", "insert-parents"), ctx))
                .hasMessageContaining("users.email is NOT NULL without a default");
        Plan deleting = Planner.plan(playbook, orphans, Map.of("policy", "delete"), ctx);
        assertThat(deleting.backup().tables())
                .singleElement()
                .satisfies(t -> assertThat(t.where()).contains("NOT EXISTS"));
        assertThat(deleting.steps()).extracting(PlanStep::kind).containsExactly("backup", "fix-orphans", "sql", "sql");
    }
}
