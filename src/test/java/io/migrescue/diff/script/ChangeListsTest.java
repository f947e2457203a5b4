package io.migrescue.diff.script;

import static io.migrescue.testing.Unmodifiable.assertUnmodifiable;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertUnmodifiable(
                change.forward(), change.rollback(), change.asDestructive().forward());
    }
}
