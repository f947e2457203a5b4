package io.migrescue.catalog;

import io.migrescue.model.Engine;
import io.migrescue.model.Sequence;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB sequences: names from {@code information_schema.TABLES}, then every sequence's options in one UNION ALL
 * (10.11 has no view for them, and one query per sequence would be one round trip each).
 */
final class MariaDbSequences {
    private MariaDbSequences() {}

    static List<Sequence> read(Connection connection, List<String> schemas) throws SQLException {
        List<String[]> names = new ArrayList<>();
        CatalogSql.query(
                connection,
                CatalogSql.prepare(Engine.MARIADB, "sequences", schemas, null),
                rs -> names.add(new String[] {rs.getString(1), rs.getString(2)}));
        if (names.isEmpty()) {
            return List.of();
        }
        Dialect dialect = Dialect.of(Engine.MARIADB);
        List<String> selects = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String[] n : names) {
            selects.add(
                    "SELECT ?, ?, start_value, increment, minimum_value, maximum_value, cache_size, cycle_option FROM "
                            + dialect.qualify(n[0], n[1]));
            params.add(n[0]);
            params.add(n[1]);
        }
        List<Sequence> sequences = new ArrayList<>();
        CatalogSql.query(
                connection,
                new CatalogSql.Prepared(String.join("\nUNION ALL\n", selects), params),
                rs -> sequences.add(new Sequence(
                        rs.getString(1),
                        rs.getString(2),
                        "bigint",
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getInt(8) != 0)));
        return sequences;
    }
}
