package io.migrescue.backup;

import io.migrescue.backup.DefinitionFile.DdlStatement;
import io.migrescue.backup.DefinitionFile.Kind;
import io.migrescue.backup.RestoreResult.Mode;
import io.migrescue.backup.RestoreResult.RestoredTable;
import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Catalog;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * PostgreSQL restore, in one transaction (see {@link Restorer} for what it does). The order inside it: foreign keys
 * touching a replaced table are dropped; unchanged tables lose their triggers and rows (one TRUNCATE), changed ones
 * are dropped and created bare; the rows are copied in; then constraints and indexes of recreated tables, triggers,
 * rows put back by key, foreign keys (validated now, so a restore that would break one rolls back), sequences.
 */
final class PostgresRestore {
    private final Connection connection;
    private final Sql sql;
    private final Dialect dialect;
    private final Path dir;
    private final BackupManifest manifest;
    private final Progress progress;
    private final PostgresCopy copy;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<DdlStatement>> definitions = new HashMap<>();
    private final Map<String, Mode> modes = new LinkedHashMap<>();
    private Catalog live;
    private Map<String, PostgresDetails> details;

    private PostgresRestore(DatabaseSession session, Path dir, BackupManifest manifest, Progress progress)
            throws SQLException {
        this.connection = session.connection();
        this.sql = new Sql(connection);
        this.dialect = session.dialect();
        this.dir = dir;
        this.manifest = manifest;
        this.progress = progress;
        this.copy = new PostgresCopy(connection.unwrap(PGConnection.class).getCopyAPI(), dialect, dir, progress);
    }

    static RestoreResult run(
            DatabaseSession session, Path dir, BackupManifest manifest, RestoreOptions options, Progress progress) {
        Connection c = session.connection();
        try {
            if (!c.getAutoCommit()) {
                throw new IllegalStateException(
                        "a restore runs in a transaction of its own: give it a session in autocommit mode");
            }
            c.setAutoCommit(false);
            try {
                PostgresSettings.apply(c, options.lockTimeout());
                RestoreResult result = new PostgresRestore(session, dir, manifest, progress).restore(session);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Failures.database("restore rolled back, nothing changed", e);
        } catch (IOException e) {
            throw Failures.files("restore rolled back, nothing changed", dir, e);
        }
    }

    private RestoreResult restore(DatabaseSession session) throws SQLException, IOException {
        plan();
        List<BackedUpTable> whole =
                manifest.tables().stream().filter(t -> !t.partial()).toList();
        List<String> outsideForeignKeys = dropForeignKeysTouching(
                whole.stream().map(BackedUpTable::qualifiedName).collect(Collectors.toSet()));
        emptyOrRecreate(whole);
        Map<String, Long> rows = new HashMap<>();
        for (BackedUpTable t : whole) {
            rows.put(t.qualifiedName(), copy.in(t, name(t)));
        }
        for (BackedUpTable t : whole) {
            if (modes.get(t.qualifiedName()) == Mode.RECREATED) {
                run(
                        t,
                        Kind.CONSTRAINT,
                        Kind.INDEX); // after the rows: building an index once is faster than keeping it up
            }
            run(t, Kind.TRIGGER);
        }
        int merges = 0;
        for (BackedUpTable t : manifest.tables()) {
            if (t.partial()) {
                rows.put(t.qualifiedName(), merge(t, "migrescue_merge_" + ++merges));
            }
        }
        for (BackedUpTable t : whole) {
            run(t, Kind.FOREIGN_KEY); // validated as they are added: one that does not hold rolls everything back
        }
        for (String statement : outsideForeignKeys) {
            sql.execute(statement);
        }
        List<RestoredTable> restored = new ArrayList<>();
        for (BackedUpTable t : manifest.tables()) {
            restored.add(new RestoredTable(
                    t.schema(), t.table(), modes.get(t.qualifiedName()), rows.get(t.qualifiedName()), sequences(t)));
        }
        return new RestoreResult(
                manifest.engine(),
                session.info().url(),
                manifest.createdAt(),
                List.copyOf(restored),
                List.of(),
                List.copyOf(notes));
    }

    /**
     * Reads the live tables (one catalog snapshot, one details read) and decides per table: rows of a partial backup
     * are merged; a table whose live definition, built the same way, equals the backed-up one is reloaded in place;
     * any other is recreated.
     */
    private void plan() throws SQLException, IOException {
        List<String> schemas =
                manifest.tables().stream().map(BackedUpTable::schema).distinct().toList();
        live = CatalogReader.of(Engine.POSTGRESQL).read(connection, schemas);
        List<Table> present = manifest.tables().stream()
                .map(t -> live.table(t.schema(), t.table()))
                .flatMap(Optional::stream)
                .toList();
        details = present.isEmpty() ? Map.of() : PostgresDetails.read(connection, present);
        for (BackedUpTable t : manifest.tables()) {
            List<DdlStatement> definition = DefinitionFile.parse(
                    Files.readString(dir.resolve(t.definition().file()), StandardCharsets.UTF_8));
            definitions.put(t.qualifiedName(), definition);
            Optional<Table> now = live.table(t.schema(), t.table());
            Mode mode = t.partial()
                    ? Mode.MERGED
                    : now.isPresent()
                                    && PostgresDefinition.of(dialect, now.get(), details.get(key(t)))
                                            .equals(definition)
                            ? Mode.RELOADED
                            : Mode.RECREATED;
            modes.put(t.qualifiedName(), mode);
            if (mode == Mode.RECREATED && now.isPresent()) {
                notes.add(t.qualifiedName()
                        + " was recreated from the backup (its definition had changed): grants, comments,"
                        + " policies and the owner of the table it replaced are not part of a backup");
            }
        }
    }

    /** Reloaded tables lose their triggers (the backup's come back after the rows) and their rows; others are rebuilt bare. */
    private void emptyOrRecreate(List<BackedUpTable> whole) throws SQLException {
        List<String> reloaded = new ArrayList<>();
        for (BackedUpTable t : whole) {
            if (modes.get(t.qualifiedName()) == Mode.RELOADED) {
                for (PostgresDetails.Trigger trigger : details.get(key(t)).triggers()) {
                    sql.execute("DROP TRIGGER " + dialect.quote(trigger.name()) + " ON " + name(t));
                }
                reloaded.add(name(t));
            }
        }
        if (!reloaded.isEmpty()) {
            sql.execute("TRUNCATE " + String.join(", ", reloaded));
        }
        for (BackedUpTable t : whole) {
            if (modes.get(t.qualifiedName()) == Mode.RECREATED) {
                sql.execute(
                        "DROP TABLE IF EXISTS " + name(t)); // RESTRICT: a view on it stops the restore, never vanishes
                run(t, Kind.SEQUENCE, Kind.TABLE, Kind.OWNED_SEQUENCE);
            }
        }
    }

    /**
     * Drops every foreign key from or to a table whose rows are about to be replaced (TRUNCATE and DROP refuse while
     * one points at the table). Returns the statements that put back those of tables outside the backup; the
     * backup's own come from its definitions.
     */
    private List<String> dropForeignKeysTouching(Set<String> replaced) throws SQLException {
        List<String> restoreLater = new ArrayList<>();
        for (Table t : live.tables()) {
            for (Constraint fk : t.foreignKeys()) {
                String parent = fk.foreignKey().referencedSchema() + "."
                        + fk.foreignKey().referencedTable();
                boolean own = replaced.contains(t.qualifiedName());
                if (own || replaced.contains(parent)) {
                    String table = dialect.qualify(t.schema(), t.name());
                    sql.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + dialect.quote(fk.name()));
                    if (!own) {
                        restoreLater.add(PostgresDefinition.addConstraint(dialect, table, fk));
                    }
                }
            }
        }
        return restoreLater;
    }

