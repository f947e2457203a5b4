package io.migrescue.backup;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.model.Catalog;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.ForeignKey;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * After a reload with foreign key checks off (MySQL/MariaDB), checks every foreign key from or to a restored table:
 * rows whose key columns are all set (MATCH SIMPLE) but find no parent row. One counting query per foreign key.
 */
final class ForeignKeyCheck {
    private ForeignKeyCheck() {}

    static List<String> violations(
            Connection connection, Engine engine, Dialect dialect, List<String> schemas, List<String> restored)
            throws SQLException {
        Catalog catalog = CatalogReader.of(engine).read(connection, schemas);
        List<String> violations = new ArrayList<>();
        for (Table child : catalog.tables()) {
            for (Constraint fk : child.foreignKeys()) {
                ForeignKey ref = fk.foreignKey();
                if (!restored.contains(child.qualifiedName())
                        && !restored.contains(ref.referencedSchema() + "." + ref.referencedTable())) {
                    continue;
                }
                long orphans = orphans(connection, dialect, child, fk);
                if (orphans > 0) {
                    violations.add("foreign key " + fk.name() + " on " + child.qualifiedName() + " ("
                            + String.join(", ", fk.columns())
                            + "): " + orphans + " row(s) point to no row of " + ref.referencedSchema() + "."
                            + ref.referencedTable()
                            + " (" + String.join(", ", ref.referencedColumns()) + ")");
                }
            }
        }
        return violations;
    }

    private static long orphans(Connection connection, Dialect dialect, Table child, Constraint fk)
            throws SQLException {
        ForeignKey ref = fk.foreignKey();
        List<String> cols = fk.columns();
        String set =
                cols.stream().map(c -> "c." + dialect.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String match = IntStream.range(0, cols.size())
                .mapToObj(i ->
                        "p." + dialect.quote(ref.referencedColumns().get(i)) + " = c." + dialect.quote(cols.get(i)))
                .collect(Collectors.joining(" AND "));
        String sql = "SELECT COUNT(*) FROM " + dialect.qualify(child.schema(), child.name()) + " c WHERE " + set
                + " AND NOT EXISTS (SELECT 1 FROM " + dialect.qualify(ref.referencedSchema(), ref.referencedTable())
                + " p WHERE " + match + ")";
        return new Sql(connection).number(sql);
    }
}
