package io.migrescue.playbook;

import io.migrescue.sql.BoundStatement;
import java.util.List;
import java.util.Locale;

/**
 * The rows of one table that a data step changes (or, with action {@code keep}, the rows it leaves as they are that a
 * person wants to see next to them): how many, and the keys of the first {@value #SHOWN}, ordered by key. The planner
 * writes the read-only queries; the app layer runs them before anyone is asked, so every renderer shows the figures
 * the plan carries.
 *
 * @param action  {@code delete}, {@code update}, {@code insert} or {@code keep}
 * @param note    what else a person needs to read the figure ({@code "one per duplicate email, the lowest id"}), or null
 * @param key     the columns the rows are named by (the primary key, else a unique key, else what the step knows
 *                them by); empty when nothing names a row
 * @param keyNote how the rows are named when it is not by their primary key, or null
 * @param count   read-only: {@code SELECT COUNT(*)} of the rows
 * @param keys    read-only: the first {@value #SHOWN} keys ordered by key; null when {@code key} is empty
 * @param rows    how many rows, or -1 before they are counted
 * @param first   the first {@value #SHOWN} keys as text ({@code 4}, {@code (1, ana)}), ordered by key
 */
public record RowsTouched(
        String schema,
        String table,
        String action,
        String note,
        List<String> key,
        String keyNote,
        BoundStatement count,
        BoundStatement keys,
        long rows,
        List<String> first) {
    /** How many keys are shown. */
    public static final int SHOWN = 10;

    public RowsTouched {
        key = List.copyOf(key);
        first = first == null ? List.of() : List.copyOf(first);
    }

    /** The same rows, counted. */
    public RowsTouched counted(long rows, List<String> first) {
        return new RowsTouched(schema, table, action, note, key, keyNote, count, keys, rows, first);
    }

    public boolean counted() {
        return rows >= 0;
    }

    /** Whether the step changes these rows (rather than keeping them). */
    public boolean changesRows() {
        return !action.equals("keep");
    }

    /**
     * One line for people: {@code deletes 3 rows of orders (id 12, 13, 15)}; past ten keys {@code … and 2,390 more};
     * a table without a key says so instead of naming rows.
     */
    public String describe() {
        String verb = switch (action) {
            case "delete" -> "deletes";
            case "update" -> "updates";
            case "insert" -> "inserts";
            default -> "keeps";
        };
        String where = (action.equals("insert") ? " into " : " of ") + table;
        if (!counted()) {
            return verb + " the matching rows" + where + (note == null ? "" : ", " + note) + " (not counted)";
        }
        StringBuilder out =
                new StringBuilder(verb).append(' ').append(rows(rows)).append(where);
        if (note != null) {
            out.append(", ").append(note);
        }
        if (rows == 0) {
            return out.toString();
        }
        out.append(" (");
        if (keyNote != null) {
            out.append(keyNote).append(key.isEmpty() ? "" : ": ");
        }
        if (!key.isEmpty()) {
            out.append(key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")")
                    .append(' ')
                    .append(String.join(", ", first));
            if (rows > first.size()) {
                out.append(" and ").append(number(rows - first.size())).append(" more");
            }
        }
        return out.append(')').toString();
    }

    /** The figures for JSON (the report, the journal): table, action, count, key columns, the first keys, how many more. */
    public java.util.Map<String, Object> figures() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("table", schema + "." + table);
        m.put("action", action);
        m.put("note", note);
        m.put("count", counted() ? rows : null);
        m.put("key", key);
        m.put("keyNote", keyNote);
        m.put("first", first);
        m.put("more", counted() ? Math.max(0, rows - first.size()) : null);
        m.put("text", describe());
        return m;
    }

    /** {@code 1 row}, {@code 2,400 rows}. */
    public static String rows(long n) {
        return number(n) + (n == 1 ? " row" : " rows");
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
