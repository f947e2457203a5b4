package io.migrescue.diagnosis;

import io.migrescue.model.Column;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confirms a failed change of a column's type against the catalog: which table and column (the failing statement
 * names them when the message does not), the type the column has now and the one the migration wanted. A MySQL 1265
 * ("Data truncated") is a type change rather than NULLs when the column is NOT NULL already or the statement does not
 * make it NOT NULL, and the new type is narrower.
 */
final class TypeChangeConfirmation extends ErrorCheck {
    TypeChangeConfirmation(CatalogLookup lookup, DiagnosisInput input) {
        super(lookup, input);
    }

    /** A 1265 classified as NULL values from the text alone: the catalog may say it is the new type instead. */
    Finding truncated() {
        Optional<Effect.ModifyColumn> change = typeChange();
        Optional<Column> now = change.flatMap(m -> liveColumn(m.schema(), m.table(), m.column()));
        List<String> evidence = new ArrayList<>();
        if (now.isPresent()) {
            Effect.ModifyColumn m = change.get();
            boolean noNulls = !now.get().nullable() || !Boolean.FALSE.equals(m.nullable());
            if (TypeFit.limits(now.get().type(), m.type()) != null) {
                if (noNulls) {
                    return confirm();
                }
                evidence.add("the new type " + m.type() + " is also narrower than "
                        + now.get().type()
                        + ": values that do not fit raise the same 1265 (see the " + FindingKind.TYPE_CONVERSION
                        + " finding)");
            }
        }
        return plain(FindingKind.NULL_VALUES, summaryFromError(), evidence, Map.of(), false, false, false);
    }

    /**
     * A 1265 from a statement that both makes a nullable column NOT NULL and narrows its type: either may be the
     * cause, so both findings are made and the rows decide (the one with no offending rows is marked stale).
     */
    Optional<Finding> narrowerToo() {
        if (!Integer.valueOf(1265).equals(error.vendorCode())) {
            return Optional.empty();
        }
        Optional<Effect.ModifyColumn> change = typeChange();
        Optional<Column> now = change.flatMap(m -> liveColumn(m.schema(), m.table(), m.column()));
        return now.isPresent()
                        && now.get().nullable()
                        && Boolean.FALSE.equals(change.get().nullable())
                        && TypeFit.limits(now.get().type(), change.get().type()) != null
                ? Optional.of(confirm())
                : Optional.empty();
    }

    Finding confirm() {
        Optional<Effect.ModifyColumn> change = typeChange();
        String schema =
                firstNonNull(o.schema(), change.map(Effect.ModifyColumn::schema).orElse(null));
        String table =
                firstNonNull(o.table(), change.map(Effect.ModifyColumn::table).orElse(null));
        String column =
                firstNonNull(o.column(), change.map(Effect.ModifyColumn::column).orElse(null));
        String type = change.map(Effect.ModifyColumn::type).orElse(null);
        Optional<Column> now = liveColumn(schema, table, column);
        String actualTable = tableNow(table).map(Table::name).orElse(table);
        String actualColumn = now.map(Column::name).orElse(column);
        List<String> evidence = new ArrayList<>();
        boolean needsUsing = false;
        String what = actualTable == null ? "the column" : "column " + actualTable + "." + actualColumn;
        if (now.isPresent()
                && type != null
                && TypeNames.normalize(now.get().type()).equals(TypeNames.normalize(type))) {
            return staleError(
                    FindingKind.TYPE_CONVERSION,
                    what + " is " + now.get().type() + " now: the change went through since the error",
                    Diagnoser.objects("table", actualTable, "column", actualColumn));
        }
        if (now.isPresent() && type != null) {
            evidence.add(what + " is " + now.get().type() + " now; the migration changes it to " + type);
            needsUsing = lookup.engine() == Engine.POSTGRESQL
                    && TypeFit.needsUsingOnPostgres(now.get().type(), type)
                    && (error.statement() == null || !error.statement().matches("(?is).*\\bUSING\\b.*"));
            if (needsUsing) {
                evidence.add(
                        "PostgreSQL has no automatic cast from " + now.get().type() + " to " + type
                                + ": the statement needs USING "
                                + Dialect.of(Engine.POSTGRESQL).quote(actualColumn) + "::" + type
                                + " (and then every value must convert)");
            }
        }
        if (o.value() != null) {
            evidence.add("the value '" + o.value() + "' does not convert");
        }
        if (change.isEmpty() && !input.failingEffects().isEmpty()) {
            evidence.add("the failing statement changes no column's type: a value it writes does not fit its column");
        }
        String summary = actualTable == null || actualColumn == null
                ? summaryFromError()
                : what + " cannot change type" + (type == null ? "" : " to " + type) + ": " + summaryFromError();
        Finding found = plain(
                FindingKind.TYPE_CONVERSION,
                summary,
                evidence,
                Diagnoser.objects(
                        "schema",
                        schema,
                        "table",
                        actualTable,
                        "column",
                        actualColumn,
                        "currentType",
                        now.map(Column::type).orElse(null),
                        "newType",
                        type,
                        "needsUsing",
                        needsUsing ? "true" : null),
                false,
                false,
                false);
        // 42804: no value is at fault, the statement is; only editing the migration file gives it USING
        String state = error.sqlState();
        return PlaybookRanking.statementAtFault(state) || needsUsing && (state == null || !state.startsWith("22"))
                ? new Finding(
                        found.kind(),
                        found.severity(),
                        found.summary(),
                        found.objects(),
                        found.evidence(),
                        found.migration(),
                        List.of(),
                        found.stale())
                : found;
    }

    /** The failing statement's change of a column's type; the one the error names when there are several. */
    private Optional<Effect.ModifyColumn> typeChange() {
        Effect.ModifyColumn first = null;
        for (Effect e : input.failingEffects()) {
            if (e instanceof Effect.ModifyColumn m && m.type() != null) {
                if (o.column() != null && lookup.sameName(m.column(), o.column())) {
                    return Optional.of(m);
                }
                first = first == null ? m : first;
            }
        }
        return Optional.ofNullable(o.column() == null ? first : null);
    }

    private Optional<Column> liveColumn(String schema, String table, String column) {
        if (table == null || column == null) {
            return Optional.empty();
        }
        return lookup.table(schema, table)
                .flatMap(t -> t.columns().stream()
                        .filter(c -> lookup.sameName(c.name(), column))
                        .findFirst());
    }
}
