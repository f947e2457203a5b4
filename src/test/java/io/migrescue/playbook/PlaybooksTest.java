package io.migrescue.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.PlaybookFit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlaybooksTest {

    @Test
    void everyShippedPlaybookLoadsValidatesAndIsIndexed() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("playbooks"))) {
            files = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.replace(".yaml", ""))
                    .sorted()
                    .toList();
        }
        assertThat(Playbooks.BUILT_IN).containsExactlyInAnyOrderElementsOf(files);
        Playbooks playbooks = Playbooks.load(null);
        for (String id : files) {
            Playbook p = playbooks.get(id).orElseThrow();
            assertThat(p.id()).isEqualTo(id);
            assertThat(p.fixes()).isNotEmpty();
            assertThat(p.steps().get(0)).as(id + " starts with its backup").isInstanceOf(StepSpec.Backup.class);
            assertThat(p.steps().get(p.steps().size() - 1)).isInstanceOf(StepSpec.Verify.class);
        }
    }

    @Test
    void rowChangingPlaybooksTakeTheirDecisionAsAnExplicitParameter() {
        Playbooks playbooks = Playbooks.load(null);
        for (Playbook p : playbooks.all()) {
            if (p.changesRows()) {
                assertThat(p.params()).as(p.id()).anyMatch(ParamSpec::decision);
            }
        }
        assertThat(playbooks
                        .get("fix-orphan-rows")
                        .orElseThrow()
                        .param("policy")
                        .orElseThrow()
                        .choices())
                .containsExactly("delete", "set-null", "insert-parents");
        assertThat(playbooks.get("rename-conflicting-constraint").orElseThrow().fixes())
                .contains(FindingKind.DUPLICATE_CONSTRAINT_NAME);
    }

    /** A person asked to decide about rows is told what each choice does; declared once, with the choice. */
    @Test
    void everyChoiceOfAShippedDecisionSaysWhatItDoes() {
        for (Playbook p : Playbooks.load(null).all()) {
            for (ParamSpec param : p.params()) {
                if (param.decision()) {
                    assertThat(param.meanings().keySet())
                            .as(p.id() + " " + param.name())
                            .containsExactlyElementsOf(param.choices());
                }
            }
        }
        ParamSpec keep = Playbooks.load(null)
                .get("fix-duplicate-rows")
                .orElseThrow()
                .param("keep")
                .orElseThrow();
        assertThat(keep.meaning("first")).startsWith("keep the row with the lowest primary key");
        assertThat(keep.meaning("last")).startsWith("keep the row with the highest primary key");
    }

    @Test
    void choicesAreAListOrAMappingToWhatEachDoes() {
        ParamSpec listed = PlaybookLoader.parse(
                        HEAD + "params: {p: {kind: choice, choices: [a, b]}}\nsteps: [{verify: [history-clean]}]",
                        "t.yaml")
                .param("p")
                .orElseThrow();
        assertThat(listed.choices()).containsExactly("a", "b");
        assertThat(listed.meanings()).isEmpty();
        assertThat(listed.explainedChoices()).containsExactly("a", "b");
        ParamSpec mapped = PlaybookLoader.parse(
                        HEAD
                                + "params: {p: {kind: choice, choices: {b: \"bee\", a: \"ay\"}}}\nsteps: [{verify: [history-clean]}]",
                        "t.yaml")
                .param("p")
                .orElseThrow();
        assertThat(mapped.choices()).containsExactly("b", "a");
        assertThat(mapped.explainedChoices()).containsExactly("b = bee", "a = ay");
    }

    /** Issue 10: a step that renames or drops a live table, deletes or rewrites rows never runs on a ranking alone. */
    @Test
    void everyDisruptiveStepOfAShippedPlaybookIsGovernedByADecision() {
        Playbooks playbooks = Playbooks.load(null);
        java.util.Map<String, String> disruptive = new java.util.TreeMap<>();
        for (Playbook p : playbooks.all()) {
            for (StepSpec step : p.steps()) {
                if (step.disrupts() != null) {
                    assertThat(p.params())
                            .as(p.id() + ": " + step.kind() + " " + step.disrupts())
                            .anyMatch(ParamSpec::decision);
                    disruptive.put(p.id(), step.kind());
                }
            }
        }
        assertThat(disruptive)
                .containsOnlyKeys(
                        "move-aside-existing-table",
                        "fix-orphan-rows",
                        "fix-duplicate-rows",
                        "fill-null-values",
                        "fix-check-violations",
                        "fix-unconvertible-values",
                        "revert-partial-migration",
                        "clear-dirty-version",
                        "unblock-lock-wait",
                        "align-fk-column-types");
        assertThat(playbooks
                        .get("unblock-lock-wait")
                        .orElseThrow()
                        .param("terminate")
                        .orElseThrow()
                        .whenNeeded())
                .as("no value, no session ended: never a default")
                .isTrue();
        assertThat(playbooks
                        .get("fix-duplicate-rows")
                        .orElseThrow()
                        .param("children")
                        .orElseThrow()
                        .whenNeeded())
                .isTrue();
        assertThat(playbooks
                        .get("fix-orphan-rows")
                        .orElseThrow()
                        .param("grandchildren")
                        .orElseThrow()
                        .whenNeeded())
                .isTrue();
        assertThat(playbooks
                        .get("align-fk-column-types")
                        .orElseThrow()
                        .param("widen")
                        .orElseThrow()
                        .whenNeeded())
                .isTrue();
        assertThat(playbooks
                        .get("move-aside-existing-table")
                        .orElseThrow()
                        .param("newName")
                        .orElseThrow()
                        .decision())
                .isTrue();
        assertThat(playbooks
                        .get("revert-partial-migration")
                        .orElseThrow()
                        .param("undoTables")
                        .orElseThrow()
                        .whenNeeded())
                .isTrue();
        assertThat(new StepSpec.Sql("DELETE FROM {t} WHERE id = :id").disrupts())
                .isNotNull();
        assertThat(new StepSpec.Sql("ALTER TABLE {t} ADD COLUMN c INT").disrupts())
                .isNull();
        assertThat(new StepSpec.RenameConstraint("t", "a", "b").disrupts()).isNull();
    }

    private static final String HEAD = "id: x\ntitle: t\nfixes: [FAILED_MIGRATION]\nengines: [mysql]\n";

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "id: x\ntitle: t\nfixes: [NOPE]\nengines: [mysql]\nsteps: [{verify: [history-clean]}]",
                        "unknown finding kind NOPE"),
                Arguments.of(
                        HEAD + "steps: [{frobnicate: {}}, {verify: [history-clean]}]",
                        "unknown step kind 'frobnicate'"),
                Arguments.of(
                        HEAD
                                + "steps: [{backup: {tables: []}}, {drop-constraint: {table: '${t}', name: n}}, {verify: [history-clean]}]",
                        "undeclared parameter '${t}'"),
                Arguments.of(
                        HEAD + "steps: [{record: applied}, {backup: {tables: []}}, {verify: [history-clean]}]",
                        "changes the database before any backup step"),
                Arguments.of(
                        HEAD + "steps: [{backup: {tables: []}}, {record: applied}]",
                        "the last step must be a verify step"),
                Arguments.of(
                        "id: x\ntitle: t\nfixes: [FAILED_MIGRATION]\nengines: [oracle]\nsteps: [{verify: [history-clean]}]",
                        "unknown engine oracle"),
                Arguments.of(
                        HEAD
                                + "params: {a: {kind: value}}\nsteps: [{backup: {tables: []}}, {sql: 'UPDATE {b} SET x = :a'}, {verify: [history-clean]}]",
                        "sql uses undeclared parameter 'b'"),
                Arguments.of(
                        HEAD + "steps: [{backup: {tables: []}}, {verify: [looks-fine]}]", "unknown check 'looks-fine'"),
                Arguments.of(
                        HEAD + "params: {p: {kind: choice, choices: {a: ''}}}\nsteps: [{verify: [history-clean]}]",
                        "choice a needs a text saying what it does"),
                Arguments.of(
                        HEAD
                                + "params: {t: {}, to: {default: x_old}}\nsteps: [{backup: {tables: []}}, {rename-table: {from: '${t}', to: '${to}'}},"
                                + " {verify: [history-clean]}]",
                        "step 'rename-table' renames a live table: it must take an argument from a parameter declared 'decision: true'"),
                Arguments.of(
                        HEAD
                                + "params: {t: {}}\nsteps: [{backup: {tables: []}}, {sql: 'DELETE FROM {t}'}, {verify: [history-clean]}]",
                        "step 'sql' runs SQL that deletes"),
                Arguments.of(
                        HEAD + "params: {v: {decision: maybe}}\nsteps: [{verify: [history-clean]}]",
                        "decision must be true, false or when-needed"),
                Arguments.of("id: Bad_Id\ntitle: t", "must be lower-case"),
                Arguments.of("id: [", "not valid YAML"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void invalidPlaybooksAreRefusedWithAClearMessage(String yaml, String expected) {
        assertThatThrownBy(() -> PlaybookLoader.parse(yaml, "test.yaml"))
                .isInstanceOf(PlaybookException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining(expected);
    }

    /** Ranking reads a built-in playbook's rules alone: they must be exactly those of the whole playbook. */
    @Test
    void aBuiltInsRankingRulesAreThoseOfTheWholePlaybook() {
        for (String id : Playbooks.BUILT_IN) {
            String text = CompiledPlaybooks.texts().get(id);
            Playbook whole = PlaybookLoader.parse(text, id);
            assertThat(PlaybookLoader.fit(text, id)).as(id).isEqualTo(new PlaybookFit(whole.id(), whole.recommend()));
        }
        assertThat(Playbooks.load(null).ranking().rank(FindingKind.FK_ORPHAN_ROWS, null, false, false))
                .isNotEmpty();
    }
}
