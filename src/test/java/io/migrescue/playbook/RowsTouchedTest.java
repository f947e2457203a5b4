package io.migrescue.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.sql.BoundStatement;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How the rows a data step touches read: the count, the first ten keys by key, and what stands for a missing key. */
class RowsTouchedTest {
    private static final BoundStatement COUNT = BoundStatement.of("SELECT COUNT(*) FROM t WHERE p");
    private static final BoundStatement KEYS = BoundStatement.of("SELECT id FROM t WHERE p ORDER BY id LIMIT 10");

    static RowsTouched rows(
            String action, String note, List<String> key, String keyNote, long count, List<String> first) {
        return new RowsTouched("public", "events", action, note, key, keyNote, COUNT, KEYS, -1, List.of())
                .counted(count, first);
    }

    @Test
    void pastTenKeysSaysHowManyMore() {
        List<String> ten =
                LongStream.rangeClosed(1, 10).mapToObj(Long::toString).toList();
        RowsTouched many = rows("update", "where note is NULL", List.of("id"), null, 2_400, ten);
        assertThat(many.describe())
                .isEqualTo(
                        "updates 2,400 rows of events, where note is NULL (id 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2,390 more)");
        assertThat(many.figures())
                .containsEntry("count", 2_400L)
                .containsEntry("more", 2_390L)
                .containsEntry("first", ten)
                .containsEntry("table", "public.events")
                .containsEntry("action", "update");
    }

    @Test
    void fewRowsAreAllNamed() {
        assertThat(rows("delete", null, List.of("id"), null, 1, List.of("7")).describe())
                .isEqualTo("deletes 1 row of events (id 7)");
        assertThat(rows("delete", null, List.of("id"), null, 0, List.of()).describe())
                .isEqualTo("deletes 0 rows of events");
        assertThat(rows("insert", "placeholders", List.of("id"), null, 2, List.of("98", "99"))
                        .describe())
                .isEqualTo("inserts 2 rows into events, placeholders (id 98, 99)");
        assertThat(rows("keep", "one per duplicate (email): the lowest id", List.of("id"), null, 2, List.of("1", "3"))
                        .describe())
                .isEqualTo("keeps 2 rows of events, one per duplicate (email): the lowest id (id 1, 3)");
    }

    @Test
    void aCompositeKeyIsShownAsTuples() {
        assertThat(rows("delete", null, List.of("tenant_id", "id"), null, 2, List.of("(1, 5)", "(1, 6)"))
                        .describe())
                .isEqualTo("deletes 2 rows of events ((tenant_id, id) (1, 5), (1, 6))");
    }

    @Test
    void withoutAPrimaryKeyItSaysWhatNamesTheRows() {
        assertThat(rows(
                                "delete",
                                null,
                                List.of("user_id"),
                                "no primary or unique key, named by their user_id, which may repeat",
                                3,
                                List.of("98", "99", "99"))
                        .describe())
                .isEqualTo(
                        "deletes 3 rows of events (no primary or unique key, named by their user_id, which may repeat: user_id 98, 99, 99)");
        assertThat(rows(
                                "update",
                                null,
                                List.of(),
                                "no primary or unique key: the rows cannot be named one by one",
                                3,
                                List.of())
                        .describe())
                .isEqualTo("updates 3 rows of events (no primary or unique key: the rows cannot be named one by one)");
    }

    @Test
    void beforeCountingItDoesNotPretendToKnow() {
        RowsTouched uncounted =
                new RowsTouched("public", "events", "delete", null, List.of("id"), null, COUNT, KEYS, -1, List.of());
        assertThat(uncounted.describe()).isEqualTo("deletes the matching rows of events (not counted)");
        assertThat(uncounted.figures()).containsEntry("count", null);
        PlanStep step =
                new PlanStep(2, "fix-orphans", "d", List.of(), List.of(), true, null, List.of(), List.of(uncounted));
        assertThat(step.rowsToChange()).isEqualTo(-1);
        assertThat(step.withRows(List.of(
                                uncounted.counted(3, List.of("1", "2", "3")),
                                rows("keep", null, List.of("id"), null, 9, List.of())))
                        .rowsToChange())
                .as("kept rows are not changed")
                .isEqualTo(3);
    }
}
