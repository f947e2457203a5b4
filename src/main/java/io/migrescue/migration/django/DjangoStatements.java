package io.migrescue.migration.django;

import io.migrescue.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/** The statements one migration runs, in order, with the deferred ones Django runs when its schema editor closes. */
final class DjangoStatements {
    private final List<SqlStatement> out = new ArrayList<>();
    private final List<SqlStatement> deferred = new ArrayList<>();
    private boolean record;
    private int line;

    DjangoStatements(boolean record) {
        this.record = record;
    }

    int line() {
        return line;
    }

    void line(int line) {
        this.line = line;
    }

    /** Adds {@code sql} at the current line (only when recording). */
    void add(String sql) {
        if (record) {
            out.add(new SqlStatement(out.size() + 1, sql, line));
        }
    }

    /** Adds {@code sql} to the statements run at the end. */
    void defer(String sql) {
        if (record) {
            deferred.add(new SqlStatement(0, sql, line));
        }
    }

    /** A position to roll back to when an operation turns out not understood. */
    int[] mark() {
        return new int[] {out.size(), deferred.size()};
    }

    void rollback(int[] mark) {
        out.subList(mark[0], out.size()).clear();
        deferred.subList(mark[1], deferred.size()).clear();
    }

    /** The statements with the deferred ones appended, numbered in order. */
    List<SqlStatement> finish() {
        for (SqlStatement d : deferred) {
            out.add(new SqlStatement(out.size() + 1, d.sql(), d.line()));
        }
        deferred.clear();
        return out;
    }
}
