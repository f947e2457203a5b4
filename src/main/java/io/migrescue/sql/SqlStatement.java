package io.migrescue.sql;

/**
 * One statement of a migration script.
 *
 * @param number 1-based position in the script
 * @param sql    the statement text without its terminator, comments kept
 * @param line   1-based line where it starts in the script
 */
public record SqlStatement(int number, String sql, int line) {

    /** The line its last character is on (psql reports errors at the line where the statement ended). */
    public int endLine() {
        return line + (int) sql.chars().filter(c -> c == '\n').count();
    }
}
