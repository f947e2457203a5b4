package io.migrescue.history;

import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets the version a tool believes the database is at, as its own stamp does: {@code alembic stamp --purge REV}
 * (every row of alembic_version replaced by the one revision), {@code migrate force V} for golang-migrate (one clean
 * row). Only after the live schema was found to match it.
 */
public final class VersionStamps {
    private VersionStamps() {}

    public static List<BoundStatement> stamp(Dialect d, MigrationHistory h, String version) {
        if (GolangMigrateTool.TOOL.equals(h.tool())) {
            return HistoryWriters.forTool(h.tool()).clearDirty(d, h, version);
        }
        if (!AlembicTool.TOOL.equals(h.tool())) {
            throw new UnsupportedOperationException("stamping a version is done for Alembic and golang-migrate only");
        }
        List<String> heads = h.entries().stream().map(HistoryEntry::id).toList();
        if (heads.equals(List.of(version))) {
            return List.of();
        }
        List<BoundStatement> plan = new ArrayList<>();
        String table = HistorySql.table(d, h);
        String column = HistorySql.column(d, "version_num");
        for (String head : heads) {
            plan.add(BoundStatement.of("DELETE FROM " + table + " WHERE " + column + " = ?", head));
        }
        plan.add(BoundStatement.of("INSERT INTO " + table + " (" + column + ") VALUES (?)", version));
        return plan;
    }
}
