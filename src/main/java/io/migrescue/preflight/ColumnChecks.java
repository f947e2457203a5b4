package io.migrescue.preflight;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.Severity;
import io.migrescue.diagnosis.TypeFit;
import io.migrescue.model.Engine;
import io.migrescue.sql.Effect;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Column statements: the column must exist (or must not), and the rows must fit a new NOT NULL. */
record ColumnChecks(Simulator sim) {
    /**
     * Rows of {@code t} hold NULL in a column a statement makes NOT NULL (or part of a primary key): the fix fills
     * them, and the rows are asked by the column's live name.
     */
    static PreflightFinding nullValues(
            Simulator sim, Site site, ModelTable t, String column, String liveColumn, String cause, String fix) {
        return site.finding(
                FindingKind.NULL_VALUES,
                Severity.ERROR,
                cause,
                List.of(),
                new PreflightFinding.Fix(
                        fix, List.of(sim.fixSql.fillNulls(t.name, column)), List.of("fill-null-values")),
                new PreflightFinding.Confirm.Rows(new DataQuestion.NullValues(t.liveSchema, t.liveName, liveColumn)));
    }

    void add(Site site, ModelTable t, Effect.AddColumn e) {
        Effect.ColumnDef c = e.column();
        ModelTable.Col existing = t.columns.get(sim.model.key(c.name()));
        boolean ifNotExists = site.sql().matches("(?is).*\\bADD\\s+(COLUMN\\s+)?IF\\s+NOT\\s+EXISTS\\b.*");
        if (existing != null) {
            if (!ifNotExists) {
                sim.add(site.finding(
                        FindingKind.DUPLICATE_COLUMN,
                        Severity.ERROR,
                        "column " + t.name + "." + c.name() + " already exists",
                        List.of("column " + t.name + "." + existing.name() + " is " + existing.type()
                                + (existing.live()
                                        ? ", in the database now (added by hand, or by a migration not recorded)"
                                        : ", added by an earlier pending statement")),
                        new PreflightFinding.Fix(
                                "take the ADD COLUMN out of the migration if the column is the one it means"
                                        + (sim.model.engine() == Engine.MYSQL
                                                ? ""
                                                : ", or write ADD COLUMN IF NOT EXISTS"),
                                List.of(),
                                List.of("adopt-existing-object"),
                                sim.model.engine() == Engine.MYSQL
                                        ? null
                                        : site.sql()
                                                .replaceFirst("(?i)\\bADD(\\s+COLUMN)?\\s+", "ADD$1 IF NOT EXISTS ")),
                        null));
            }
            return;
        }
        sim.lock(site, t, false, "adds a column");
        boolean required = !c.nullable() && !Simulator.hasDefault(c);
        // PostgreSQL refuses a NOT NULL column without a default on a table with rows; MySQL fills in the type's zero
        // value
        if (required && sim.model.engine() == Engine.POSTGRESQL && sim.rowsAsLive(t)) {
            sim.add(site.finding(
                    FindingKind.NULL_VALUES,
                    Severity.ERROR,
                    "column " + t.name + "." + c.name()
                            + " is added NOT NULL without a default, and the table has rows: every one would hold NULL",
                    List.of(),
                    new PreflightFinding.Fix(
                            "give the column a DEFAULT in this statement, or add it nullable, fill it,"
                                    + " then SET NOT NULL",
                            List.of(),
                            List.of("fill-null-values")),
                    new PreflightFinding.Confirm.AnyRow(t.liveSchema, t.liveName)));
        }
        t.columns.put(
                sim.model.key(c.name()),
                new ModelTable.Col(c.name(), c.type(), c.nullable(), Simulator.hasDefault(c), null));
    }

    void drop(Site site, ModelTable t, Effect.DropColumn e) {
        if (column(site, t, e.column()).isEmpty()) {
            return;
        }
        sim.lock(site, t, false, "drops a column");
        String k = sim.model.key(e.column());
        t.columns.remove(k);
        t.indexes
                .values()
                .removeIf(
                        i -> i.columns().stream().anyMatch(c -> sim.model.key(c).equals(k)));
        t.constraints
                .values()
                .removeIf(
                        c -> c.columns().stream().anyMatch(x -> sim.model.key(x).equals(k)));
    }

    void rename(Site site, ModelTable t, Effect.RenameColumn e) {
        Optional<ModelTable.Col> from = column(site, t, e.from());
        if (from.isEmpty()) {
            return;
        }
        if (!sim.model.key(e.from()).equals(sim.model.key(e.to())) && t.columns.containsKey(sim.model.key(e.to()))) {
            sim.add(site.finding(
                    FindingKind.DUPLICATE_COLUMN,
                    Severity.ERROR,
                    "column " + t.name + "." + e.to() + " already exists",
                    List.of("both " + e.from() + " and " + e.to() + " are columns of " + t.name),
                    new PreflightFinding.Fix(
                            "rename to a free name, or drop the existing " + e.to()
                                    + " first (after copying what it holds)",
                            List.of(),
                            List.of()),
                    null));
            return;
        }
        sim.lock(site, t, false, "renames a column");
        ModelTable.Col c = from.get();
        t.columns.remove(sim.model.key(e.from()));
        t.columns.put(
                sim.model.key(e.to()),
                new ModelTable.Col(e.to(), c.type(), c.nullable(), c.hasDefault(), c.liveName()));
    }

