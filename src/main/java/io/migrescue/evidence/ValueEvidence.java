package io.migrescue.evidence;

import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.sql.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The rows a change of values would refuse: values a new type cannot hold, rows a new CHECK rejects, keys with no
 * parent yet. Each is one bounded count and a few example rows; limits are bound, identifiers quoted by the dialect.
 * A CHECK's expression is the migration's own text, run in the caller's read-only transaction (the deploy runs it
 * too).
 */
final class ValueEvidence {
    private static final int SHOWN = 40;

    private final DatabaseSession session;
    private final Dialect dialect;

    ValueEvidence(DatabaseSession session) {
        this.session = session;
        this.dialect = session.dialect();
    }

    static boolean answers(DataQuestion q) {
        return q instanceof DataQuestion.UnfitValues
                || q instanceof DataQuestion.CheckViolations
                || q instanceof DataQuestion.KeysSet;
    }

    long count(DataQuestion question) throws SQLException {
        Where w = where(question);
        try (PreparedStatement ps = w.prepare("SELECT COUNT(*) FROM " + w.table + " WHERE " + w.condition);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> answer(DataQuestion question) throws SQLException {
        long count = count(question);
        List<String> examples = examples(question);
        String shown = examples.isEmpty() ? "" : "; for example " + String.join(", ", examples);
        if (question instanceof DataQuestion.UnfitValues q) {
            return List.of(
                    count == 0
                            ? "every value of " + q.table() + "." + q.column() + " fits " + q.newType() + " now"
                            : count + " row(s) of " + q.table() + " hold a value of " + q.column() + " that "
                                    + q.newType() + " cannot hold (" + limits(q) + ")" + shown);
        }
        if (question instanceof DataQuestion.CheckViolations q) {
            return List.of(
                    count == 0
                            ? "every row of " + q.table() + " passes CHECK (" + q.expression() + ") now"
                            : count + " row(s) of " + q.table() + " fail CHECK (" + q.expression() + ")" + shown);
        }
        DataQuestion.KeysSet q = (DataQuestion.KeysSet) question;
        return List.of(
                count == 0
                        ? "no row of " + q.table() + " has (" + String.join(", ", q.columns()) + ") set now"
                        : count + " row(s) of " + q.table() + " have (" + String.join(", ", q.columns()) + ") set, and "
                                + q.refTable() + " will have no row for them" + shown);
    }

    private List<String> examples(DataQuestion question) throws SQLException {
        Where w = where(question);
        String key = question instanceof DataQuestion.UnfitValues q
                ? q.key()
                : question instanceof DataQuestion.CheckViolations c
                        ? c.key()
                        : ((DataQuestion.KeysSet) question).key();
        List<String> shown = new ArrayList<>();
        if (question instanceof DataQuestion.UnfitValues q) {
            shown.add(q.column());
        } else if (question instanceof DataQuestion.KeysSet k) {
            shown.addAll(k.columns());
        }
        if (key != null && !shown.contains(key)) {
            shown.add(0, key);
        }
        if (shown.isEmpty()) {
            return List.of();
        }
        StringJoiner cols = new StringJoiner(", ");
        shown.forEach(c -> cols.add(dialect.quote(c)));
        String order = key != null ? dialect.quote(key) : cols.toString();
        List<String> out = new ArrayList<>();
        String sql = "SELECT " + cols + " FROM " + w.table + " WHERE " + w.condition + " ORDER BY " + order + " LIMIT "
                + DataEvidence.SAMPLE;
        try (PreparedStatement ps = w.prepare(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StringJoiner row = new StringJoiner(", ");
                for (int i = 0; i < shown.size(); i++) {
                    row.add(shown.get(i) + " = " + shorten(rs.getString(i + 1)));
                }
                out.add("(" + row + ")");
            }
        }
        return out;
    }

    private static String limits(DataQuestion.UnfitValues q) {
        List<String> parts = new ArrayList<>();
        if (q.maxLength() != null) {
            parts.add("longer than " + q.maxLength() + " characters");
        }
        if (q.min() != null) {
            parts.add("outside " + q.min().toPlainString() + " .. " + q.max().toPlainString());
        }
        if (q.text() != null) {
            parts.add(0, q.text().integer() ? "not an integer" : "not a number");
        }
        return String.join(", or ", parts);
    }

    private static String shorten(String value) {
        if (value == null) {
            return "NULL";
        }
        return "'" + (value.length() > SHOWN ? value.substring(0, SHOWN - 3) + "..." : value) + "'";
    }

    private Where where(DataQuestion question) {
        if (question instanceof DataQuestion.UnfitValues q) {
            return new Where(dialect.qualify(q.schema(), q.table()), q.unfitRows(dialect), List.of());
        }
        if (question instanceof DataQuestion.CheckViolations q) {
            return new Where(dialect.qualify(q.schema(), q.table()), q.violatingRows(), List.of());
        }
        DataQuestion.KeysSet q = (DataQuestion.KeysSet) question;
        StringJoiner set = new StringJoiner(" AND ");
        q.columns().forEach(c -> set.add(dialect.quote(c) + " IS NOT NULL"));
        return new Where(dialect.qualify(q.schema(), q.table()), set.toString(), List.of());
    }

    private final class Where {
        final String table;
        final String condition;
        final List<Object> params;

        Where(String table, String condition, List<Object> params) {
            this.table = table;
            this.condition = condition;
            this.params = params;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = session.connection().prepareStatement(sql);
            ps.setQueryTimeout(DataEvidence.TIMEOUT_SECONDS);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }
    }
}
