package io.migrescue.diagnosis;

import io.migrescue.model.Engine;
import io.migrescue.sql.Dialect;
import java.math.BigDecimal;
import java.util.List;
import java.util.StringJoiner;

/** A question about the data that confirms a finding; an adapter answers it with bounded queries. */
public sealed interface DataQuestion {
    /** Child rows whose key has no parent row: what a new foreign key refuses. */
    record OrphanRows(
            String schema,
            String table,
            List<String> columns,
            String refSchema,
            String refTable,
            List<String> refColumns)
            implements DataQuestion {}

    /** Key values held by more than one row: what a new unique index refuses. */
    record DuplicateKeys(String schema, String table, List<String> columns) implements DataQuestion {}

    /** Rows with NULL in a column about to become NOT NULL. */
    record NullValues(String schema, String table, String column) implements DataQuestion {}

    /**
     * Rows a NOT NULL column without a default, not there yet, would leave NULL: every row of the table. Counted from
     * the statement itself, since the column cannot be queried before it exists.
     */
    record RowsForNewColumn(String schema, String table, String column) implements DataQuestion {}

    /**
     * Values of a column that its new type cannot hold: longer than {@code maxLength} characters, outside [{@code min},
     * {@code max}], or, for text becoming a number, not such a number at all. A null limit is not checked.
     *
     * @param key the table's one-column primary key, to name example rows; null when it has none
     */
    record UnfitValues(
            String schema,
            String table,
            String column,
            String key,
            Integer maxLength,
            BigDecimal min,
            BigDecimal max,
            TypeFit.NumberText text,
            String newType)
            implements DataQuestion {
        /**
         * The rows holding such a value, as one condition: the same rows for the count, the backup, the repair and the
         * check after it. Text becoming a number is read as text ({@code CAST(… AS text)}), so the condition also
         * holds on the column once it has the new type; it is cast to a number only where it spells one, so the
         * condition never fails on the values it selects. The limits are numbers this record holds, written as
         * literals.
         */
        public String unfitRows(Dialect dialect) {
            Engine engine = dialect.engine();
            boolean postgres = engine == Engine.POSTGRESQL;
            String c = dialect.quote(column);
            StringJoiner any = new StringJoiner(" OR ");
            if (maxLength != null) {
                any.add("CHAR_LENGTH(" + c + ") > " + maxLength);
            }
            if (text != null) {
                String v = "CAST(" + c + (postgres ? " AS text)" : " AS CHAR)");
                // what the server takes as such a number; and then, rounded as the server rounds it, within the range
                String spells = v + (postgres ? " ~ '" : " REGEXP '") + text.pattern(engine) + "'";
                any.add("NOT (" + spells + ")");
                if (min != null) {
                    String n = postgres ? "CAST(" + v + " AS numeric)" : "CAST(" + v + " AS DECIMAL(65,30))";
                    n = text.scale() == null ? n : "ROUND(" + n + ", " + text.scale() + ")";
                    any.add("CASE WHEN " + spells + " THEN " + n + " < " + min.toPlainString() + " OR " + n + " > "
                            + max.toPlainString() + " ELSE FALSE END");
                }
            } else if (min != null) {
                any.add(c + " < " + min.toPlainString() + " OR " + c + " > " + max.toPlainString());
            }
            return c + " IS NOT NULL AND (" + any + ")";
        }
    }

    /**
     * Rows for which a new CHECK constraint's expression is false (NULL passes, as on the server).
     *
     * @param expression as the migration writes it; its columns are the live table's
     */
    record CheckViolations(String schema, String table, String name, String expression, String key)
            implements DataQuestion {
        /**
         * The rows the server refuses: those for which the expression is false. A NULL result passes a CHECK, and
         * {@code NOT (NULL)} selects nothing, so those rows are left alone as the server leaves them.
         */
        public String violatingRows() {
            return "NOT (" + expression + ")";
        }
    }

    /**
     * Rows whose foreign key columns are all set while the referenced table, made by a pending migration, will still be
     * empty when the foreign key is added: every such row is an orphan.
     */
    record KeysSet(String schema, String table, List<String> columns, String key, String refTable)
            implements DataQuestion {}

    /** Sessions holding or waiting for locks on a table (or any long transaction when the table is unknown). */
    record LockHolders(String schema, String table) implements DataQuestion {}
}
