package io.migrescue.migration.code;

import io.migrescue.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements a code migration runs, in order, each with the line of the code it comes from. What a reader does
 * not understand is kept as a statement too, a comment naming the code ({@code -- not understood: …}), so its place
 * in the migration is shown and its effect is unknown, never guessed.
 */
public final class Rendered {
    public static final String NOT_UNDERSTOOD = "-- not understood: ";
    private static final int SHOWN = 200;
    private final List<SqlStatement> statements = new ArrayList<>();

    public void add(String sql, int line) {
        statements.add(new SqlStatement(statements.size() + 1, sql, line));
    }

    public void notUnderstood(Node code) {
        notUnderstood(code.text(), code.line());
    }

    public void notUnderstood(String code, int line) {
        String flat = code.replaceAll("\\s+", " ").strip();
        add(NOT_UNDERSTOOD + (flat.length() > SHOWN ? flat.substring(0, SHOWN) + "…" : flat), line);
    }

    public List<SqlStatement> statements() {
        return List.copyOf(statements);
    }
}
