package io.migrescue.backup;

import io.migrescue.backup.DefinitionFile.DdlStatement;
import io.migrescue.backup.DefinitionFile.Kind;
import io.migrescue.backup.RestoreResult.Mode;
import io.migrescue.backup.RestoreResult.RestoredTable;
import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Catalog;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MySQL/MariaDB restore (see {@link Restorer} for what it does). DDL commits by itself here, so there is no one
 * transaction: tables are restored one after the other in the manifest's order with {@code FOREIGN_KEY_CHECKS=0}
 * (so no ON DELETE CASCADE fires while rows are replaced), each table's rows committed together; then checks go back
 * on and every foreign key touching a restored table is checked row by row. A restore stopped part way is finished by
 * running it again: every step replaces, none appends.
 */
final class MySqlRestore {
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=(\\d+)");

    private final Connection connection;
    private final Sql sql;
    private final Dialect dialect;
    private final Path dir;
    private final Progress progress;
    private final long bytesPerBatch;
    private final List<String> notes = new ArrayList<>();

    private MySqlRestore(DatabaseSession session, Path dir, Progress progress, long bytesPerBatch) {
        this.connection = session.connection();
        this.sql = new Sql(connection);
        this.dialect = session.dialect();
        this.dir = dir;
        this.progress = progress;
        this.bytesPerBatch = bytesPerBatch;
    }

    static RestoreResult run(
            DatabaseSession session, Path dir, BackupManifest manifest, RestoreOptions options, Progress progress) {
        Connection c = session.connection();
        List<RestoredTable> restored = new ArrayList<>();
        BackedUpTable current = null;
        MySqlRestore restore;
        try {
            if (!c.getAutoCommit()) {
                throw new IllegalStateException(
                        "a restore manages its own transactions: give it a session in autocommit mode");
            }
            String database = c.getCatalog();
            int lockWait = (int) Math.max(1, options.lockTimeout().toSeconds());
            try (MySqlSettings ignored =
                    MySqlSettings.apply(c, session.engine(), lockWait, Map.of("foreign_key_checks", "0"))) {
                restore = new MySqlRestore(session, dir, progress, batchBytes(c));
                Catalog live = CatalogReader.of(session.engine()).read(c, schemas(manifest));
                for (BackedUpTable t : manifest.tables()) {
                    current = t;
                    restored.add(restore.restore(t, live));
                }
                current = null;
            } finally {
                c.setAutoCommit(true);
                if (database != null) {
                    c.setCatalog(database);
                }
            }
            List<String> violations = ForeignKeyCheck.violations(
                    c,
                    session.engine(),
                    session.dialect(),
                    schemas(manifest),
                    manifest.tables().stream().map(BackedUpTable::qualifiedName).toList());
            return new RestoreResult(
                    manifest.engine(),
                    session.info().url(),
                    manifest.createdAt(),
                    List.copyOf(restored),
                    List.copyOf(violations),
                    List.copyOf(restore.notes));
        } catch (SQLException e) {
            throw Failures.database(stoppedAt(current, dir), e);
        } catch (IOException e) {
            throw Failures.files(stoppedAt(current, dir), dir, e);
        }
    }

    private static String stoppedAt(BackedUpTable table, Path dir) {
        if (table == null) {
            return "restore stopped";
        }
        return "restore stopped at " + table.qualifiedName()
                + " (the tables before it in the backup are restored, it may be" + " half loaded; the backup in " + dir
                + " is intact: running the restore again finishes it)";
    }

    private RestoredTable restore(BackedUpTable t, Catalog live) throws SQLException, IOException {
        connection.setCatalog(t.schema()); // SHOW CREATE TABLE names tables of its own database without qualification
        List<DdlStatement> definition =
                DefinitionFile.parse(Files.readString(dir.resolve(t.definition().file()), StandardCharsets.UTF_8));
        String name = dialect.qualify(t.schema(), t.table());
        if (t.partial()) {
            Table target = live.table(t.schema(), t.table())
                    .orElseThrow(() -> MigrescueException.usage("cannot put the backed-up rows of " + t.qualifiedName()
                            + " back: the table does not exist"));
            long rows = merge(t, target, name);
            return new RestoredTable(t.schema(), t.table(), Mode.MERGED, rows, autoIncrement(t, name, 0));
        }
        String create = DefinitionFile.ofKind(definition, Kind.TABLE).get(0).sql();
        String now = showCreate(name);
        long previousCounter = 0;
        Mode mode;
        if (now != null && withoutCounter(now).equals(withoutCounter(create))) {
            mode = Mode.RELOADED;
            previousCounter = counter(now);
            for (String trigger : MySqlTriggers.names(connection, t.schema(), t.table())) {
                sql.execute("DROP TRIGGER " + dialect.qualify(t.schema(), trigger));
            }
            sql.execute("TRUNCATE TABLE " + name);
        } else {
            mode = Mode.RECREATED;
            if (now != null) {
                notes.add(t.qualifiedName() + " was recreated from the backup (its definition had changed)");
            }
            sql.execute("DROP TABLE IF EXISTS " + name);
            sql.execute(create);
        }
        long rows = load(t, name);
        for (DdlStatement trigger : DefinitionFile.ofKind(definition, Kind.TRIGGER)) {
            sql.execute(trigger.sql());
        }
        return new RestoredTable(
                t.schema(), t.table(), mode, rows, autoIncrement(t, name, Math.max(previousCounter, counter(create))));
    }

