package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Atlas's {@code atlas_schema_revisions}: one row per migration file, with how many of its statements ran
 * ({@code applied}) of how many it has ({@code total}). A failure leaves {@code applied < total} with {@code error} and
 * {@code error_stmt}, and the next {@code migrate apply} resumes at statement {@code applied}. Atlas keeps the table in
 * the schema {@code atlas_schema_revisions} unless the URL names a schema (then in that schema), so both are looked in.
 */
final class AtlasHistory extends TableHistoryAdapter {
    static final String TABLE = "atlas_schema_revisions";
    /** The row Atlas Cloud uses to identify the table; not a migration. */
    private static final String CLOUD_IDENTIFIER = ".atlas_cloud_identifier";

    AtlasHistory() {
        super(AtlasHistoryWriter.TOOL, TABLE, "version", "applied", "total", "hash");
    }

    @Override
    public Set<String> extraSchemas(Engine engine) {
        return Set.of(TABLE);
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT version, description, applied, total, executed_at, error, error_stmt, hash FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY version";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String version = rs.getString("version");
            if (CLOUD_IDENTIFIER.equals(version)) {
                return null;
            }
            long applied = rs.getLong("applied");
            long total = rs.getLong("total");
            String error = rs.getString("error");
            boolean failed = applied < total || (error != null && !error.isEmpty());
            String description = rs.getString("description");
            return new HistoryEntry(
                    version,
                    description == null || description.isEmpty() ? version : description,
                    failed ? EntryState.FAILED : EntryState.APPLIED,
                    Rows.instant(rs, "executed_at"),
                    rs.getString("hash"),
                    failed ? detail(applied, total, error, rs.getString("error_stmt")) : null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }

    private static String detail(long applied, long total, String error, String statement) {
        StringBuilder out = new StringBuilder(applied + " of " + total + " statements applied");
        if (error != null && !error.isEmpty()) {
            out.append(": ").append(error.strip());
        }
        if (statement != null && !statement.isEmpty()) {
            out.append(" (at: ").append(statement.strip()).append(')');
        }
        return out.toString();
    }
}
