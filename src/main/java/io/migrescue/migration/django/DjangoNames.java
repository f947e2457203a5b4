package io.migrescue.migration.django;

import io.migrescue.model.Engine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Django's names for what it creates (django/db/backends/base/schema.py {@code _create_index_name} and
 * django/db/backends/utils.py {@code names_digest}): {@code <table>_<columns>_<md5 of table and columns, 8 hex><suffix>},
 * shortened to the engine's identifier length the way Django shortens it.
 */
final class DjangoNames {
    private DjangoNames() {}

    static String index(Engine engine, String table, List<String> columns, String suffix) {
        String hashSuffix = digest(table, columns) + suffix;
        int max = engine == Engine.POSTGRESQL ? 63 : 64;
        String name = table + "_" + String.join("_", columns) + "_" + hashSuffix;
        if (name.length() <= max) {
            return name;
        }
        if (hashSuffix.length() > max / 3.0) {
            hashSuffix = hashSuffix.substring(0, max / 3);
        }
        int other = (max - hashSuffix.length()) / 2 - 1;
        String joined = String.join("_", columns);
        name = cut(table, other) + "_" + cut(joined, other) + "_" + hashSuffix;
        if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) {
            name = "D" + name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** The foreign key of {@code table.column} to {@code toTable.toColumn}. */
    static String foreignKey(Engine engine, String table, String column, String toTable, String toColumn) {
        return index(engine, table, List.of(column), "_fk_" + toTable + "_" + toColumn);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static String digest(String table, List<String> columns) {
        MessageDigest md5 = io.migrescue.files.Digests.digest("MD5");
        md5.update(table.getBytes(StandardCharsets.UTF_8));
        for (String c : columns) {
            md5.update(c.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md5.digest()).substring(0, 8);
    }
}
