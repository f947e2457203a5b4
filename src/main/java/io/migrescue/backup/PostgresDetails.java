package io.migrescue.backup;

import io.migrescue.catalog.SequenceRow;
import io.migrescue.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a faithful PostgreSQL {@code CREATE TABLE} needs beyond the catalog snapshot: owned sequences with their
 * options, column collations, unlogged-ness, triggers. Three bulk queries for all the tables at once.
 */
record PostgresDetails(
        String kind,
        boolean unlogged,
        boolean partitionOrChild,
        Map<String, String> collations,
        List<Sequence> sequences,
        List<Trigger> triggers) {

    /** @param sequence where it is and its options */
    record Sequence(String column, boolean identity, io.migrescue.model.Sequence sequence, Long lastValue) {
        String schema() {
            return sequence.schema();
        }

        String name() {
            return sequence.name();
        }
    }

    /** @param enabled pg_trigger.tgenabled: O fires (the default), D disabled, R on replicas only, A always */
    record Trigger(String name, String definition, String enabled) {}

    static Map<String, PostgresDetails> read(Connection connection, List<Table> tables) throws SQLException {
        Map<String, Builder> builders = new LinkedHashMap<>();
        tables.forEach(t -> builders.put(key(t.schema(), t.name()), new Builder()));
        query(connection, "tables", tables, rs -> {
            Builder b = builders.get(key(rs.getString("schema_name"), rs.getString("table_name")));
            b.kind = rs.getString("kind");
            b.unlogged = "u".equals(rs.getString("persistence"));
            b.partitionOrChild = rs.getBoolean("is_partition") || rs.getBoolean("inherits");
            String collation = rs.getString("collation");
            if (collation != null) {
                b.collations.put(rs.getString("column_name"), collation);
            }
        });
        query(connection, "sequences", tables, rs -> {
            long last = rs.getLong("last_value");
            Long lastValue = rs.wasNull() ? null : last;
            builders.get(key(rs.getString("schema_name"), rs.getString("table_name")))
                    .sequences
                    .add(new Sequence(
                            rs.getString("column_name"),
                            rs.getBoolean("is_identity"),
                            SequenceRow.read(rs, "sequence_schema"),
                            lastValue));
        });
        query(
                connection,
                "triggers",
                tables,
                rs -> builders.get(key(rs.getString("schema_name"), rs.getString("table_name")))
                        .triggers
                        .add(new Trigger(
                                rs.getString("trigger_name"), rs.getString("definition"), rs.getString("enabled"))));
        Map<String, PostgresDetails> details = new HashMap<>();
        builders.forEach((k, b) -> details.put(
                k,
                new PostgresDetails(
                        b.kind,
                        b.unlogged,
                        b.partitionOrChild,
                        Map.copyOf(b.collations),
                        List.copyOf(b.sequences),
                        List.copyOf(b.triggers))));
        return details;
    }

    static String key(String schema, String table) {
        return schema + '\0' + table;
    }

    Sequence sequenceOf(String column) {
        return sequences.stream()
                .filter(s -> s.column().equals(column))
                .findFirst()
                .orElse(null);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String name, List<Table> tables, Row row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(BackupSql.load("postgresql", name))) {
            ps.setArray(
                    1,
                    connection.createArrayOf(
                            "text", tables.stream().map(Table::schema).toArray()));
            ps.setArray(
                    2,
                    connection.createArrayOf(
                            "text", tables.stream().map(Table::name).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private static final class Builder {
        String kind = "r";
        boolean unlogged;
        boolean partitionOrChild;
        final Map<String, String> collations = new HashMap<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
    }
}
