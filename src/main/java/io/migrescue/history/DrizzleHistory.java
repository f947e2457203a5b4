package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Drizzle's {@code __drizzle_migrations (id, hash, created_at)}: on PostgreSQL in the schema {@code drizzle} whatever
 * the connection's schema, on MySQL in the connected database. A row holds the SHA-256 of the migration's SQL file and
 * the journal's {@code when} for it, not its tag, so an entry is keyed by that {@code when} and carries the hash as
 * its checksum. Drizzle runs every pending migration in one transaction: a failure on PostgreSQL leaves no row and
 * nothing applied.
 */
final class DrizzleHistory extends TableHistoryAdapter {
    static final String TABLE = "__drizzle_migrations";
    static final String SCHEMA = "drizzle";

    DrizzleHistory() {
        super(DrizzleHistoryWriter.TOOL, TABLE, "id", "hash", "created_at");
    }

    @Override
    public Set<String> extraSchemas(Engine engine) {
        return engine == Engine.POSTGRESQL ? Set.of(SCHEMA) : Set.of();
    }

    /** In Drizzle's order: by {@code created_at}, whose latest value alone decides what {@code migrate} runs next. */
    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT hash, created_at FROM " + dialect.qualify(table.schema(), table.name())
                + " ORDER BY created_at, id";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            long when = rs.getLong("created_at");
            boolean noWhen = rs.wasNull(); // the column is nullable; Drizzle itself always fills it
            String id = noWhen ? "" : Long.toString(when);
            return new HistoryEntry(
                    id,
                    id,
                    EntryState.APPLIED,
                    null,
                    rs.getString("hash"),
                    noWhen ? null : "journal when " + Instant.ofEpochMilli(when));
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
