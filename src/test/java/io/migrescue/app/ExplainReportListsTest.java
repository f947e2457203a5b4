package io.migrescue.app;

import static io.migrescue.testing.Unmodifiable.assertUnmodifiable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code explain} gathers its notes as it reads; the report it hands over cannot be changed. */
class ExplainReportListsTest {

    @Test
    void recognisedErrorGivesUnmodifiableLists() {
        DiagnosisReport report = ExplainUseCase.run("ERROR:  relation \"users\" already exists");

        assertThat(report.findings()).hasSize(1);
        assertUnmodifiable(report.notes(), report.findings(), report.schemas(), report.history());
    }

    @Test
    void unrecognisedTextGivesUnmodifiableNotes() {
        DiagnosisReport report = ExplainUseCase.run("nothing an engine would say");

        assertThat(report.findings()).isEmpty();
        assertUnmodifiable(report.notes());
    }
}
