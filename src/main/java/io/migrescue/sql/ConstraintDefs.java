package io.migrescue.sql;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect.ConstraintDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/** Table-level constraints as JSqlParser reads them (CREATE TABLE elements, ALTER TABLE … ADD constraints). */
final class ConstraintDefs {

    private ConstraintDefs() {}

    /** Whether this table element or ADD definition starts a constraint rather than a column. */
    static boolean startsConstraint(Tokens def) {
        return def.is(0, "CONSTRAINT")
                || def.is(0, "PRIMARY", "KEY")
                || def.is(0, "UNIQUE")
                || def.is(0, "FOREIGN", "KEY")
                || def.is(0, "CHECK")
                || def.is(0, "EXCLUDE");
    }

    static ConstraintDef of(Index index, Engine engine) throws NotUnderstood {
        String name = Names.unquote(index.getName());
        if (index instanceof ForeignKeyIndex fk) {
            return new ConstraintDef(
                    name,
                    "FOREIGN_KEY",
                    columns(index, engine),
                    Names.unquote(fk.getTable().getSchemaName()),
                    Names.unquote(fk.getTable().getName()),
                    Names.unquote(fk.getReferencedColumnNames()),
                    action(fk.getOnDeleteReferenceOption()),
                    action(fk.getOnUpdateReferenceOption()),
                    null);
        }
        if (index instanceof CheckConstraint check) {
            String expression =
                    check.getExpression() == null ? null : check.getExpression().toString();
            return new ConstraintDef(name, "CHECK", List.of(), null, null, List.of(), null, null, expression);
        }
        String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
        if (type.equals("PRIMARY KEY")) {
            return keyed(name, "PRIMARY_KEY", columns(index, engine));
        }
        if (type.startsWith("UNIQUE")) {
            return keyed(name, "UNIQUE", columns(index, engine));
        }
        throw new NotUnderstood("constraint of an unexpected kind: " + index);
    }

    /** PostgreSQL {@code EXCLUDE USING gist (…)}: JSqlParser rejects it; its name is all a catalog check needs. */
    static ConstraintDef exclusion(Tokens def) {
        String name = def.is(0, "CONSTRAINT") && def.size() > 1
                ? Names.unquote(def.get(1).text())
                : null;
        return new ConstraintDef(name, "EXCLUSION", List.of(), null, null, List.of(), null, null, null);
    }

    static boolean isExclusion(Tokens def) {
        return def.is(0, "EXCLUDE") || (def.is(0, "CONSTRAINT") && def.is(2, "EXCLUDE"));
    }

    private static ConstraintDef keyed(String name, String kind, List<String> columns) {
        return new ConstraintDef(name, kind, columns, null, null, List.of(), null, null, null);
    }

    /** Key columns without quotes, prefix lengths or sort order. */
    private static List<String> columns(Index index, Engine engine) {
        List<String> columns = new ArrayList<>();
        if (index.getColumns() != null) {
            for (String column : index.getColumnsNames()) {
                Tokens key = Tokens.of(column, engine);
                columns.add(key.isEmpty() ? column : IndexStatements.key(key));
            }
        }
        return columns;
    }

    /** {@code set  null} → {@code SET NULL}; null when the statement does not say. */
    private static String action(String action) {
        return action == null
                ? null
                : String.join(" ", action.strip().split("\\s+")).toUpperCase(Locale.ROOT);
    }
}
