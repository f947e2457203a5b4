package io.migrescue.backup;

import io.migrescue.backup.DefinitionFile.DdlStatement;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: the definition from the catalog snapshot, the rows through {@code COPY ... TO STDOUT} in COPY's text
 * format, which {@code COPY ... FROM STDIN} reads back exactly (NULL as {@code \N}, escapes for tabs, newlines and
 * backslashes, bytea in hex, floats with all their digits, timestamps with their offset).
 */
final class PostgresBackup implements EngineBackup {
    static final String DATA_FORMAT = "postgresql-copy-text";
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseSession session;
    private final Dialect dialect;
    private final int isolation;
    private Map<String, PostgresDetails> details = Map.of();

    private PostgresBackup(DatabaseSession session, int isolation) {
        this.session = session;
        this.dialect = session.dialect();
        this.isolation = isolation;
    }

    static PostgresBackup open(DatabaseSession session) throws SQLException {
        Connection c = session.connection();
        PostgresBackup backup = new PostgresBackup(session, c.getTransactionIsolation());
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            PostgresSettings.apply(c, LOCK_TIMEOUT);
        } catch (SQLException e) {
            EngineBackup.closeQuietly(backup);
            throw e;
        }
        return backup;
    }

    @Override
    public void prepare(List<Table> tables) throws SQLException {
        details = PostgresDetails.read(session.connection(), tables);
        for (Table t : tables) {
            PostgresDetails d = details.get(PostgresDetails.key(t.schema(), t.name()));
            if (!"r".equals(d.kind()) || d.partitionOrChild()) {
                throw MigrescueException.usage("cannot back up " + t.qualifiedName()
                        + ": partitioned and inheriting tables are not supported by backup yet");
            }
        }
    }

    @Override
    public BackedUpTable write(
            Table table, TableSelection selection, Path dir, String stem, boolean data, Progress progress)
            throws SQLException, IOException {
        PostgresDetails d = details.get(PostgresDetails.key(table.schema(), table.name()));
        List<DdlStatement> statements = PostgresDefinition.of(dialect, table, d);
        String definitionText = DefinitionFile.render(
                List.of(
                        "migrescue backup: definition of " + table.qualifiedName() + " (PostgreSQL "
                                + session.info().version() + ")",
                        "Each statement is marked with its kind; a restore runs sequences and the table, then the rows,",
                        "then constraints, indexes, triggers and foreign keys."),
                statements);
        BackupFile definition = TableFiles.writeText(dir, stem + ".sql", definitionText);

        List<String> columns = PostgresDefinition.dataColumns(table);
        List<BackedUpTable.SequenceState> sequences = d.sequences().stream()
                .map(s -> new BackedUpTable.SequenceState(s.column(), s.schema() + "." + s.name(), s.lastValue()))
                .toList();
        if (!data) {
            return new BackedUpTable(
                    table.schema(), table.name(), selection.where(), columns, definition, null, null, null, sequences);
        }
        String copy = "COPY (SELECT "
                + String.join(", ", columns.stream().map(dialect::quote).toList())
                + " FROM " + dialect.qualify(table.schema(), table.name())
                + (selection.where() == null ? "" : " WHERE (" + selection.where() + ")") + ") TO STDOUT";
        CopyManager copier = session.connection().unwrap(PGConnection.class).getCopyAPI();
        progress.start(table.qualifiedName(), -1);
        FileDigest.Summary summary;
        long rows;
        try (FileSink sink = FileSink.create(dir, stem + ".copy", progress::advance)) {
            rows = copier.copyOut(copy, sink.stream());
            summary = sink.finish();
        } finally {
            progress.done();
        }
        if (rows != summary.lines()) {
            throw new IOException("COPY reported " + rows + " rows of " + table.qualifiedName() + " but wrote "
                    + summary.lines() + " lines");
        }
        return new BackedUpTable(
                table.schema(),
                table.name(),
                selection.where(),
                columns,
                definition,
                summary.as(stem + ".copy"),
                DATA_FORMAT,
                rows,
                sequences);
    }

    @Override
    public void close() throws SQLException {
        Connection c = session.connection();
        EngineBackup.endSnapshot(c, isolation, () -> c.setReadOnly(false));
    }
}
