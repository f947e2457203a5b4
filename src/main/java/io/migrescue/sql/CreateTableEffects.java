package io.migrescue.sql;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect.ColumnDef;
import io.migrescue.sql.Effect.ConstraintDef;
import io.migrescue.sql.Names.NameAt;
import io.migrescue.sql.Names.QualifiedName;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * CREATE TABLE → one {@link Effect.CreateTable}, then one {@link Effect.CreateIndex} per MySQL index definition
 * ({@code KEY}, {@code INDEX}, {@code UNIQUE KEY}, {@code FULLTEXT}, {@code SPATIAL}) inside it.
 * <p>
 * The body is split into its elements first. Index definitions are read by {@link IndexStatements}; columns and
 * constraints go to JSqlParser after narrow {@link Rewrites}. Table options after the body ({@code ENGINE=…},
 * {@code PARTITION BY …}, {@code WITH (…)}, {@code WAIT n}, …) are left out: they do not change which table, columns
 * or constraints exist, and JSqlParser 5.3 rejects several of them.
 */
final class CreateTableEffects {

    private CreateTableEffects() {}

    /** {@code nameAt} is the index of the table name token. */
    static List<Effect> of(Tokens t, int nameAt, Engine engine) throws NotUnderstood {
        NameAt name = Names.read(t, nameAt);
        if (name == null) {
            throw new NotUnderstood("no table name in CREATE TABLE");
        }
        int open = name.end();
        boolean ifNotExists = t.is(nameAt - 3, "IF", "NOT", "EXISTS");
        if (!t.is(open, "(") || t.is(open + 1, "LIKE")) {
            // CREATE TABLE t LIKE u, CREATE TABLE t AS SELECT …, PostgreSQL (LIKE u INCLUDING ALL): the columns
            // come from elsewhere; the effect is the table itself
            if (!t.is(open, "(") && !t.is(open, "LIKE") && !t.is(open, "AS") && !t.is(open, "SELECT")) {
                throw new NotUnderstood("CREATE TABLE form not tracked: "
                        + t.sub(open, Math.min(open + 3, t.size())).compact());
            }
            QualifiedName table = name.name();
            return List.of(new Effect.CreateTable(table.schema(), table.name(), List.of(), List.of(), ifNotExists));
        }
        int close = t.closing(open);
        List<String> forParser = new ArrayList<>();
        List<ColumnDefs.Prepared> columns = new ArrayList<>();
        List<Effect> indexes = new ArrayList<>();
        List<ConstraintDef> exclusions = new ArrayList<>();
        for (Tokens element : t.sub(open + 1, close).splitTopLevel()) {
            if (engine.isMySqlFamily() && IndexStatements.isMySqlIndexDefinition(element)) {
                indexes.add(IndexStatements.indexDefinition(element, name.name()));
            } else if (ConstraintDefs.isExclusion(element)) {
                exclusions.add(ConstraintDefs.exclusion(element));
            } else if (ConstraintDefs.startsConstraint(element)) {
                forParser.add(Rewrites.element(element, new BitSet()));
            } else {
                ColumnDefs.Prepared column = ColumnDefs.prepare(element);
                columns.add(column);
                forParser.add(column.sql());
            }
        }
        CreateTable parsed =
                JSql.parse(t.sub(0, open).text() + " (" + String.join(", ", forParser) + ")", CreateTable.class);
        List<Effect> effects = new ArrayList<>();
        effects.add(createTable(parsed, columns, exclusions, engine));
        effects.addAll(indexes);
        return effects;
    }

    private static Effect.CreateTable createTable(
            CreateTable parsed, List<ColumnDefs.Prepared> prepared, List<ConstraintDef> exclusions, Engine engine)
            throws NotUnderstood {
        List<ColumnDefinition> definitions =
                parsed.getColumnDefinitions() == null ? List.of() : parsed.getColumnDefinitions();
        if (definitions.size() != prepared.size()) {
            throw new NotUnderstood(
                    "JSqlParser saw " + definitions.size() + " columns where there are " + prepared.size());
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        for (int k = 0; k < definitions.size(); k++) {
            ColumnDefs.Read read = ColumnDefs.read(definitions.get(k), prepared.get(k), engine);
            columns.add(read.column());
            constraints.addAll(read.constraints());
        }
        if (parsed.getIndexes() != null) {
            for (Index index : parsed.getIndexes()) {
                constraints.add(ConstraintDefs.of(index, engine));
            }
        }
        constraints.addAll(exclusions);
        QualifiedName table = Names.of(parsed.getTable());
        return new Effect.CreateTable(
                table.schema(), table.name(), notNullKeys(columns, constraints), constraints, parsed.isIfNotExists());
    }

    /** Primary key columns are NOT NULL whether or not the statement says so. */
    private static List<ColumnDef> notNullKeys(List<ColumnDef> columns, List<ConstraintDef> constraints) {
        Set<String> keyColumns = new HashSet<>();
        constraints.stream().filter(c -> c.kind().equals("PRIMARY_KEY")).forEach(c -> keyColumns.addAll(c.columns()));
        return columns.stream()
                .map(c -> keyColumns.contains(c.name()) && c.nullable()
                        ? new ColumnDef(c.name(), c.type(), false, c.defaultValue())
                        : c)
                .toList();
    }
}
