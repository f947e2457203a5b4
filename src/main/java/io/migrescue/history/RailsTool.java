package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rails' {@code schema_migrations (version varchar)}: one row per applied migration. Told from golang-migrate by the
 * missing {@code dirty} column and from the Supabase CLI by the missing {@code statements} column (and by the schema
 * {@code supabase_migrations}, where even a version-only table is the Supabase CLI's).
 *
 * <p>Writes Rails' {@code schema_migrations (version)} as Rails 7.1 does (ActiveRecord::SchemaMigration#create_version and
 * #delete_version). A failed migration leaves no row (on MySQL its DDL may stay behind).
 */
final class RailsTool extends RowPerMigrationTool {
    static final String TOOL = "rails";

    RailsTool() {
        super(
                TOOL,
                "schema_migrations",
                "version",
                new Refusals(
                        "Rails keeps no lock in its tables: its advisory lock is freed by the server"
                                + " when the migrating session ends",
                        "Rails has no dirty flag: a migration has a row or it has none"),
                "version");
    }

    @Override
    public boolean recordsByNameAlone() {
        return true;
    }

    @Override
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.of(new TransactionSwitch("disable_ddl_transaction!", "disable_ddl_transaction!"));
    }

    @Override
    public Optional<String> outOfOrderRule() {
        return Optional.of("rails db:migrate runs it next, after migrations written later");
    }

    @Override
    String key(MigrationFile file) {
        return version(file);
    }

    /** Inserts the version, as a successful {@code db:migrate} of the file does. */
    @Override
    BoundStatement insert(Dialect d, MigrationHistory h, String version, Instant now) {
        return BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.column(d, "version") + ") VALUES (?)",
                version);
    }

    /** The digits before the first underscore of {@code 20240101000000_create_users.rb}, as Rails records them. */
    static String version(MigrationFile file) {
        String name =
                file.path() == null ? file.id() : file.path().getFileName().toString();
        int underscore = name.indexOf('_');
        String prefix = underscore < 0 ? name : name.substring(0, underscore);
        return !prefix.isEmpty() && prefix.chars().allMatch(Character::isDigit) ? prefix : file.id();
    }

    @Override
    public boolean owns(TableShape table) {
        return super.owns(table)
                && !table.hasAnyColumn("dirty", "statements", "name")
                && !SupabaseTool.SCHEMA.equals(table.schema());
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql = "SELECT version FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY version";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String version = rs.getString("version");
            return new HistoryEntry(version, version, EntryState.APPLIED, null, null, null);
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
