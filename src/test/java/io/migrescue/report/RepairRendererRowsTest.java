package io.migrescue.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.diagnosis.Finding;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.model.Engine;
import io.migrescue.playbook.BackupPlan;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.playbook.RowsTouched;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.repair.StepStatus;
import io.migrescue.sql.BoundStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The rows a data step touches, in every form a repair is shown: text, Markdown, JSON, the shell's summary. */
class RepairRendererRowsTest {
    private static final List<String> TEN =
            LongStream.rangeClosed(101, 110).mapToObj(Long::toString).toList();
    private static final RowsTouched FILLED = new RowsTouched(
                    "public",
                    "events",
                    "update",
                    "where note is NULL",
                    List.of("id"),
                    null,
                    BoundStatement.of("SELECT COUNT(*) …"),
                    BoundStatement.of("SELECT id …"),
                    -1,
                    List.of())
            .counted(2_400, TEN);
    private static final String LINE =
            "updates 2,400 rows of events, where note is NULL (id 101, 102, 103, 104, 105, 106, 107, 108, 109, 110"
                    + " and 2,390 more)";

    private static Plan plan() {
        Finding f = new Finding(
                FindingKind.NULL_VALUES,
                Severity.ERROR,
                "events.note holds NULL",
                Map.of("table", "events"),
                List.of(),
                null,
                List.of("fill-null-values"),
                false);
        return new Plan(
                "fill-null-values",
                "Backfill NULLs",
                Engine.POSTGRESQL,
                f,
                Map.of("value", "n/a"),
                new BackupPlan(List.of(new BackupPlan.TableToSave("public", "events", "\"note\" IS NULL")), true, null),
                List.of(
                        new PlanStep(
                                1, "backup", "back up events", List.of(), List.of(), false, null, List.of(), List.of()),
                        new PlanStep(
                                2,
                                "fill-nulls",
                                "set events.note where it is NULL",
                                List.of(BoundStatement.of("UPDATE events SET note = ?", "n/a")),
                                List.of(),
                                true,
                                null,
                                List.of("events"),
                                List.of(FILLED))),
                List.of(),
                List.of());
    }

    private static RepairReport report(StepStatus status, Long changed) {
        Plan plan = plan();
        List<RepairReport.StepOutcome> steps = List.of(
                new RepairReport.StepOutcome(1, "backup", "back up events", status, List.of(), null),
                new RepairReport.StepOutcome(
                        2,
                        "fill-nulls",
                        "set events.note where it is NULL",
                        status,
                        List.of("UPDATE events SET note = ?"),
                        null,
                        changed));
        return new RepairReport(
                plan,
                status == StepStatus.PLANNED,
                status == StepStatus.PLANNED ? RepairStatus.PLANNED : RepairStatus.VERIFIED,
                Path.of("b"),
                Path.of("b/journal.jsonl"),
                steps,
                List.of(new io.migrescue.repair.CheckResult(
                        "no NULL in events.note", status != StepStatus.PLANNED, "")),
                null);
    }

    @Test
    void jsonSaysWhatWasNotRunAndWhatTheBackupSaves() throws Exception {
        JsonNode dry =
                new ObjectMapper().readTree(RepairRenderer.render(report(StepStatus.PLANNED, null), OutputFormat.json));
        assertThat(dry.at("/schemaVersion").asInt()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(dry.at("/verification/0/holds").isNull())
                .as("a dry run checks nothing")
                .isTrue();
        JsonNode table = dry.at("/backupPlan/tables/0");
        assertThat(table.at("/schema").asText()).isEqualTo("public");
        assertThat(table.at("/table").asText()).isEqualTo("events");
        assertThat(table.at("/where").asText()).isEqualTo("\"note\" IS NULL");
        assertThat(table.at("/rows").asLong()).isEqualTo(2_400);
        assertThat(dry.at("/backupPlan/history").isNull()).isTrue();
        JsonNode run =
                new ObjectMapper().readTree(RepairRenderer.render(report(StepStatus.DONE, 2_400L), OutputFormat.json));
        assertThat(run.at("/verification/0/holds").asBoolean()).isTrue();
    }

    @Test
    void theDryRunShowsTheCountAndTheFirstTenKeysEverywhere() throws Exception {
        RepairReport dry = report(StepStatus.PLANNED, null);
        assertThat(RepairRenderer.render(dry, OutputFormat.text))
                .contains(" 2. [planned] set events.note where it is NULL\n      rows: " + LINE + "\n")
                .doesNotContain("rows changed");
        assertThat(RepairRenderer.render(dry, OutputFormat.markdown))
                .contains("2. **planned** set events.note where it is NULL\n   - rows: " + LINE + "\n");
        JsonNode step = new ObjectMapper()
                .readTree(RepairRenderer.render(dry, OutputFormat.json))
                .at("/steps/1");
        assertThat(step.at("/rows/0/count").asLong()).isEqualTo(2_400);
        assertThat(step.at("/rows/0/more").asLong()).isEqualTo(2_390);
        assertThat(step.at("/rows/0/first")).hasSize(10);
        assertThat(step.at("/rows/0/text").asText()).isEqualTo(LINE);
        assertThat(step.has("rowsChanged")).isFalse();
        assertThat(new ObjectMapper()
                        .readTree(RepairRenderer.render(dry, OutputFormat.json))
                        .at("/steps/0")
                        .has("rows"))
                .isFalse();
    }

    @Test
    void afterTheRunTheServersCountIsShownBesideThePlannedOne() throws Exception {
        RepairReport same = report(StepStatus.DONE, 2_400L);
        assertThat(RepairRenderer.render(same, OutputFormat.text))
                .contains("      rows: " + LINE + "\n      rows changed: 2,400 (as counted before)\n");
        assertThat(RepairRenderer.summary(same))
                .contains(" 2. [done] set events.note where it is NULL\n      rows: " + LINE
                        + "\n      rows changed: 2,400 (as counted before)\n");
        assertThat(RepairRenderer.render(same, OutputFormat.markdown))
                .contains("   - rows changed: 2,400 (as counted before)");
        assertThat(new ObjectMapper()
                        .readTree(RepairRenderer.render(same, OutputFormat.json))
                        .at("/steps/1/rowsChanged")
                        .asLong())
                .isEqualTo(2_400);

        assertThat(RepairRenderer.render(report(StepStatus.DONE, 2_401L), OutputFormat.text))
                .contains("rows changed: 2,401 (2,400 counted before it ran: the rows changed in between)");
    }
}
