package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Supabase CLI's {@code supabase_migrations.schema_migrations (version, statements, name)}. Each migration runs in
 * one implicit transaction with its row, so a failure leaves no row and nothing applied. Told from Rails' and
 * golang-migrate's {@code schema_migrations} by its {@code statements} column (or, on a table from a CLI old enough
 * to have only {@code version}, by its schema).
 *
 * <p>Writes {@code supabase_migrations.schema_migrations} as the Supabase CLI v2 does (pkg/migration history.go
 * {@code INSERT_MIGRATION_VERSION} and {@code DELETE_MIGRATION_VERSION}; {@code supabase migration repair --status
 * applied|reverted}). A row is the version, the name and the file's statements as the CLI splits them.
 */
final class SupabaseTool extends MigrationTool {
    static final String TOOL = "supabase";
    /** The CLI's {@code migrateFilePattern}. */
    private static final Pattern FILE = Pattern.compile("^([0-9]+)_(.*)\\.sql$");

    static final String SCHEMA = "supabase_migrations";

    SupabaseTool() {
        super(
                TOOL,
                "schema_migrations",
                new Refusals(
                        "the Supabase CLI keeps no lock: it only sets lock_timeout while it migrates",
                        "the Supabase CLI has no dirty flag: each migration and its row commit together"),
                "version");
    }

    /**
     * {@code repair --status applied}: {@code INSERT (version, name, statements)}, the statements as a {@code text[]}
     * (NULL for a file without any, as the CLI's pgtype encodes an empty split).
     */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        Matcher name = FILE.matcher(MigrationNames.fileName(file));
        if (!name.matches()) {
            throw new IllegalArgumentException(file.path() + " is not a Supabase migration (<version>_<name>.sql)");
        }
        if (HistorySql.entry(h, name.group(1)).isPresent()) {
            return List.of();
        }
        List<String> statements = SupabaseStatements.split(MigrationNames.read(file.path()));
        List<Object> params = new ArrayList<>(List.of(name.group(1), name.group(2)));
        params.addAll(statements);
        String array = statements.isEmpty()
                ? "NULL"
                : "ARRAY[" + String.join(", ", Collections.nCopies(statements.size(), "?")) + "]::text[]";
        return List.of(new BoundStatement(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.columns(d, "version", "name", "statements")
                        + ") VALUES (?, ?, " + array + ")",
                params));
    }

    /** {@code repair --status reverted}: deletes the version's row; no row, nothing to do. */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        String digits = MigrationNames.digitsBefore(id, '_');
        return HistorySql.deleteEntry(d, h, "version", digits != null ? digits : id);
    }

    @Override
    public Set<String> extraSchemas(Engine engine) {
        return engine == Engine.POSTGRESQL ? Set.of(SCHEMA) : Set.of();
    }

    @Override
    public boolean owns(TableShape table) {
        return super.owns(table)
                && !table.hasAnyColumn("dirty")
                && (table.hasColumns("statements") || SCHEMA.equals(table.schema()));
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        boolean full = table.hasColumns("statements", "name");
        String sql = "SELECT version" + (full ? ", name, statements" : "") + " FROM "
                + dialect.qualify(table.schema(), table.name()) + " ORDER BY version";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String version = rs.getString("version");
            String name = full ? rs.getString("name") : null;
            return new HistoryEntry(
                    version,
                    name == null || name.isEmpty() ? version : name,
                    EntryState.APPLIED,
                    null,
                    null,
                    full ? statements(rs.getArray("statements")) : null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }

    private static String statements(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        return values.length + (values.length == 1 ? " statement" : " statements");
    }
}
