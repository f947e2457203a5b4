package io.migrescue.app;

import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.Severity;
import io.migrescue.evidence.DataEvidence;
import io.migrescue.preflight.PreflightFinding;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the rows what the simulation could not decide alone: a finding whose offending rows do not exist is dropped
 * (that statement will go through); one whose rows cannot be counted stays, as a warning that says so.
 */
final class RowChecks {
    private final DatabaseSession session;
    private final DataEvidence data;

    RowChecks(DatabaseSession session) {
        this.session = session;
        this.data = new DataEvidence(session);
    }

    List<PreflightFinding> confirm(List<PreflightFinding> findings) {
        List<PreflightFinding> out = new ArrayList<>();
        for (PreflightFinding f : findings) {
            if (f.confirm() == null) {
                out.add(f);
                continue;
            }
            try {
                if (f.confirm() instanceof PreflightFinding.Confirm.Rows r) {
                    if (data.count(r.question()) > 0) {
                        out.add(f.confirmed(data.answer(r.question())));
                    }
                } else if (f.confirm() instanceof PreflightFinding.Confirm.Counted c) {
                    out.add(f.confirmed(data.answer(c.question())));
                } else if (f.confirm() instanceof PreflightFinding.Confirm.AnyRow a) {
                    long rows = data.countRows(a.schema(), a.table());
                    if (rows > 0) {
                        out.add(f.confirmed(List.of("table " + a.table() + " has " + rows + " row(s)")));
                    }
                }
            } catch (SQLException e) {
                restart();
                PreflightFinding unsure = f.confirmed(List.of("could not check the rows (" + e.getSQLState() + "): "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
                out.add(new PreflightFinding(
                        unsure.kind(),
                        Severity.WARNING,
                        unsure.migration(),
                        unsure.statement(),
                        unsure.line(),
                        unsure.sql(),
                        unsure.cause(),
                        unsure.evidence(),
                        unsure.fix(),
                        null));
            }
        }
        return out;
    }

    /** A failed query (a timeout) ends PostgreSQL's transaction: start a new read-only one for the next question. */
    private void restart() {
        try {
            session.connection().rollback();
        } catch (SQLException ignored) {
            // the next query says so if the connection is gone
        }
    }
}
