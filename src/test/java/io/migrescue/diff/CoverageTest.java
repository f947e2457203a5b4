package io.migrescue.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import org.junit.jupiter.api.Test;

class CoverageTest {
    @Test
    void everyKindAnEngineHasIsEitherComparedOrSaidWhyNot() {
        for (Engine engine : Engine.values()) {
            Coverage c = Coverage.of(engine, DiffOptions.defaults());
            long present = java.util.Arrays.stream(ObjectKind.values())
                    .filter(k -> k.on(engine) != ObjectKind.Support.ABSENT)
                    .count();
            assertThat(c.total()).isEqualTo(present);
            assertThat(c.compared()).doesNotContainAnyElementsOf(c.notCompared().keySet());
            assertThat(c.comparedLine())
                    .startsWith(c.compared().size() + " of " + present + " " + engine.displayName());
        }
    }

    @Test
    void optionsMoveKindsBetweenComparedAndNot() {
        Coverage plain = Coverage.of(Engine.POSTGRESQL, DiffOptions.defaults());
        assertThat(plain.notCompared()).containsEntry(ObjectKind.COLUMN_ORDER, "cosmetic, --column-order compares it");
        assertThat(plain.compared()).contains(ObjectKind.HISTORY);
        Coverage flipped = Coverage.of(Engine.POSTGRESQL, new DiffOptions(true, false));
        assertThat(flipped.compared()).contains(ObjectKind.COLUMN_ORDER);
        assertThat(flipped.notCompared()).containsEntry(ObjectKind.HISTORY, "--no-history");
        assertThat(flipped.notComparedLine()).contains("migration histories (--no-history)");
    }

    @Test
    void kindsAnEngineLacksAreNotCounted() {
        Coverage mysql = Coverage.of(Engine.MYSQL, DiffOptions.defaults());
        assertThat(mysql.compared()).doesNotContain(ObjectKind.ENUM_TYPES, ObjectKind.SEQUENCES);
        assertThat(mysql.notCompared()).doesNotContainKey(ObjectKind.POLICIES);
    }
}
