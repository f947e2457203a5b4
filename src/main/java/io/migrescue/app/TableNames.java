package io.migrescue.app;

import io.migrescue.db.DatabaseSession;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The names of the tables in scope, for the shell's completion: one metadata query per schema, at most a few thousand. */
public final class TableNames {
    static final int LIMIT = 5000;

    private TableNames() {}

    /**
     * Constraint and index names of every table in scope, from the catalog's one bulk names query (no details read).
     * Never fails, like {@link #of}.
     */
    public static List<String> constraints(DatabaseSession session, List<String> schemas) {
        try {
            var catalog = io.migrescue.catalog.CatalogReader.of(session.engine())
                    .read(session.connection(), Scope.resolve(session.info(), schemas), java.util.Set.of());
            return catalog.tables().stream()
                    .flatMap(t -> java.util.stream.Stream.concat(
                            t.constraints().stream().map(io.migrescue.model.Constraint::name),
                            t.indexes().stream().map(io.migrescue.model.Index::name)))
                    .filter(n -> !n.equals("PRIMARY"))
                    .distinct()
                    .sorted()
                    .limit(LIMIT)
                    .toList();
        } catch (SQLException | RuntimeException e) {
            return List.of();
        }
    }

    /** Never fails: completion is a convenience, so a database that will not say gives none. */
    public static List<String> of(DatabaseSession session, List<String> schemas) {
        List<String> names = new ArrayList<>();
        try {
            DatabaseMetaData meta = session.connection().getMetaData();
            for (String schema : Scope.resolve(session.info(), schemas)) {
                boolean mysql = session.engine().isMySqlFamily();
                try (ResultSet rs =
                        meta.getTables(mysql ? schema : null, mysql ? null : schema, "%", new String[] {"TABLE"})) {
                    while (rs.next() && names.size() < LIMIT) {
                        names.add(
                                schemas.size() > 1
                                        ? schema + "." + rs.getString("TABLE_NAME")
                                        : rs.getString("TABLE_NAME"));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            return names;
        }
        return names;
    }
}
