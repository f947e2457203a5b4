package io.migrescue.diff.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every change is made by {@link Change#of}, which takes the producers' lists as they are built (often mutable). */
class ChangeListsTest {

    @Test
    void ofKeepsItsOwnUnmodifiableStatements() {
        List<Step> forward = new ArrayList<>(List.of(new Step(Phase.SCHEMAS, "CREATE SCHEMA s")));
        List<Step> rollback = new ArrayList<>(List.of(new Step(Phase.SCHEMAS, "DROP SCHEMA s")));

        Change change = Change.of("create schema s", forward, rollback);
        forward.clear();

        assertThat(change.forward()).extracting(Step::sql).containsExactly("CREATE SCHEMA s");
        assertThrows(UnsupportedOperationException.class, () -> change.forward().add(rollback.get(0)));
        assertThrows(
                UnsupportedOperationException.class, () -> change.rollback().add(rollback.get(0)));
        assertThrows(
                UnsupportedOperationException.class,
                () -> change.asDestructive().forward().add(rollback.get(0)));
    }
}
