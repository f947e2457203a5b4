package io.migrescue.history;

import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.time.Instant;

/**
 * Writes Rails' {@code schema_migrations (version)} as Rails 7.1 does (ActiveRecord::SchemaMigration#create_version and
 * #delete_version). A failed migration leaves no row (on MySQL its DDL may stay behind).
 */
final class RailsHistoryWriter extends RowPerMigrationWriter {
    static final String TOOL = "rails";

    RailsHistoryWriter() {
        super(
                TOOL,
                "version",
                new Refusals(
                        "Rails keeps no lock in its tables: its advisory lock is freed by the server"
                                + " when the migrating session ends",
                        "Rails has no dirty flag: a migration has a row or it has none"));
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
}
