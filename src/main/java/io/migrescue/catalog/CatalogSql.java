package io.migrescue.catalog;

import io.migrescue.model.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engine catalog SQL kept as resource files ({@code catalog/<engine>/<name>.sql}); MariaDB falls back to the MySQL
 * file where the two agree. Markers, expanded left to right with their parameters bound in the same order:
 * PostgreSQL's {@code ANY (?)} takes the schemas as an array, MySQL's {@code /*schemas*}{@code /} one placeholder per
 * schema; {@code /*tables COLUMN*}{@code /} restricts the query to the named tables, or disappears when all are read.
 */
final class CatalogSql {
    private static final Pattern MARKER = Pattern.compile("ANY \\(\\?\\)|/\\*schemas\\*/|/\\*tables ([^*]+)\\*/");

    private CatalogSql() {}

    /** SQL ready to prepare, and its parameters: a String[] is bound as a PostgreSQL text array. */
    record Prepared(String sql, List<Object> params) {}

    static Prepared prepare(Engine engine, String name, List<String> schemas, Set<String> tables) {
        List<String> scope = schemas.isEmpty() ? List.of("") : schemas;
        Matcher m = MARKER.matcher(load(engine, name));
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        while (m.find()) {
            String replacement;
            if (m.group().equals("ANY (?)")) {
                replacement = "ANY (?)";
                params.add(scope.toArray(String[]::new));
            } else if (m.group().equals("/*schemas*/")) {
                replacement = placeholders(scope.size());
                params.addAll(scope);
            } else if (tables == null) {
                replacement = "";
            } else if (engine == Engine.POSTGRESQL) {
                replacement = "AND " + m.group(1) + " = ANY (?)";
                params.add(tables.toArray(String[]::new));
            } else {
                replacement = "AND " + m.group(1) + " IN (" + placeholders(Math.max(tables.size(), 1)) + ")";
                params.addAll(tables.isEmpty() ? List.of("") : tables);
            }
            m.appendReplacement(sql, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sql);
        return new Prepared(sql.toString(), params);
    }

    /** A value made of one row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** One value per row of query {@code name} over the schemas. */
    static <T> List<T> list(
            Connection connection, Engine engine, String name, List<String> schemas, RowReader<T> reader)
            throws SQLException {
        List<T> out = new ArrayList<>();
        query(connection, prepare(engine, name, schemas, null), rs -> out.add(reader.read(rs)));
        return out;
    }

    static void query(Connection connection, Prepared prepared, RowConsumer consumer) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(prepared.sql())) {
            for (int i = 0; i < prepared.params().size(); i++) {
                Object p = prepared.params().get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    ps.setString(i + 1, (String) p);
                }
            }
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    static String load(Engine engine, String name) {
        String text = read(engine.id() + "/" + name + ".sql");
        if (text == null && engine == Engine.MARIADB) {
            text = read(Engine.MYSQL.id() + "/" + name + ".sql");
        }
        if (text == null) {
            throw new IllegalStateException("no catalog query " + name + " for " + engine.id());
        }
        return text;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String read(String path) {
        try (InputStream in = CatalogSql.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
