package io.migrescue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code explain} gathers its notes as it reads; the report it hands over cannot be changed. */
class ExplainReportListsTest {

    @Test
    void recognisedErrorGivesUnmodifiableLists() {
        DiagnosisReport report = ExplainUseCase.run("ERROR:  relation \"users\" already exists");

        assertThat(report.findings()).hasSize(1);
        assertThrows(UnsupportedOperationException.class, () -> report.notes().add("x"));
        assertThrows(
                UnsupportedOperationException.class, () -> report.findings().clear());
        assertThrows(UnsupportedOperationException.class, () -> report.schemas().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> report.history().clear());
    }

    @Test
    void unrecognisedTextGivesUnmodifiableNotes() {
        DiagnosisReport report = ExplainUseCase.run("nothing an engine would say");

        assertThat(report.findings()).isEmpty();
        assertThrows(UnsupportedOperationException.class, () -> report.notes().add("x"));
    }
}
