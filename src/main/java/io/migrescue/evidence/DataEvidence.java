package io.migrescue.evidence;

import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Answers data questions with bounded, read-only queries: a count and a small sample, each cut off after a few
 * seconds so that diagnosing a production database never becomes the incident. Identifiers are quoted by the dialect.
 */
public final class DataEvidence {
    static final int SAMPLE = 5;
    static final int TIMEOUT_SECONDS = 5;

    private final DatabaseSession session;
    private final Dialect dialect;

    public DataEvidence(DatabaseSession session) {
        this.session = session;
        this.dialect = session.dialect();
    }

    /** Evidence lines; a query that fails or times out says so instead of failing the diagnosis. */
    public List<String> answer(DataQuestion question) {
        try {
            if (ValueEvidence.answers(question)) {
                return new ValueEvidence(session).answer(question);
            }
            if (question instanceof DataQuestion.OrphanRows q) {
                return orphans(q);
            }
            if (question instanceof DataQuestion.DuplicateKeys q) {
                return duplicates(q);
            }
            if (question instanceof DataQuestion.NullValues q) {
                return nulls(q);
            }
            if (question instanceof DataQuestion.RowsForNewColumn q) {
                long count = count(q);
                return List.of(
                        count == 0
                                ? q.table() + " has no rows now, so the new column " + q.column() + " leaves no NULL"
                                : count + " row(s) of " + q.table() + " would be NULL in the new column " + q.column()
                                        + " (NOT NULL, no default)");
            }
            return new LockEvidence(session).holders((DataQuestion.LockHolders) question);
        } catch (SQLException e) {
            return List.of("could not check the data (" + e.getSQLState() + "): " + firstLine(e.getMessage()));
        }
    }

    /** The number of offending rows: what a verification expects to be 0. */
    public long count(DataQuestion question) throws SQLException {
        if (ValueEvidence.answers(question)) {
            return new ValueEvidence(session).count(question);
        }
        if (question instanceof DataQuestion.OrphanRows q) {
            return count("SELECT COUNT(*)" + orphanWhere(q));
        }
        if (question instanceof DataQuestion.DuplicateKeys q) {
            return count("SELECT COUNT(*) FROM (SELECT 1 AS x" + duplicateGroups(q) + ") d");
        }
        if (question instanceof DataQuestion.NullValues q) {
            return count("SELECT COUNT(*) FROM " + dialect.qualify(q.schema(), q.table()) + " WHERE "
                    + dialect.quote(q.column()) + " IS NULL");
        }
        if (question instanceof DataQuestion.RowsForNewColumn q) {
            return countRows(q.schema(), q.table());
        }
        throw new IllegalArgumentException("not a countable question: " + question);
    }

    public long countRows(String schema, String table) throws SQLException {
        return count("SELECT COUNT(*) FROM " + dialect.qualify(schema, table));
    }

    private String orphanWhere(DataQuestion.OrphanRows q) {
        String child = dialect.qualify(q.schema(), q.table());
        String parent = dialect.qualify(q.refSchema(), q.refTable());
        StringJoiner notNull = new StringJoiner(" AND ");
        StringJoiner join = new StringJoiner(" AND ");
        for (int i = 0; i < q.columns().size(); i++) {
            notNull.add("c." + dialect.quote(q.columns().get(i)) + " IS NOT NULL");
            join.add("p." + dialect.quote(q.refColumns().get(i)) + " = c."
                    + dialect.quote(q.columns().get(i)));
        }
        return " FROM " + child + " c WHERE " + notNull + " AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE "
                + join + ")";
    }

    private String duplicateGroups(DataQuestion.DuplicateKeys q) {
        String cols = columns("", q.columns());
        return " FROM " + dialect.qualify(q.schema(), q.table()) + " WHERE " + notNull(q.columns()) + " GROUP BY "
                + cols + " HAVING COUNT(*) > 1";
    }

    private List<String> orphans(DataQuestion.OrphanRows q) throws SQLException {
        String where = orphanWhere(q);
        long count = count("SELECT COUNT(*)" + where);
        String cols = columns("c.", q.columns());
        List<String> sample = rows(
                "SELECT DISTINCT " + cols + where + " ORDER BY " + cols + " LIMIT " + SAMPLE,
                q.columns().size());
        String key = "(" + String.join(", ", q.columns()) + ")";
        List<String> lines = new ArrayList<>();
        lines.add(
                count == 0
                        ? "no row of " + q.table() + " lacks its parent in " + q.refTable() + " now"
                        : count + " row(s) of " + q.table() + " have a " + key + " with no row in " + q.refTable()
                                + " (" + String.join(", ", q.refColumns()) + "); for example " + key + " = "
                                + String.join(", ", sample));
        return lines;
    }

    private List<String> duplicates(DataQuestion.DuplicateKeys q) throws SQLException {
        String cols = columns("", q.columns());
        String grouped = duplicateGroups(q);
        long groups = count("SELECT COUNT(*) FROM (SELECT 1 AS x" + grouped + ") d");
        List<String> sample = rows(
                "SELECT " + cols + ", COUNT(*)" + grouped + " ORDER BY COUNT(*) DESC, " + cols + " LIMIT " + SAMPLE,
                q.columns().size() + 1);
        String key = "(" + String.join(", ", q.columns()) + ")";
        return List.of(
                groups == 0
                        ? "no duplicate " + key + " in " + q.table() + " now"
                        : groups + " value(s) of " + key + " occur more than once in " + q.table()
                                + "; for example (value, rows) " + String.join(", ", sample));
    }

    private List<String> nulls(DataQuestion.NullValues q) throws SQLException {
        long count = count(q);
        return List.of(
                count == 0
                        ? "no NULL in " + q.table() + "." + q.column() + " now"
                        : count + " row(s) of " + q.table() + " have NULL in " + q.column());
    }

    private String notNull(List<String> columns) {
        StringJoiner j = new StringJoiner(" AND ");
        columns.forEach(c -> j.add(dialect.quote(c) + " IS NOT NULL"));
        return j.toString();
    }

    private String columns(String prefix, List<String> columns) {
        StringJoiner j = new StringJoiner(", ");
        columns.forEach(c -> j.add(prefix + dialect.quote(c)));
        return j.toString();
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement ps = bounded(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> rows(String sql, int width) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = bounded(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StringJoiner row = new StringJoiner(", ", width > 1 ? "(" : "", width > 1 ? ")" : "");
                for (int i = 1; i <= width; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /**
     * A statement cut off after {@link #TIMEOUT_SECONDS}: PgJDBC sends a cancel request, Connector/J a KILL QUERY,
     * so the server stops working on it too.
     */
    private PreparedStatement bounded(String sql) throws SQLException {
        Connection c = session.connection();
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setQueryTimeout(TIMEOUT_SECONDS);
        return ps;
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
