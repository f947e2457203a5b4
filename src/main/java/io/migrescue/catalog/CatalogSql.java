package io.migrescue.catalog;

import io.migrescue.model.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Engine catalog SQL kept as resource files ({@code catalog/<engine>/<name>.sql}); MariaDB falls back to the MySQL
 * file where the two agree. {@code /*schemas*}{@code /} in a MySQL file becomes one placeholder per schema.
 */
final class CatalogSql {
    private static final String SCHEMAS_MARKER = "/*schemas*/";

    private CatalogSql() {
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

    static String withPlaceholders(String sql, int count) {
        return sql.replace(SCHEMAS_MARKER, String.join(", ", Collections.nCopies(Math.max(count, 1), "?")));
    }

    static List<String> nonEmpty(List<String> schemas) {
        return schemas.isEmpty() ? List.of("") : schemas;
    }

    private static String read(String path) {
        try (InputStream in = CatalogSql.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
