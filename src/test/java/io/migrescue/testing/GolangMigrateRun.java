package io.migrescue.testing;

import io.migrescue.model.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * golang-migrate cannot be installed here (no Go toolchain, no Debian package), so its {@code migrate up} is done as
 * its published source (v4.17) does it, step for step: migrate.go {@code Up}/{@code runMigrations}, and the postgres
 * and mysql drivers' {@code ensureVersionTable}, {@code Version}, {@code SetVersion} and {@code Run}. A dirty version
 * refuses to run ("Dirty database version N. Fix and force version."); each up file above the current version is
 * {@code SetVersion(N, true)}, its whole text sent as one Exec, then {@code SetVersion(N, false)}. The text goes
 * through psql {@code -c} (PostgreSQL: one simple query, one implicit transaction, as lib/pq sends an Exec without
 * arguments) or the mariadb client (statement after statement, stopping at the first error, as go-sql-driver/mysql
 * with multiStatements does). A failure leaves {@code (N, dirty)} exactly as golang-migrate leaves it. The mysql
 * driver's SetVersion empties the table with DELETE in a serializable transaction, the postgres one with TRUNCATE.
 */
public final class GolangMigrateRun {
    private GolangMigrateRun() {}

    /** What {@code migrate up} printed: null on success, else its error. */
    public static String up(ScratchDatabase db, Path dir) throws Exception {
        ensureVersionTable(db);
        long[] current = version(db);
        if (current != null && current[1] == 1) {
            return "Dirty database version " + current[0] + ". Fix and force version.";
        }
        for (Map.Entry<Long, Path> file : upFiles(dir).entrySet()) {
            if (current != null && file.getKey() <= current[0]) {
                continue;
            }
            setVersion(db, file.getKey(), true);
            String failure = exec(db, file.getValue());
            if (failure != null) {
                return "migration failed in line 0: " + failure;
            }
            setVersion(db, file.getKey(), false);
        }
        return null;
    }

    /** {@code (version, dirty)} of schema_migrations, as the table holds it: every row (golang-migrate keeps one). */
    public static List<List<String>> rows(ScratchDatabase db) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, dirty FROM schema_migrations")) {
            while (rs.next()) {
                rows.add(List.of(Long.toString(rs.getLong(1)), Boolean.toString(rs.getBoolean(2))));
            }
        }
        return rows;
    }

    /** database/postgres and database/mysql {@code ensureVersionTable}. */
    static void ensureVersionTable(ScratchDatabase db) throws SQLException {
        db.execute(ToolTables.golangMigrate(db.engine()));
    }

    /** {@code SetVersion}: in one transaction, the table emptied (postgres TRUNCATE, mysql DELETE) and one row. */
    public static void setVersion(ScratchDatabase db, long version, boolean dirty) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(
                        db.engine() == Engine.POSTGRESQL
                                ? "TRUNCATE \"public\".\"schema_migrations\""
                                : "DELETE FROM `schema_migrations`");
            }
            if (version >= 0 || dirty) {
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO schema_migrations (version, dirty) VALUES (?, ?)")) {
                    ps.setLong(1, version);
                    ps.setBoolean(2, dirty);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /** {@code Version}: the one row, or null for none. */
    private static long[] version(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, dirty FROM schema_migrations LIMIT 1")) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0} : null;
        }
    }

    /** {@code NNN_name.up.sql} by version, as golang-migrate's source/file driver reads the folder. */
    private static TreeMap<Long, Path> upFiles(Path dir) throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().matches("[0-9]+_.*\\.up\\.sql"))
                    .forEach(p ->
                            files.put(Long.parseLong(p.getFileName().toString().split("_", 2)[0]), p));
        }
        return files;
    }

    /** The file's text as one Exec, through the engine's own client: null when it ran, else the client's error. */
    public static String exec(ScratchDatabase db, Path file) throws Exception {
        Map<String, String> c = NodeTools.connection(db);
        List<String> command = db.engine() == Engine.POSTGRESQL
                ? List.of(
                        "psql",
                        "-X",
                        "-q",
                        "-h",
                        c.get("DB_HOST"),
                        "-p",
                        c.get("DB_PORT"),
                        "-U",
                        c.get("DB_USER"),
                        "-d",
                        db.name(),
                        "-c",
                        Files.readString(file, StandardCharsets.UTF_8))
                : List.of(
                        "mariadb",
                        "--batch",
                        "-h",
                        c.get("DB_HOST"),
                        "-P",
                        c.get("DB_PORT"),
                        "-u",
                        c.get("DB_USER"),
                        db.name());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (db.engine() != Engine.POSTGRESQL) {
            builder.redirectInput(file.toFile());
        }
        builder.environment().put(db.engine() == Engine.POSTGRESQL ? "PGPASSWORD" : "MYSQL_PWD", c.get("DB_PASSWORD"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish");
        }
        return process.exitValue() == 0 ? null : new String(output, StandardCharsets.UTF_8).strip();
    }
}
