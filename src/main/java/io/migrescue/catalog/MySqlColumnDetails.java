package io.migrescue.catalog;

import io.migrescue.model.Catalog;
import io.migrescue.model.Column;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.MySqlColumnExtra;
import io.migrescue.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code diff} compares of MySQL and MariaDB columns and indexes beyond the catalog every command reads: a
 * column's character set and collation (in its type, where they differ from its table's, as {@code SHOW CREATE TABLE}
 * writes them), its generation expression and comment (in its extra, {@link MySqlColumnExtra}), an index's comment (in
 * its definition). Three bulk queries; the catalog is returned with them filled in.
 */
public final class MySqlColumnDetails {
    private MySqlColumnDetails() {}

    public static Catalog read(Connection connection, Catalog catalog) throws SQLException {
        Engine engine = catalog.engine();
        List<String> schemas = catalog.schemas();
        Map<String, String> tableCollation = new HashMap<>();
        CatalogSql.query(
                connection,
                CatalogSql.prepare(engine, "table_details", schemas, null),
                rs -> tableCollation.put(rs.getString(1) + '\0' + rs.getString(2), rs.getString("collation_name")));
        Map<String, String[]> columns = new HashMap<>();
        CatalogSql.query(connection, CatalogSql.prepare(engine, "column_details", schemas, null), rs -> {
            String table = rs.getString(1) + '\0' + rs.getString(2);
            String collation = rs.getString("collation_name");
            String charset = collation == null || collation.equals(tableCollation.get(table))
                    ? ""
                    : " CHARACTER SET " + rs.getString("charset") + " COLLATE " + collation;
            columns.put(table + '\0' + rs.getString(3), new String[] {
                charset, extra(rs.getString("extra"), rs.getString("generation"), rs.getString("comment_text"))
            });
        });
        Map<String, String> indexComments = new HashMap<>();
        CatalogSql.query(
                connection,
                CatalogSql.prepare(engine, "index_comments", schemas, null),
                rs -> indexComments.put(
                        rs.getString(1) + '\0' + rs.getString(2) + '\0' + rs.getString(3),
                        rs.getString("comment_text")));
        List<Table> tables = catalog.tables().stream()
                .map(t -> detailed(t, columns, indexComments))
                .toList();
        return new Catalog(
                engine, schemas, tables, catalog.sequences(), catalog.enumTypes(), catalog.tableNamesIgnoreCase());
    }

    private static Table detailed(Table t, Map<String, String[]> columns, Map<String, String> indexComments) {
        String key = t.schema() + '\0' + t.name() + '\0';
        List<Column> cs = t.columns().stream()
                .map(c -> {
                    String[] d = columns.get(key + c.name());
                    return d == null
                            ? c
                            : new Column(c.name(), c.position(), c.type() + d[0], c.nullable(), c.defaultValue(), d[1]);
                })
                .toList();
        List<Index> is = t.indexes().stream()
                .map(i -> {
                    String comment = indexComments.get(key + i.name());
                    return comment == null
                            ? i
                            : new Index(
                                    i.name(),
                                    i.columns(),
                                    i.unique(),
                                    i.primary(),
                                    i.method(),
                                    i.valid(),
                                    i.predicate(),
                                    indexDefinition(i, comment));
                })
                .toList();
        return new Table(t.schema(), t.name(), cs, is, t.constraints());
    }

    /** Compared after {@code " USING "} (IndexDiff): the method, then the comment. */
    public static String indexDefinition(Index index, String comment) {
        return "INDEX `" + index.name().replace("`", "``") + "` USING " + index.method() + " COMMENT '"
                + comment.replace("'", "''") + "'";
    }

    static String extra(String raw, String generation, String comment) {
        String keywords = raw == null
                ? ""
                : raw.toLowerCase(Locale.ROOT)
                        .replaceAll("\\b(virtual|stored|persistent) generated\\b", "")
                        .replace("default_generated", "")
                        .strip()
                        .replaceAll("\\s+", " ");
        boolean generated = generation != null && !generation.isBlank();
        boolean stored = raw != null && raw.toLowerCase(Locale.ROOT).matches(".*\\b(stored|persistent) generated.*");
        String storage = stored ? "stored" : "virtual";
        return new MySqlColumnExtra(
                        generated ? generation.strip() : null,
                        generated ? storage : null,
                        keywords,
                        comment == null || comment.isEmpty() ? null : comment)
                .text();
    }
}
