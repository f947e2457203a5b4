package io.migrescue.repair;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.model.Catalog;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The database as one comparable value, taken before a repair changes anything and again after a roll back: the
 * definition of every table in scope (a digest of its columns, indexes and constraints as the catalog reads them) and,
 * for the tables the repair touches (those it backs up, and the migration tool's history), the names of their columns,
 * indexes and constraints and a checksum of their rows. A roll back says {@code rolled-back} only when the two are
 * equal; otherwise {@link #differences} says what is not as it was.
 *
 * @param tables by qualified name ({@code schema.table})
 */
public record DatabaseFingerprint(Map<String, TableState> tables) {
    public DatabaseFingerprint {
        tables = Map.copyOf(tables);
    }

    /**
     * @param rows        {@code count:checksum} of the rows, or null for a table the repair does not touch
     * @param columns     names, for touched tables (else empty)
     * @param constraints names, for touched tables (else empty)
     * @param indexes     names, for touched tables (else empty)
     */
    public record TableState(
            String definition, String rows, List<String> columns, List<String> constraints, List<String> indexes) {
        public TableState {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
            indexes = List.copyOf(indexes);
        }
    }

    /** @param touched qualified names of the tables whose rows count too */
    public static DatabaseFingerprint take(DatabaseSession session, List<String> schemas, Collection<String> touched)
            throws SQLException {
        Catalog catalog = CatalogReader.of(session.engine()).read(session.connection(), schemas);
        Map<String, TableState> tables = new LinkedHashMap<>();
        for (Table t : catalog.tables()) {
            boolean counted = touched.contains(t.qualifiedName());
            tables.put(
                    t.qualifiedName(),
                    new TableState(
                            digest(t.toString()),
                            counted ? rows(session, t) : null,
                            counted ? t.columns().stream().map(c -> c.name()).toList() : List.of(),
                            counted
                                    ? t.constraints().stream()
                                            .map(Constraint::name)
                                            .toList()
                                    : List.of(),
                            counted ? t.indexes().stream().map(Index::name).toList() : List.of()));
        }
        return new DatabaseFingerprint(tables);
    }

    /** What is not as in {@code before}, one line each; empty when this equals it. */
    public List<String> differences(DatabaseFingerprint before) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, TableState> e : before.tables().entrySet()) {
            TableState now = tables.get(e.getKey());
            TableState was = e.getValue();
            if (now == null) {
                out.add("table " + e.getKey() + " is missing");
                continue;
            }
            if (!now.definition().equals(was.definition())) {
                out.add("the definition of " + e.getKey() + " differs" + names(was, now));
            }
            if (was.rows() != null && !was.rows().equals(now.rows())) {
                out.add("the rows of " + e.getKey() + " differ (" + count(was.rows()) + " row(s) before, "
                        + count(now.rows()) + " now)");
            }
        }
        tables.keySet().stream()
                .filter(t -> !before.tables().containsKey(t))
                .forEach(t -> out.add("table " + t + " is there, but was not before the repair"));
        return out;
    }

    private static String names(TableState was, TableState now) {
        List<String> parts = new ArrayList<>();
        extra("column", now.columns(), was.columns(), parts);
        extra("constraint", now.constraints(), was.constraints(), parts);
        extra("index", now.indexes(), was.indexes(), parts);
        return parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    }

    private static void extra(String kind, List<String> now, List<String> was, List<String> parts) {
        if (was.isEmpty() && now.isEmpty()) {
            return;
        }
        now.stream().filter(n -> !was.contains(n)).forEach(n -> parts.add(kind + " " + n + " added"));
        was.stream().filter(n -> !now.contains(n)).forEach(n -> parts.add(kind + " " + n + " missing"));
    }

    private static String count(String rows) {
        return rows == null ? "?" : rows.substring(0, Math.max(0, rows.indexOf(':')));
    }

    private static String rows(DatabaseSession session, Table t) throws SQLException {
        String name = session.dialect().qualify(t.schema(), t.name());
        try (Statement st = session.connection().createStatement()) {
            if (session.engine() == Engine.POSTGRESQL) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "
                                + name + " x")) {
                    rs.next();
                    return rs.getString(1);
                }
            }
            long count;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + name)) {
                rs.next();
                count = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("CHECKSUM TABLE " + name + " EXTENDED")) {
                rs.next();
                return count + ":" + rs.getString(2);
            }
        }
    }

    private static String digest(String text) {
        return io.migrescue.files.Digests.sha256Hex(text).substring(0, 24);
    }

    /** As the journal holds it. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        tables.forEach((name, t) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("definition", t.definition());
            if (t.rows() != null) {
                m.put("rows", t.rows());
                m.put("columns", t.columns());
                m.put("constraints", t.constraints());
                m.put("indexes", t.indexes());
            }
            out.put(name, m);
        });
        return out;
    }

    static DatabaseFingerprint fromJson(JsonNode node) {
        Map<String, TableState> tables = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            JsonNode t = f.getValue();
            tables.put(
                    f.getKey(),
                    new TableState(
                            t.path("definition").asText(),
                            t.hasNonNull("rows") ? t.path("rows").asText() : null,
                            texts(t.path("columns")),
                            texts(t.path("constraints")),
                            texts(t.path("indexes"))));
        });
        return new DatabaseFingerprint(tables);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The touched table {@code qualifiedName} had these names before (empty when it was not touched or not there). */
    TableState before(String qualifiedName) {
        return tables.get(Objects.requireNonNull(qualifiedName));
    }
}
