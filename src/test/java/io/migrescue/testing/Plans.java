package io.migrescue.testing;

import io.migrescue.db.DatabaseSession;
import io.migrescue.history.HistoryAdapters;
import io.migrescue.history.HistoryReader;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs planned statements the way the repair engine will: in order, in one transaction, each value bound with
 * {@code setObject}. The history writers bind only strings, numbers and booleans (timestamps are SQL expressions).
 */
public final class Plans {
    private Plans() {}

    public static void execute(ScratchDatabase db, List<BoundStatement> plan) throws SQLException {
        execute(db, plan, null);
    }

    /** @param sessionSetup a statement run first on the same connection (a session time zone), or null */
    public static void execute(ScratchDatabase db, List<BoundStatement> plan, String sessionSetup) throws SQLException {
        try (Connection c = db.connect()) {
            if (sessionSetup != null) {
                try (Statement st = c.createStatement()) {
                    st.execute(sessionSetup);
                }
            }
            c.setAutoCommit(false);
            try {
                for (BoundStatement s : plan) {
                    try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                        for (int i = 0; i < s.params().size(); i++) {
                            Object value = s.params().get(i);
                            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                                throw new AssertionError("a history plan bound " + value + ": " + s.display());
                            }
                            ps.setObject(i + 1, value);
                        }
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The history of {@code tool} in the database's default schema, as migrescue reads it. */
    public static MigrationHistory history(ScratchDatabase db, String tool) throws SQLException {
        try (DatabaseSession session = db.session()) {
            return HistoryReader.readAll(session, List.of(db.defaultSchema()), HistoryAdapters.all()).stream()
                    .filter(h -> h.tool().equals(tool))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tool + " history in " + db.name()));
        }
    }

    /** Rows as text, in order, each column in the server's own text form (null stays null). */
    public static List<List<String>> rows(ScratchDatabase db, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
