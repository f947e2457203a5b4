package io.migrescue.testing;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.model.Catalog;
import io.migrescue.model.Engine;
import io.migrescue.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Schema and data of a database as one comparable value: the catalog snapshot plus a checksum of every table's rows. */
public record Fingerprint(Catalog catalog, Map<String, String> rows) {

    public static Fingerprint of(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            Catalog catalog = CatalogReader.of(db.engine()).read(c, List.of(db.defaultSchema()));
            Map<String, String> rows = new LinkedHashMap<>();
            for (Table t : catalog.tables()) {
                String sql = db.engine() == Engine.POSTGRESQL
                        ? "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM \""
                                + t.name().replace("\"", "\"\"") + "\" x"
                        : "CHECKSUM TABLE `" + t.name().replace("`", "``") + "` EXTENDED";
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    rows.put(t.name(), rs.getString(db.engine() == Engine.POSTGRESQL ? 1 : 2));
                }
            }
            return new Fingerprint(catalog, rows);
        }
    }
}
