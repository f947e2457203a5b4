package io.migrescue.diagnosis;

import io.migrescue.model.Column;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What every check of an error against the catalog shares: the parsed error, its objects, how a finding is built. */
abstract class ErrorCheck {
    final CatalogLookup lookup;
    final DiagnosisInput input;
    final ParsedError error;
    final ErrorObjects o;

    ErrorCheck(CatalogLookup lookup, DiagnosisInput input) {
        this.lookup = lookup;
        this.input = input;
        this.error = input.error();
        this.o = error.objects() == null ? ErrorObjects.NONE : error.objects();
    }

    /** The error's own summary kept as history: the database no longer shows what it says, for {@code why}. */
    Finding staleError(FindingKind kind, String why, Map<String, String> objects) {
        return plain(kind, summaryFromError(), List.of(why), objects, false, false, true);
    }

    Finding plain(
            FindingKind kind,
            String summary,
            List<String> evidence,
            Map<String, String> objects,
            boolean sameTable,
            boolean existingMatches,
            boolean stale) {
        Map<String, String> all = o.asMap();
        all.putAll(objects);
        List<String> withError = new ArrayList<>();
        withError.add(
                ErrorConfirmation.PREDICTED.equals(error.wrapper())
                        ? "no error text; from the statement map: " + error.message()
                        : "error" + (error.wrapper() == null ? "" : " (" + error.wrapper() + ")") + ": "
                                + (error.sqlState() == null ? "" : error.sqlState() + " ")
                                + (error.vendorCode() == null ? "" : error.vendorCode() + " ")
                                + error.message());
        withError.addAll(evidence);
        return new Finding(
                kind,
                stale ? Severity.WARNING : Severity.ERROR,
                summary,
                all,
                withError,
                input.migration(),
                stale ? List.of() : input.ranking().rank(kind, input.migration(), sameTable, existingMatches),
                stale);
    }

    String summaryFromError() {
        return error.message() == null ? input.errorKind().name() : error.message();
    }

    List<Effect.ConstraintDef> intendedConstraints() {
        List<Effect.ConstraintDef> defs = new ArrayList<>();
        for (Effect e : input.failingEffects()) {
            if (e instanceof Effect.CreateTable c) {
                defs.addAll(c.constraints());
            } else if (e instanceof Effect.AddConstraint a) {
                defs.add(a.constraint());
            }
        }
        return defs;
    }

    /** The table the error names, else the one the failing statement works on; null when neither says. */
    String tableOfError() {
        return firstNonNull(o.table(), tableOfFailingStatement());
    }

    /** The table of that name in the catalog now; empty when there is none or no name. */
    Optional<Table> tableNow(String name) {
        return name == null ? Optional.empty() : lookup.table(o.schema(), name);
    }

    String tableOfFailingStatement() {
        for (Effect e : input.failingEffects()) {
            if (e instanceof Effect.CreateTable c) {
                return c.table();
            }
            if (e instanceof Effect.AddConstraint a) {
                return a.table();
            }
            if (e instanceof Effect.AddColumn a) {
                return a.table();
            }
            if (e instanceof Effect.CreateIndex i) {
                return i.table();
            }
        }
        return null;
    }

    static String columnList(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
