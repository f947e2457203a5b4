package io.migrescue.preflight;

import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The SQL a finding proposes to add to the migration before the failing statement, written for the engine with every
 * identifier quoted by the dialect. Values a person has to choose are left as {@code :value}.
 */
final class FixSql {
    private final Engine engine;
    private final Dialect dialect;

    FixSql(Engine engine) {
        this.engine = engine;
        this.dialect = Dialect.of(engine);
    }

    String renameTable(String table, String to) {
        return engine == Engine.POSTGRESQL
                ? "ALTER TABLE " + q(table) + " RENAME TO " + q(to)
                : "RENAME TABLE " + q(table) + " TO " + q(to);
    }

    /** MySQL/MariaDB: a foreign key under a new name (drop and add in one statement, so the table is never without it). */
    String renameForeignKey(String table, String schema, ModelTable.Con fk, String to) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ")
                .append(q(table))
                .append(" DROP FOREIGN KEY ")
                .append(q(fk.name()))
                .append(", ADD CONSTRAINT ")
                .append(q(to))
                .append(" FOREIGN KEY (")
                .append(cols(fk.columns()))
                .append(") REFERENCES ")
                .append(
                        fk.refSchema() == null || fk.refSchema().equals(schema)
                                ? q(fk.refTable())
                                : dialect.qualify(fk.refSchema(), fk.refTable()))
                .append(" (")
                .append(cols(fk.refColumns()))
                .append(')');
        if (fk.onDelete() != null
                && !fk.onDelete().equalsIgnoreCase("NO ACTION")
                && !fk.onDelete().equalsIgnoreCase("RESTRICT")) {
            sql.append(" ON DELETE ").append(fk.onDelete());
        }
        if (fk.onUpdate() != null
                && !fk.onUpdate().equalsIgnoreCase("NO ACTION")
                && !fk.onUpdate().equalsIgnoreCase("RESTRICT")) {
            sql.append(" ON UPDATE ").append(fk.onUpdate());
        }
        return sql.toString();
    }

    String orphansToNull(String table, List<String> columns, String parent, List<String> refColumns) {
        StringJoiner set = new StringJoiner(", ");
        columns.forEach(c -> set.add(q(c) + " = NULL"));
        return "UPDATE " + q(table) + " SET " + set + " WHERE " + orphanCondition(table, columns, parent, refColumns);
    }

    String deleteOrphans(String table, List<String> columns, String parent, List<String> refColumns) {
        return "DELETE FROM " + q(table) + " WHERE " + orphanCondition(table, columns, parent, refColumns);
    }

    private String orphanCondition(String table, List<String> columns, String parent, List<String> refColumns) {
        StringJoiner notNull = new StringJoiner(" AND ");
        StringJoiner join = new StringJoiner(" AND ");
        for (int i = 0; i < columns.size(); i++) {
            notNull.add(q(columns.get(i)) + " IS NOT NULL");
            join.add("p." + q(refColumns.get(i)) + " = " + q(table) + "." + q(columns.get(i)));
        }
        String exists = "SELECT 1 FROM " + q(parent) + " p WHERE " + join;
        // MySQL refuses a subquery on the table being changed; the parent is another table, so this form works on all
        // three
        return notNull + " AND NOT EXISTS (" + exists + ")";
    }

    /** Keeps the row with the lowest key of each group of duplicates. */
    String deleteDuplicates(String table, List<String> columns, String key) {
        StringJoiner same = new StringJoiner(" AND ");
        columns.forEach(c -> same.add("a." + q(c) + " = b." + q(c)));
        return engine == Engine.POSTGRESQL
                ? "DELETE FROM " + q(table) + " a USING " + q(table) + " b WHERE " + same + " AND a." + q(key) + " > b."
                        + q(key)
                : "DELETE a FROM " + q(table) + " a JOIN " + q(table) + " b ON " + same + " AND a." + q(key) + " > b."
                        + q(key);
    }

    String fillNulls(String table, String column) {
        return "UPDATE " + q(table) + " SET " + q(column) + " = :value WHERE " + q(column) + " IS NULL";
    }

    /**
     * Values a new type cannot hold: cut to the length (the rest is lost: back up first), or replaced by a chosen one;
     * the rows chosen by the question's own condition ({@link DataQuestion.UnfitValues#unfitRows}), with the column as
     * the statement before the change names it.
     */
    String fitValues(String table, String column, DataQuestion.UnfitValues unfit) {
        DataQuestion.UnfitValues q = new DataQuestion.UnfitValues(
                null,
                table,
                column,
                unfit.key(),
                unfit.maxLength(),
                unfit.min(),
                unfit.max(),
                unfit.text(),
                unfit.newType());
        String c = q(column);
        boolean cut = q.maxLength() != null && q.text() == null && q.min() == null;
        return "UPDATE " + q(table) + " SET " + c + " = "
                + (cut ? "SUBSTRING(" + c + ", 1, " + q.maxLength() + ")" : ":value") + " WHERE "
                + q.unfitRows(dialect);
    }

    /** Rows a new CHECK refuses, given a chosen value in the one column its expression reads. */
    /** @param violating the rows the CHECK refuses ({@link io.migrescue.diagnosis.DataQuestion.CheckViolations#violatingRows}) */
    String fitCheck(String table, String column, String violating) {
        return "UPDATE " + q(table) + " SET " + q(column) + " = :value WHERE " + violating;
    }

    String changeType(String table, String column, String type, boolean nullable) {
        return engine == Engine.POSTGRESQL
                ? "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " TYPE " + type + " USING " + q(column)
                        + "::" + type
                : "ALTER TABLE " + q(table) + " MODIFY " + q(column) + " " + type + (nullable ? " NULL" : " NOT NULL");
    }

    String q(String identifier) {
        return dialect.quote(identifier);
    }

    private String cols(List<String> columns) {
        List<String> quoted = new ArrayList<>();
        columns.forEach(c -> quoted.add(q(c)));
        return String.join(", ", quoted);
    }
}
