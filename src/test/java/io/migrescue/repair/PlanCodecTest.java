package io.migrescue.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.diagnosis.TypeFit;
import io.migrescue.model.Engine;
import io.migrescue.playbook.BackupPlan;
import io.migrescue.playbook.Check;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** resume runs exactly what was planned: the plan survives the file round trip whole. */
class PlanCodecTest {

    @Test
    void planRoundTripsThroughPlanJson(@TempDir Path dir) {
        Effect.CreateTable create = new Effect.CreateTable(
                null,
                "t",
                List.of(new Effect.ColumnDef("id", "int", false, null)),
                List.of(new Effect.ConstraintDef(
                        "fk", "FOREIGN_KEY", List.of("p"), null, "parent", List.of("id"), "CASCADE", null, null)),
                false);
        FailedMigration m = new FailedMigration(
                "flyway",
                "2",
                "V2__x.sql",
                "history",
                List.of(new StatementVerdict(
                        1, 3, "CREATE TABLE t (…)", List.of(create), StatementState.FAILED, "absent", null)));
        Finding f = new Finding(
                FindingKind.DUPLICATE_CONSTRAINT_NAME,
                Severity.ERROR,
                "s",
                Map.of("table", "t"),
                List.of("e"),
                m,
                List.of("replace-constraint"),
                false);
        Plan plan = new Plan(
                "replace-constraint",
                "title",
                Engine.MARIADB,
                f,
                Map.of("table", "t"),
                new BackupPlan(List.of(new BackupPlan.TableToSave("app", "t", null)), true, "flyway"),
                List.of(
                        new PlanStep(1, "backup", "b", List.of(), List.of(), false, null, List.of(), List.of()),
                        new PlanStep(
                                2,
                                "sql",
                                "s",
                                List.of(BoundStatement.of(
                                        "UPDATE h SET c = ?, n = ?, ok = ? WHERE v = ?",
                                        67556434,
                                        1795250668142L,
                                        true,
                                        null)),
                                List.of(BoundStatement.of("SELECT COUNT(*) FROM t")),
                                false,
                                new Check.StatementInEffect("2", 1),
                                List.of("t"),
                                List.of())),
                List.of(
                        new Check.ConstraintPresent("app", "t", "fk"),
                        new Check.HistoryClean("flyway", "flyway_schema_history"),
                        new Check.NoUnfitValues(new DataQuestion.UnfitValues(
                                "app",
                                "t",
                                "qty",
                                "id",
                                null,
                                new BigDecimal("-2147483648"),
                                new BigDecimal("2147483647"),
                                TypeFit.NumberText.INTEGER,
                                "INT"))),
                List.of("why"));
        PlanCodec.write(plan, dir);
        Plan back = PlanCodec.read(dir);
        assertThat(back).isEqualTo(plan);
    }
}
