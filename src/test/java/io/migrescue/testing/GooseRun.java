package io.migrescue.testing;

import io.migrescue.sql.GooseSql;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * goose cannot be installed here (no Go toolchain, no Debian package), so its {@code goose up} is done as its published
 * source (v3.24) does it: up.go {@code UpTo} (every recorded version counts, the highest is the current one; a file
 * below it never applied is "missing": an error unless {@code -allow-missing}, which applies the missing ones first),
 * migration.go (the Up section's statements, then {@code InsertVersion}, in one transaction) and
 * internal/dialect/dialectquery ({@code CreateTable} with its version-0 row, {@code InsertVersion}). A statement ends
 * at a line ending in {@code ;}, as goose's sqlparser splits outside StatementBegin/End.
 */
public final class GooseRun {
    private GooseRun() {}

    /** {@code goose up}: null on success, else goose's error. */
    public static String up(ScratchDatabase db, Path dir, boolean allowMissing) throws Exception {
        ensureTable(db);
        TreeSet<Long> recorded = recorded(db);
        long max = recorded.last();
        TreeMap<Long, Path> files = files(dir);
        List<Long> missing = files.keySet().stream()
                .filter(v -> !recorded.contains(v) && v < max)
                .toList();
        if (!missing.isEmpty() && !allowMissing) {
            List<String> lines = missing.stream()
                    .map(v -> "version " + v + ": " + files.get(v))
                    .toList();
            return "error: found " + missing.size() + " missing migrations before current version " + max + ":\n\t"
                    + String.join("\n\t", lines);
        }
        List<Long> toApply = new ArrayList<>(allowMissing ? missing : List.of());
        files.keySet().stream().filter(v -> v > max).forEach(toApply::add);
        for (long version : toApply) {
            String failure = apply(db, version, files.get(version));
            if (failure != null) {
                return "ERROR " + files.get(version).getFileName() + ": failed to run SQL migration: " + failure;
            }
        }
        return null;
    }

    /** Applied versions as goose_db_version records them, version 0 left out. */
    public static List<String> versions(ScratchDatabase db) throws SQLException {
        return recorded(db).stream().filter(v -> v > 0).map(String::valueOf).toList();
    }

    private static void ensureTable(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData()
                        .getTables(
                                db.engine() == io.migrescue.model.Engine.POSTGRESQL ? null : db.name(),
                                null,
                                "goose_db_version",
                                null)) {
            if (rs.next()) {
                return;
            }
        }
        db.execute(ToolTables.goose(db.engine()));
    }

    private static TreeSet<Long> recorded(ScratchDatabase db) throws SQLException {
        TreeSet<Long> versions = new TreeSet<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT version_id, is_applied FROM goose_db_version ORDER BY id DESC")) {
            while (rs.next()) {
                versions.add(rs.getLong(1));
            }
        }
        return versions;
    }

    private static String apply(ScratchDatabase db, long version, Path file) throws Exception {
        String up = GooseSql.up(Files.readString(file, StandardCharsets.UTF_8));
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : statements(up)) {
                    st.execute(sql);
                }
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, ?)")) {
                    ps.setLong(1, version);
                    ps.setBoolean(2, true);
                    ps.executeUpdate();
                }
                c.commit();
                return null;
            } catch (SQLException e) {
                c.rollback();
                return e.getMessage();
            }
        }
    }

    private static List<String> statements(String up) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : up.split("\n")) {
            if (line.strip().startsWith("--") || line.isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static TreeMap<Long, Path> files(Path dir) throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().matches("[0-9]+_.*\\.sql"))
                    .forEach(p ->
                            files.put(Long.parseLong(p.getFileName().toString().split("_", 2)[0]), p));
        }
        return files;
    }

    /** A goose SQL migration: its Up statements, then its Down statements, one per line ending in {@code ;}. */
    public static void write(Path file, String up, String down) throws IOException {
        Files.writeString(file, "-- +goose Up\n" + up + "\n-- +goose Down\n" + down);
    }
}