    private long load(BackedUpTable t, String target) throws SQLException, IOException {
        progress.start(t.qualifiedName(), t.rows());
        long rows;
        connection.setAutoCommit(false); // a table's rows go in together or not at all
        try {
            rows = new MySqlRowLoader(connection, dialect, target, t.columns(), bytesPerBatch)
                    .load(dir.resolve(t.data().file()), progress);
            if (rows != t.rows()) {
                throw Failures.stopped(stoppedAt(t, dir) + ": " + rows + " rows went in, the backup holds " + t.rows());
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                connection.rollback(); // or turning autocommit back on would commit the rows loaded so far
            } catch (SQLException ignored) {
                // the failure being reported matters more
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
            progress.done();
        }
        return rows;
    }

    /** Puts back rows of a partial backup: loaded into a temporary copy of the table, then updated or inserted by key. */
    private long merge(BackedUpTable t, Table target, String name) throws SQLException, IOException {
        List<String> key = KeyColumns.of(target)
                .orElseThrow(() -> MigrescueException.usage("cannot put the backed-up rows of " + t.qualifiedName()
                        + " back: it has no primary key (or NOT NULL unique key) to match them by"));
        String tmp = dialect.quote("migrescue_merge");
        sql.execute("DROP TEMPORARY TABLE IF EXISTS " + tmp);
        sql.execute("CREATE TEMPORARY TABLE " + tmp + " LIKE " + name);
        // MySQL cannot switch a trigger off: the table's own are dropped while rows go back, then created as they were
        List<String> triggers = MySqlTriggers.definitions(connection, dialect, t.schema(), t.table());
        for (String trigger : MySqlTriggers.names(connection, t.schema(), t.table())) {
            sql.execute("DROP TRIGGER " + dialect.qualify(t.schema(), trigger));
        }
        try {
            load(t, tmp);
            String match = key.stream()
                    .map(c -> "x." + dialect.quote(c) + " = m." + dialect.quote(c))
                    .collect(Collectors.joining(" AND "));
            List<String> set = KeyColumns.nonKey(t.columns(), key, target);
            long updated = set.isEmpty()
                    ? sql.number("SELECT COUNT(*) FROM " + tmp + " m JOIN " + name + " x ON " + match)
                    : sql.update("UPDATE " + name + " x JOIN " + tmp + " m ON " + match + " SET "
                            + set.stream()
                                    .map(c -> "x." + dialect.quote(c) + " = m." + dialect.quote(c))
                                    .collect(Collectors.joining(", ")));
            String columns = t.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
            long inserted = sql.update("INSERT INTO " + name + " (" + columns + ") SELECT "
                    + t.columns().stream().map(c -> "m." + dialect.quote(c)).collect(Collectors.joining(", "))
                    + " FROM " + tmp + " m LEFT JOIN " + name + " x ON " + match + " WHERE x."
                    + dialect.quote(key.get(0)) + " IS NULL");
            if (updated + inserted != t.rows()) {
                throw Failures.stopped(stoppedAt(t, dir) + ": " + updated + " rows matched and " + inserted
                        + " inserted, but the backup holds " + t.rows() + " (duplicate keys in the backed-up rows?)");
            }
            return t.rows();
        } finally {
            sql.execute("DROP TEMPORARY TABLE IF EXISTS " + tmp);
            for (String trigger : triggers) {
                sql.execute(trigger);
            }
        }
    }

    /**
     * Sets the AUTO_INCREMENT counter past every restored id and to at least {@code atLeast} (the counter the backup
     * recorded, and the one the table had before it was emptied), never below where it is now: an id once handed out
     * is not handed out again. Returns where it ended, by column.
     */
    private Map<String, Long> autoIncrement(BackedUpTable t, String name, long atLeast) throws SQLException {
        String column = autoIncrementColumn(name);
        if (column == null) {
            return Map.of();
        }
        long next = Math.max(
                Math.max(atLeast, counter(showCreate(name))),
                sql.number("SELECT COALESCE(MAX(" + dialect.quote(column) + "), 0) + 1 FROM " + name));
        sql.execute("ALTER TABLE " + name + " AUTO_INCREMENT = " + next);
        Map<String, Long> positions = new LinkedHashMap<>();
        positions.put(column, next - 1); // like a PostgreSQL sequence: the last value handed out, the next is larger
        return positions;
    }

    private String autoIncrementColumn(String name) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW COLUMNS FROM " + name)) {
            while (rs.next()) {
                if (rs.getString("Extra").toLowerCase(java.util.Locale.ROOT).contains("auto_increment")) {
                    return rs.getString("Field");
                }
            }
        }
        return null;
    }

    private String showCreate(String name) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + name)) {
            return rs.next() ? rs.getString(2) : null;
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146) {
                return null; // no such table: it will be created
            }
            throw e;
        }
    }

    /** SHOW CREATE TABLE without its AUTO_INCREMENT=n, which moves with every insert and says nothing of the shape. */
    static String withoutCounter(String create) {
        return AUTO_INCREMENT.matcher(create).replaceAll("");
    }

    static long counter(String create) {
        Matcher m = AUTO_INCREMENT.matcher(create);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long batchBytes(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@max_allowed_packet")) {
            rs.next();
            // hex and escapes can double a value on the wire: a quarter of the packet leaves room
            return Math.min(4L << 20, rs.getLong(1) / 4);
        }
    }

    private static List<String> schemas(BackupManifest manifest) {
        return manifest.tables().stream().map(BackedUpTable::schema).distinct().toList();
    }
}