    void modify(Site site, ModelTable t, Effect.ModifyColumn e) {
        Optional<ModelTable.Col> found = column(site, t, e.column());
        if (found.isEmpty()) {
            return;
        }
        ModelTable.Col c = found.get();
        boolean scans = e.type() != null || Boolean.FALSE.equals(e.nullable());
        sim.lock(
                site,
                t,
                scans,
                e.type() != null ? "changes the column's type (the table is rewritten)" : "changes the column");
        if (Boolean.FALSE.equals(e.nullable()) && c.nullable() && c.live() && sim.rowsAsLive(t)) {
            sim.add(nullValues(
                    sim,
                    site,
                    t,
                    c.name(),
                    c.liveName(),
                    "column " + t.name + "." + c.name() + " becomes NOT NULL while rows hold NULL in it",
                    "fill the NULLs first (choose the value), or keep the column nullable"));
        }
        if (e.type() != null) {
            changeType(site, t, c, e.type());
        }
        String name = e.newName() != null ? e.newName() : c.name();
        t.columns.remove(sim.model.key(e.column()));
        t.columns.put(
                sim.model.key(name),
                new ModelTable.Col(
                        name,
                        e.type() != null ? e.type() : c.type(),
                        e.nullable() != null ? e.nullable() : c.nullable(),
                        c.hasDefault(),
                        c.liveName()));
    }

    /**
     * A narrower type: the live values it cannot hold (too long, out of range, not an integer) fail the change. On
     * PostgreSQL a change with no USING and no automatic cast from the live type fails whatever the rows hold (42804).
     */
    private void changeType(Site site, ModelTable t, ModelTable.Col c, String type) {
        boolean rows = c.live() && sim.rowsAsLive(t);
        TypeFit.Limits limits = rows ? TypeFit.limits(c.type(), type) : null;
        boolean pg = sim.model.engine() == Engine.POSTGRESQL;
        boolean using = site.sql().matches("(?is).*\\bUSING\\b.*");
        if (pg && !using && TypeFit.needsUsingOnPostgres(c.type(), type)) {
            sim.add(noAutomaticCast(site, t, c, type, limits));
            return;
        }
        if (limits == null) {
            return;
        }
        boolean tooLong = limits.maxLength() != null;
        String code = pg
                ? (tooLong ? "22001" : limits.text() != null ? "22P02 or 22003" : "22003")
                : tooLong ? "error 1265 or 1406" : limits.text() != null ? "error 1292, 1366 or 1264" : "error 1264";
        String text = tooLong
                ? "shorten or move the long values first (back them up: the cut part is lost), or keep the"
                        + " wider type"
                : "replace the values that do not fit first (choose the value; back them up), or choose a"
                        + " type that holds them";
        sim.add(site.finding(
                FindingKind.TYPE_CONVERSION,
                Severity.ERROR,
                "values of " + t.name + "." + c.name() + " (" + c.type() + ") do not fit " + type
                        + ", so the change of type fails (" + code + ")",
                List.of(),
                new PreflightFinding.Fix(
                        text,
                        List.of(sim.fixSql.fitValues(t.name, c.name(), unfit(t, c, type, limits))),
                        List.of("fix-unconvertible-values")),
                new PreflightFinding.Confirm.Rows(unfit(t, c, type, limits))));
    }

    /** PostgreSQL 42804 "cannot be cast automatically": the rows are counted too, since USING alone is not enough. */
    private PreflightFinding noAutomaticCast(
            Site site, ModelTable t, ModelTable.Col c, String type, TypeFit.Limits limits) {
        String using = "USING " + sim.fixSql.q(c.name()) + "::" + type;
        Matcher clause =
                Pattern.compile("(?i)\\bTYPE\\s+" + Pattern.quote(type)).matcher(site.sql());
        String rewrite = clause.find()
                ? site.sql().substring(0, clause.end()) + " " + using
                        + site.sql().substring(clause.end())
                : null;
        return site.finding(
                FindingKind.TYPE_CONVERSION,
                Severity.ERROR,
                "column " + t.name + "." + c.name() + " is " + c.type() + " and PostgreSQL has no automatic cast to "
                        + type + ": ALTER COLUMN … TYPE without USING fails (42804) whatever the rows hold",
                List.of(),
                new PreflightFinding.Fix(
                        "add " + using + " to the statement, and first fix the values that do not convert",
                        limits == null
                                ? List.of()
                                : List.of(sim.fixSql.fitValues(t.name, c.name(), unfit(t, c, type, limits))),
                        List.of(),
                        rewrite),
                limits == null ? null : new PreflightFinding.Confirm.Counted(unfit(t, c, type, limits)));
    }

    private DataQuestion.UnfitValues unfit(ModelTable t, ModelTable.Col c, String type, TypeFit.Limits limits) {
        return new DataQuestion.UnfitValues(
                t.liveSchema,
                t.liveName,
                c.liveName(),
                sim.liveKey(t),
                limits.maxLength(),
                limits.min(),
                limits.max(),
                limits.text(),
                type);
    }

    /** The column a statement names; missing (when the table's columns are known): a finding, and empty. */
    Optional<ModelTable.Col> column(Site site, ModelTable t, String name) {
        ModelTable.Col c = t.columns.get(sim.model.key(name));
        if (c == null && t.columnsKnown && !site.ifExists()) {
            sim.add(sim.missing(
                    site,
                    FindingKind.MISSING_COLUMN,
                    "column " + t.name + "." + name + " does not exist",
                    List.of("table " + t.name + " has column(s) "
                            + String.join(
                                    ", ",
                                    t.columns.values().stream()
                                            .map(ModelTable.Col::name)
                                            .toList())),
                    new PreflightFinding.Fix(
                            "correct the column name, or add the column in an earlier migration",
                            List.of(),
                            List.of())));
        }
        return Optional.ofNullable(c);
    }
}