    /** Puts back rows of a partial backup: copied into a temporary table, then updated or inserted by key. */
    private long merge(BackedUpTable t, String temporary) throws SQLException, IOException {
        return new PostgresRowMerge(sql, dialect, copy)
                .merge(t, live.table(t.schema(), t.table()), details.get(key(t)).triggers(), temporary);
    }

    /**
     * Moves each sequence owned by a restored column to at least the largest restored value and the value it had
     * handed out before the backup, and never backwards from where it is now: an id once given out is never reused.
     */
    private Map<String, Long> sequences(BackedUpTable t) throws SQLException {
        Map<String, Long> positions = new LinkedHashMap<>();
        for (BackedUpTable.SequenceState s : t.sequences()) {
            String setval = "SELECT pg_catalog.setval(x.seq, x.v, true) FROM (SELECT q.seq, GREATEST("
                    + "(SELECT pg_catalog.max(" + dialect.quote(s.column()) + ")::bigint FROM " + name(t)
                    + "), ?::bigint,"
                    + " pg_catalog.pg_sequence_last_value(q.seq)) AS v, p.seqmin"
                    + " FROM (SELECT pg_catalog.pg_get_serial_sequence(?, ?)::pg_catalog.regclass AS seq) q"
                    + " JOIN pg_catalog.pg_sequence p ON p.seqrelid = q.seq) x WHERE x.v >= x.seqmin";
            try (PreparedStatement ps = connection.prepareStatement(setval)) {
                ps.setObject(1, s.lastValue(), java.sql.Types.BIGINT);
                ps.setString(2, name(t));
                ps.setString(3, s.column());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        positions.put(s.column(), rs.getLong(1));
                    }
                }
            }
        }
        return positions;
    }

    private void run(BackedUpTable t, Kind... kinds) throws SQLException {
        for (Kind kind : kinds) {
            for (DdlStatement s : DefinitionFile.ofKind(definitions.get(t.qualifiedName()), kind)) {
                sql.execute(s.sql());
            }
        }
    }

    private String name(BackedUpTable t) {
        return dialect.qualify(t.schema(), t.table());
    }

    private static String key(BackedUpTable t) {
        return PostgresDetails.key(t.schema(), t.table());
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the failure that made us roll back is the one to report
        }
    }
}
