package io.migrescue.diagnosis;

import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.Table;
import io.migrescue.sql.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks what an error says against the live catalog and gathers the evidence: who holds a duplicate name, where a
 * missing table really is, whether an existing object matches the intended one. Where the database contradicts
 * the error text, the finding says the log is stale.
 */
final class ErrorConfirmation {
    /** The wrapper of an error no tool printed: the statement map predicts it (no error text was given). */
    static final String PREDICTED = "statement map";

    private final CatalogLookup lookup;
    private final DiagnosisInput input;
    private final ParsedError error;
    private final ErrorObjects o;

    ErrorConfirmation(CatalogLookup lookup, DiagnosisInput input) {
        this.lookup = lookup;
        this.input = input;
        this.error = input.error();
        this.o = error.objects() == null ? ErrorObjects.NONE : error.objects();
    }

    Finding confirm() {
        Finding f = switch (input.errorKind()) {
            case DUPLICATE_CONSTRAINT_NAME -> duplicateConstraint();
            case TABLE_ALREADY_EXISTS -> tableExists();
            case MISSING_TABLE -> missingTable();
            case DUPLICATE_COLUMN -> duplicateColumn();
            case MISSING_COLUMN -> missingColumn();
            case DUPLICATE_INDEX_NAME -> duplicateIndex();
            default -> plain(input.errorKind(), summaryFromError(), List.of(), Map.of(), false, false, false);
        };
        String recorded = f.stale() ? null : recordedSince();
        return recorded == null ? f : f.asStale(recorded);
    }

    /**
     * The migration the error is about is recorded as applied now (a repair, or the tool, finished it since): whatever
     * the error says, its cause is settled, and the error is history. Null when it is not so recorded.
     */
    private String recordedSince() {
        if (PREDICTED.equals(error.wrapper())) {
            return null;
        }
        return input.migration() != null
                ? Diagnoser.recordedAsApplied(
                        input.history(),
                        input.migration().tool(),
                        input.migration().id())
                : Diagnoser.recordedAsApplied(input.history(), null, error.version());
    }

    private Finding duplicateConstraint() {
        String table = firstNonNull(o.table(), tableOfFailingStatement());
        List<Effect.ConstraintDef> intended = intendedConstraints();
        List<String> names = new ArrayList<>();
        if (o.constraint() != null) {
            names.add(o.constraint());
        }
        intended.stream()
                .map(Effect.ConstraintDef::name)
                .filter(n -> n != null && !names.contains(n))
                .forEach(names::add);

        List<String> evidence = new ArrayList<>();
        String heldName = null;
        Table holder = null;
        for (String name : names) {
            List<Table> holders = new ArrayList<>(lookup.constraintHolders(o.schema(), name));
            if (lookup.engine() == io.migrescue.model.Engine.POSTGRESQL) {
                lookup.indexHolders(o.schema(), name).stream()
                        .filter(t -> !holders.contains(t))
                        .forEach(holders::add);
            }
            if (!holders.isEmpty()) {
                heldName = name;
                holder = holders.get(0);
                break;
            }
        }
        if (holder == null) {
            String what = names.isEmpty() ? "the constraint" : "a constraint named " + String.join(" or ", names);
            evidence.add("the database has no " + what.replaceFirst("^the ", "")
                    + " now: the error text is older than the database state");
            return plain(
                    FindingKind.DUPLICATE_CONSTRAINT_NAME,
                    summaryFromError(),
                    evidence,
                    Diagnoser.objects("table", table, "constraint", names.isEmpty() ? null : names.get(0)),
                    false,
                    false,
                    true);
        }
        String live = describeHeld(holder, heldName);
        evidence.add("constraint " + heldName + " is held by table " + holder.name() + ": " + live);
        String finalHeldName = heldName;
        intended.stream()
                .filter(c -> finalHeldName.equals(c.name()))
                .findFirst()
                .ifPresent(c -> evidence.add("the migration wants it on table " + table + ": " + ConstraintText.of(c)));
        if (lookup.engine().isMySqlFamily()) {
            evidence.add("on MySQL/MariaDB foreign key names are unique per schema, and RENAME TABLE keeps them:"
                    + " a table renamed aside still holds the old names");
        }
        boolean sameTable = table != null && lookup.sameName(holder.name(), table);
        String summary = "constraint name " + heldName
                + (sameTable
                        ? " already exists on " + holder.name()
                        : " is held by table " + holder.name()
                                + (table == null ? "" : ", so " + table + " cannot take it"));
        return plain(
                FindingKind.DUPLICATE_CONSTRAINT_NAME,
                summary,
                evidence,
                Diagnoser.objects(
                        "table", table, "constraint", heldName, "heldBy", holder.name(), "schema", holder.schema()),
                sameTable,
                false,
                false);
    }

