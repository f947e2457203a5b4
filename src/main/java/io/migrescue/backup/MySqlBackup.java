package io.migrescue.backup;

import io.migrescue.backup.DefinitionFile.DdlStatement;
import io.migrescue.backup.DefinitionFile.Kind;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Column;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL and MariaDB: the definition is {@code SHOW CREATE TABLE}; the rows are streamed (Connector/J reads row by row
 * with a fetch size of {@code Integer.MIN_VALUE}) into the {@link RowFormat} file. Every value is fetched in a form
 * that reads back exactly: binary columns as bytes, text as text, everything else as the server's own text
 * ({@code CAST(... AS CHAR)}), so no driver conversion (YEAR as a date, TINYINT(1) as a boolean, FLOAT with six
 * digits) can change a value on the way.
 */
final class MySqlBackup implements EngineBackup {
    static final int LOCK_WAIT_SECONDS = 10;
    private static final Set<String> BINARY_TYPES = Set.of(
            "binary",
            "varbinary",
            "tinyblob",
            "blob",
            "mediumblob",
            "longblob",
            "bit",
            "geometry",
            "point",
            "linestring",
            "polygon",
            "multipoint",
            "multilinestring",
            "multipolygon",
            "geometrycollection",
            "geomcollection");
    private static final Set<String> TEXT_TYPES =
            Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json");

    private final DatabaseSession session;
    private final Dialect dialect;
    private final MySqlSettings settings;
    private final int isolation;

    private MySqlBackup(DatabaseSession session, MySqlSettings settings, int isolation) {
        this.session = session;
        this.dialect = session.dialect();
        this.settings = settings;
        this.isolation = isolation;
    }

    static MySqlBackup open(DatabaseSession session) throws SQLException {
        Connection c = session.connection();
        int isolation = c.getTransactionIsolation();
        MySqlBackup backup = new MySqlBackup(
                session, MySqlSettings.apply(c, session.engine(), LOCK_WAIT_SECONDS, Map.of()), isolation);
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            }
        } catch (SQLException e) {
            EngineBackup.closeQuietly(backup);
            throw e;
        }
        return backup;
    }

    @Override
    public void prepare(List<Table> tables) {
        // SHOW CREATE TABLE holds all a MySQL table needs, one table at a time
    }

    @Override
    public BackedUpTable write(
            Table table, TableSelection selection, Path dir, String stem, boolean data, Progress progress)
            throws SQLException, IOException {
        BackupFile definition = writeDefinition(table, dir, stem + ".sql");
        List<Column> columns =
                table.columns().stream().filter(c -> !generated(c)).toList();
        List<String> names = columns.stream().map(Column::name).toList();
        if (!data) {
            return new BackedUpTable(
                    table.schema(), table.name(), selection.where(), names, definition, null, null, null, null);
        }
        progress.start(table.qualifiedName(), -1);
        try (FileSink sink = FileSink.create(dir, stem + ".rows", progress::advance)) {
            long rows = writeRows(table, columns, selection.where(), sink);
            return new BackedUpTable(
                    table.schema(),
                    table.name(),
                    selection.where(),
                    names,
                    definition,
                    sink.finish().as(sink.name()),
                    RowFormat.NAME,
                    rows,
                    null);
        } finally {
            progress.done();
        }
    }

    private BackupFile writeDefinition(Table table, Path dir, String file) throws SQLException, IOException {
        String create;
        try (var st = session.connection().createStatement();
                ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + dialect.qualify(table.schema(), table.name()))) {
            rs.next();
            create = rs.getString(2);
        }
        List<DdlStatement> statements = new ArrayList<>();
        statements.add(new DdlStatement(Kind.TABLE, create));
        for (String trigger : MySqlTriggers.definitions(session.connection(), dialect, table.schema(), table.name())) {
            statements.add(new DdlStatement(Kind.TRIGGER, trigger));
        }
        return TableFiles.writeText(
                dir,
                file,
                DefinitionFile.render(
                        List.of(
                                "migrescue backup: definition of " + table.qualifiedName() + " ("
                                        + session.engine().displayName() + " "
                                        + session.info().version() + ")",
                                "Run it with " + table.schema()
                                        + " as the current database: references to its tables are unqualified.",
                                "A restore creates the table, loads the rows, then creates the triggers."),
                        statements));
    }

    /** Streams the rows into {@code sink}, one {@link RowFormat} line each; returns how many. */
    private long writeRows(Table table, List<Column> columns, String where, FileSink sink)
            throws SQLException, IOException {
        boolean[] binary = new boolean[columns.size()];
        List<String> select = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String type = baseType(columns.get(i).type());
            String q = dialect.quote(columns.get(i).name());
            binary[i] = BINARY_TYPES.contains(type);
            select.add(
                    binary[i] || TEXT_TYPES.contains(type)
                            ? q
                            : type.equals("float")
                                    ? "CAST(" + q + " + 0e0 AS CHAR)" // a float widened to double keeps every bit
                                    : "CAST(" + q + " AS CHAR)");
        }
        String sql = "SELECT " + String.join(", ", select) + " FROM " + dialect.qualify(table.schema(), table.name())
                + (where == null ? "" : " WHERE (" + where + ")");
        long rows = 0;
        Writer out = new OutputStreamWriter(sink.stream(), StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder();
        Object[] values = new Object[columns.size()];
        try (var st = session.connection().createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(
                    Integer.MIN_VALUE); // Connector/J: stream row by row instead of reading the table into memory
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = binary[i] ? rs.getBytes(i + 1) : rs.getString(i + 1);
                    }
                    line.setLength(0);
                    RowFormat.appendRow(line, values);
                    out.append(line);
                    rows++;
                }
            }
        }
        out.flush(); // the writer's encoder buffers; the sink is flushed and synced by finish()
        return rows;
    }

    /** VIRTUAL and STORED generated columns are computed by the server and refuse values. */
    static boolean generated(Column c) {
        String extra = c.extra() == null ? "" : c.extra().toLowerCase(Locale.ROOT);
        return extra.contains("generated") && !extra.contains("default_generated");
    }

    /** "int(11) unsigned" → "int", "enum('a','b')" → "enum". */
    static String baseType(String columnType) {
        String t = columnType.toLowerCase(Locale.ROOT).strip();
        int end = 0;
        while (end < t.length() && Character.isLetterOrDigit(t.charAt(end))) {
            end++;
        }
        return t.substring(0, end);
    }

    @Override
    public void close() throws SQLException {
        EngineBackup.endSnapshot(session.connection(), isolation, settings::close);
    }
}
