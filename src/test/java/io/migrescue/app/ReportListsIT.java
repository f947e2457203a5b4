package io.migrescue.app;

import static io.migrescue.testing.Unmodifiable.assertUnmodifiable;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.db.DatabaseSession;
import io.migrescue.diff.DiffOptions;
import io.migrescue.diff.Snapshot;
import io.migrescue.model.Engine;
import io.migrescue.testing.ScratchDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The use cases gather notes, findings and histories in growing lists as they read; what they hand over (the report,
 * a side of a diff) cannot be changed.
 */
class ReportListsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void diagnosisReportIsUnmodifiable(Engine engine) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(engine, "diagnosis report lists")) {
            db.execute("CREATE TABLE users (id int PRIMARY KEY)");
            String error = engine == Engine.POSTGRESQL
                    ? "ERROR:  relation \"users\" already exists"
                    : "ERROR 1050 (42S01): Table 'users' already exists";
            try (DatabaseSession session = db.session()) {
                DiagnosisReport report =
                        DiagnoseUseCase.run(session, new DiagnoseUseCase.Request(List.of(), error, null, null));

                assertThat(report.findings()).isNotEmpty();
                assertUnmodifiable(report.findings(), report.notes(), report.schemas(), report.history());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.migrescue.testing.TestServers#engines")
    void diffReportAndItsSidesAreUnmodifiable(Engine engine) throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(engine, "diff lists source");
                ScratchDatabase target = ScratchDatabase.create(engine, "diff lists target")) {
            source.execute("CREATE TABLE users (id int PRIMARY KEY)");
            target.execute("CREATE TABLE users (id int PRIMARY KEY)");
            try (DatabaseSession s = source.session();
                    DatabaseSession t = target.session()) {
                DiffReport report = DiffUseCase.run(
                        s, t, new DiffRequest(List.of(), List.of(), DiffOptions.defaults(), CountMode.EXACT, false));

                assertThat(report.counts()).hasSize(1);
                assertUnmodifiable(report.counts(), report.sourceSchemas(), report.targetSchemas());

                List<String> existing = new ArrayList<>(List.of(source.defaultSchema()));
                Snapshot side = DiffSideReader.read(s, List.of(source.defaultSchema()), existing, CountMode.NONE)
                        .snapshot();
                assertThat(side.existingSchemas()).containsExactly(source.defaultSchema());
                assertUnmodifiable(side.existingSchemas(), side.histories(), side.definedObjects());
            }
        }
    }
}
