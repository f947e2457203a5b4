package io.migrescue.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.model.Engine;
import io.migrescue.playbook.BackupPlan;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.playbook.RowsTouched;
import io.migrescue.sql.BoundStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** resume shows the rows the reviewed plan counted: they survive plan.json, and a plan.json from before them still reads. */
class PlanCodecRowsTest {

    @Test
    void countedRowsRoundTripAndOldPlansReadWithout(@TempDir Path dir) throws Exception {
        Finding f = new Finding(
                FindingKind.FK_ORPHAN_ROWS,
                Severity.ERROR,
                "s",
                Map.of("table", "orders"),
                List.of(),
                null,
                List.of("fix-orphan-rows"),
                false);
        RowsTouched named = new RowsTouched(
                        "app",
                        "orders",
                        "delete",
                        "the orphan rows",
                        List.of("id"),
                        null,
                        BoundStatement.of("SELECT COUNT(*) FROM o"),
                        BoundStatement.of("SELECT id FROM o ORDER BY id LIMIT 10"),
                        -1,
                        List.of())
                .counted(3, List.of("12", "13", "15"));
        RowsTouched unnamed = new RowsTouched(
                        "app",
                        "log",
                        "update",
                        null,
                        List.of(),
                        "no primary or unique key: the rows cannot be named one by one",
                        BoundStatement.of("SELECT COUNT(*) FROM log"),
                        null,
                        -1,
                        List.of())
                .counted(7, List.of());
        Plan plan = new Plan(
                "fix-orphan-rows",
                "title",
                Engine.MARIADB,
                f,
                Map.of("policy", "delete"),
                new BackupPlan(List.of(), true, null),
                List.of(
                        new PlanStep(1, "backup", "b", List.of(), List.of(), false, null, List.of(), List.of()),
                        new PlanStep(
                                2,
                                "fix-orphans",
                                "d",
                                List.of(BoundStatement.of("DELETE FROM o")),
                                List.of(),
                                true,
                                null,
                                List.of("orders"),
                                List.of(named, unnamed))),
                List.of(),
                List.of());
        PlanCodec.write(plan, dir);
        assertThat(PlanCodec.read(dir)).isEqualTo(plan);

        Path file = dir.resolve(PlanCodec.FILE);
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(file.toFile());
        tree.get("steps").forEach(step -> ((ObjectNode) step).remove("rows"));
        json.writeValue(file.toFile(), tree);
        assertThat(Files.readString(file)).doesNotContain("\"rows\"");
        assertThat(PlanCodec.read(dir).steps())
                .allSatisfy(s -> assertThat(s.rows()).isEmpty());
    }
}