    private String describeHeld(Table holder, String name) {
        Optional<Constraint> c = lookup.constraint(holder, name);
        if (c.isPresent()) {
            return ConstraintText.of(c.get());
        }
        return lookup.index(holder, name)
                .map(i -> (i.unique() ? "UNIQUE " : "") + "INDEX (" + String.join(", ", i.columns()) + ")")
                .orElse(name);
    }

    private Finding tableExists() {
        String name = firstNonNull(o.table(), tableOfFailingStatement());
        Optional<Table> existing = name == null ? Optional.empty() : lookup.table(o.schema(), name);
        if (existing.isEmpty()) {
            return plain(
                    FindingKind.TABLE_ALREADY_EXISTS,
                    summaryFromError(),
                    List.of("table " + name + " does not exist now: the error text is older than the database state"),
                    Diagnoser.objects("table", name),
                    false,
                    false,
                    true);
        }
        Table t = existing.get();
        List<String> evidence = new ArrayList<>();
        evidence.add("table " + t.qualifiedName() + " exists with columns (" + columnList(t.columns()) + ")");
        boolean matches = false;
        Optional<Effect.CreateTable> create = input.failingEffects().stream()
                .filter(Effect.CreateTable.class::isInstance)
                .map(Effect.CreateTable.class::cast)
                .filter(c -> lookup.sameName(t.name(), c.table()))
                .findFirst();
        if (create.isPresent()) {
            List<String> wanted =
                    create.get().columns().stream().map(Effect.ColumnDef::name).toList();
            evidence.add("the migration creates it with columns (" + String.join(", ", wanted) + ")");
            matches = wanted.size() == t.columns().size() && wanted.stream().allMatch(w -> lookup.hasColumn(t, w));
            evidence.add(
                    matches
                            ? "the existing table has exactly the intended columns: it can be adopted"
                            : "the existing table differs from the intended one: move it aside or reconcile by hand");
        }
        return plain(
                FindingKind.TABLE_ALREADY_EXISTS,
                "table " + t.qualifiedName() + " already exists",
                evidence,
                Diagnoser.objects(
                        "table",
                        t.name(),
                        "schema",
                        t.schema(),
                        "matches",
                        create.isPresent() ? String.valueOf(matches) : null),
                false,
                matches,
                false);
    }

    private Finding missingTable() {
        String name = firstNonNull(o.table(), o.referencedTable());
        if (name == null) {
            return plain(FindingKind.MISSING_TABLE, summaryFromError(), List.of(), Map.of(), false, false, false);
        }
        Optional<Table> now = lookup.table(o.schema(), name);
        if (now.isPresent()) {
            return plain(
                    FindingKind.MISSING_TABLE,
                    summaryFromError(),
                    List.of("table " + now.get().qualifiedName()
                            + " exists now: the error text is older than the database state"),
                    Diagnoser.objects("table", name),
                    false,
                    false,
                    true);
        }
        List<Table> elsewhere = new ArrayList<>(lookup.lookalikes(o.schema(), name));
        input.tablesElsewhere().stream()
                .filter(s -> s.name().equalsIgnoreCase(name))
                .filter(s -> elsewhere.stream()
                        .noneMatch(
                                t -> t.schema().equals(s.schema()) && t.name().equals(s.name())))
                .forEach(s -> elsewhere.add(new Table(s.schema(), s.name(), List.of(), List.of(), List.of())));
        List<String> evidence = new ArrayList<>();
        String schema = lookup.schemaOf(o.schema());
        evidence.add("no table " + name + " in " + schema);
        for (Table t : elsewhere) {
            evidence.add(
                    t.schema().equals(schema)
                            ? "a table " + t.name() + " exists in another letter case: names are case-sensitive here"
                            : "a table " + t.name() + " exists in schema " + t.schema()
                                    + ": is it off the search path, or did it move?" + " (--schema " + t.schema()
                                    + " brings it into scope)");
        }
        if (elsewhere.isEmpty()) {
            evidence.add("not found in any schema in scope (add --schema to look further)");
        }
        return plain(
                FindingKind.MISSING_TABLE,
                "table " + name + " does not exist in " + schema
                        + (elsewhere.isEmpty()
                                ? ""
                                : " (found as " + elsewhere.get(0).qualifiedName() + ")"),
                evidence,
                Diagnoser.objects(
                        "table",
                        name,
                        "schema",
                        schema,
                        "foundIn",
                        elsewhere.isEmpty() ? null : elsewhere.get(0).schema(),
                        "foundAs",
                        elsewhere.isEmpty() ? null : elsewhere.get(0).name()),
                false,
                false,
                false);
    }

