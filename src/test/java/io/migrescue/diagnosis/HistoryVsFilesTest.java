package io.migrescue.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.diagnosis.HistoryVsFiles.Pending;
import io.migrescue.diagnosis.HistoryVsFiles.Recorded;
import io.migrescue.diagnosis.HistoryVsFiles.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching an applied row that has no file to the file it was renamed to: on evidence only, never a guess. */
class HistoryVsFilesTest {
    private static Pending file(String id, String checksum, boolean inEffect, boolean beforeNewest) {
        return new Pending(id, id, checksum, inEffect, beforeNewest);
    }

    @Test
    void theSameChecksumMatchesEvenWhenTheSchemaCannotTell() {
        Result r = HistoryVsFiles.compare(
                List.of(new Recorded("2", "12345")),
                List.of(file("2.1", "12345", false, false), file("3", "999", true, false)));
        assertThat(r.renamed()).singleElement().satisfies(m -> {
            assertThat(m.row().id()).isEqualTo("2");
            assertThat(m.file().id()).isEqualTo("2.1");
            assertThat(m.by()).isEqualTo("checksum");
        });
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void twoFilesWithTheRecordedChecksumAreAQuestionNotAnAnswer() {
        Result r = HistoryVsFiles.compare(
                List.of(new Recorded("2", "12345")),
                List.of(file("2.1", "12345", true, false), file("2.2", "12345", true, false)));
        assertThat(r.renamed()).isEmpty();
        assertThat(r.missing()).singleElement().satisfies(m -> {
            assertThat(m.ambiguous()).isTrue();
            assertThat(m.candidates()).extracting(Pending::id).containsExactly("2.1", "2.2");
        });
    }

    @Test
    void withoutAChecksumTheOnlyFileWhoseEffectsAreAllPresentIsTheRenamedOne() {
        Result r = HistoryVsFiles.compare(
                List.of(new Recorded("20240101_create_orders.js", null)),
                List.of(file("20240101_orders.js", null, true, true), file("20240301_tags.js", null, false, false)));
        assertThat(r.renamed()).singleElement().satisfies(m -> {
            assertThat(m.file().id()).isEqualTo("20240101_orders.js");
            assertThat(m.by()).isEqualTo("effects");
        });
        assertThat(r.outOfOrder())
                .as("the renamed file is not also out of order")
                .isEmpty();
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void aFileNotInEffectIsNeverTakenForTheRenamedOne() {
        Result r = HistoryVsFiles.compare(
                List.of(new Recorded("001_users.js", null)), List.of(file("001_accounts.js", null, false, false)));
        assertThat(r.renamed()).isEmpty();
        assertThat(r.missing())
                .singleElement()
                .satisfies(m -> assertThat(m.ambiguous()).isFalse());
    }

    @Test
    void twoFilesInEffectForOneRowAreAmbiguousUnlessTheNameTellsThemApart() {
        Result ambiguous = HistoryVsFiles.compare(
                List.of(new Recorded("001_users.js", null)),
                List.of(file("005_accounts.js", null, true, false), file("006_people.js", null, true, false)));
        assertThat(ambiguous.renamed()).isEmpty();
        assertThat(ambiguous.missing().get(0).candidates())
                .extracting(Pending::id)
                .containsExactly("005_accounts.js", "006_people.js");

        Result named = HistoryVsFiles.compare(
                List.of(new Recorded("001_users.js", null)),
                List.of(file("005_users.js", null, true, false), file("006_people.js", null, true, false)));
        assertThat(named.renamed())
                .singleElement()
                .satisfies(m -> assertThat(m.file().id()).isEqualTo("005_users.js"));
    }

    @Test
    void twoRowsAndOneFileInEffectIsAskedUnlessTheNameSaysWhichRow() {
        List<Recorded> rows = List.of(new Recorded("001_users.js", null), new Recorded("002_orders.js", null));
        Result r = HistoryVsFiles.compare(rows, List.of(file("007_accounts.js", null, true, false)));
        assertThat(r.renamed()).isEmpty();
        assertThat(r.missing())
                .allSatisfy(
                        m -> assertThat(m.candidates()).extracting(Pending::id).containsExactly("007_accounts.js"));

        Result named = HistoryVsFiles.compare(rows, List.of(file("007_orders.js", null, true, false)));
        assertThat(named.renamed())
                .singleElement()
                .satisfies(m -> assertThat(m.row().id()).isEqualTo("002_orders.js"));
        assertThat(named.missing()).singleElement().satisfies(m -> {
            assertThat(m.row().id()).isEqualTo("001_users.js");
            assertThat(m.ambiguous()).isFalse();
        });
    }

    @Test
    void aFileBeforeTheNewestAppliedOneIsOutOfOrderWhateverItsEffects() {
        Result r = HistoryVsFiles.compare(
                List.of(),
                List.of(file("1.5", "1", false, true), file("1.6", "2", true, true), file("9", "3", false, false)));
        assertThat(r.outOfOrder()).extracting(Pending::id).containsExactly("1.5", "1.6");
        assertThat(r.renamed()).isEmpty();
        assertThat(r.missing()).isEmpty();
        assertThat(HistoryVsFiles.compare(List.of(), List.of(file("9", "3", false, false)))
                        .empty())
                .isTrue();
    }

    @Test
    void aRowWithAnotherChecksumIsStillMatchedByEffectsWhenOnlyOneFileFits() {
        Result r = HistoryVsFiles.compare(List.of(new Recorded("2", "111")), List.of(file("2.1", "222", true, false)));
        assertThat(r.renamed())
                .singleElement()
                .satisfies(m -> assertThat(m.by()).isEqualTo("effects"));
    }
}