    private Finding duplicateColumn() {
        String tableName = firstNonNull(o.table(), tableOfFailingStatement());
        Optional<Table> table = tableName == null ? Optional.empty() : lookup.table(o.schema(), tableName);
        Optional<Column> column = table.flatMap(t -> t.columns().stream()
                .filter(c -> lookup.sameName(c.name(), o.column()))
                .findFirst());
        if (column.isEmpty()) {
            return plain(
                    FindingKind.DUPLICATE_COLUMN,
                    summaryFromError(),
                    List.of("column " + tableName + "." + o.column()
                            + " does not exist now: the error text is older than the database state"),
                    Diagnoser.objects("table", tableName, "column", o.column()),
                    false,
                    false,
                    true);
        }
        Column c = column.get();
        List<String> evidence = new ArrayList<>();
        evidence.add(
                "column " + tableName + "." + c.name() + " exists: " + c.type() + (c.nullable() ? " NULL" : " NOT NULL")
                        + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue()));
        boolean matches = false;
        Optional<Effect.ColumnDef> intended = input.failingEffects().stream()
                .filter(Effect.AddColumn.class::isInstance)
                .map(e -> ((Effect.AddColumn) e).column())
                .filter(d -> lookup.sameName(c.name(), d.name()))
                .findFirst();
        if (intended.isPresent()) {
            Effect.ColumnDef d = intended.get();
            matches =
                    TypeNames.normalize(d.type()).equals(TypeNames.normalize(c.type())) && d.nullable() == c.nullable();
            evidence.add("the migration adds it as " + d.type() + (d.nullable() ? " NULL" : " NOT NULL")
                    + (matches ? ": the same, so it can be adopted" : ": different"));
        }
        return plain(
                FindingKind.DUPLICATE_COLUMN,
                "column " + tableName + "." + c.name() + " already exists",
                evidence,
                Diagnoser.objects(
                        "table",
                        tableName,
                        "column",
                        c.name(),
                        "matches",
                        intended.isPresent() ? String.valueOf(matches) : null),
                false,
                matches,
                false);
    }

    private Finding missingColumn() {
        String tableName = firstNonNull(o.table(), tableOfFailingStatement());
        Optional<Table> table = tableName == null ? Optional.empty() : lookup.table(o.schema(), tableName);
        List<String> evidence = new ArrayList<>();
        boolean stale = false;
        if (table.isPresent()) {
            Table t = table.get();
            if (o.column() != null
                    && t.columns().stream().anyMatch(c -> c.name().equals(o.column()))) {
                evidence.add("column " + t.name() + "." + o.column()
                        + " exists now: the error text is older than the database state");
                stale = true;
            } else {
                evidence.add("table " + t.name() + " has columns (" + columnList(t.columns()) + ")");
                t.columns().stream()
                        .filter(c -> o.column() != null && c.name().equalsIgnoreCase(o.column()))
                        .findFirst()
                        .ifPresent(c -> evidence.add("a column " + c.name() + " exists in another letter case"));
            }
        }
        return plain(
                FindingKind.MISSING_COLUMN,
                summaryFromError(),
                evidence,
                Diagnoser.objects("table", tableName, "column", o.column()),
                false,
                false,
                stale);
    }

    private Finding duplicateIndex() {
        String name = o.index() != null ? o.index() : o.constraint();
        List<Table> holders = name == null ? List.of() : lookup.indexHolders(o.schema(), name);
        if (holders.isEmpty()) {
            return plain(
                    FindingKind.DUPLICATE_INDEX_NAME,
                    summaryFromError(),
                    List.of("no index named " + name + " now: the error text is older than the database state"),
                    Diagnoser.objects("index", name, "table", o.table()),
                    false,
                    false,
                    true);
        }
        Table holder = holders.get(0);
        var index = lookup.index(holder, name).orElseThrow();
        return plain(
                FindingKind.DUPLICATE_INDEX_NAME,
                "index name " + name + " is taken by an index on " + holder.name(),
                List.of("index " + name + " on " + holder.qualifiedName() + " (" + String.join(", ", index.columns())
                        + ")" + (index.unique() ? " unique" : "") + ", " + index.method()),
                Diagnoser.objects("index", name, "table", o.table(), "heldBy", holder.name()),
                false,
                false,
                false);
    }

    private Finding plain(
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
                PREDICTED.equals(error.wrapper())
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

    private String summaryFromError() {
        return error.message() == null ? input.errorKind().name() : error.message();
    }

    private List<Effect.ConstraintDef> intendedConstraints() {
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

    private String tableOfFailingStatement() {
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

    private static String columnList(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
