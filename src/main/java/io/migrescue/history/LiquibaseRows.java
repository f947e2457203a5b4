package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rows Liquibase writes to DATABASECHANGELOG: where, with which columns and values, as {@link LiquibaseTool} and {@link LiquibaseChangeSets} plan them. */
final class LiquibaseRows {
    /** The Liquibase version whose rows these are, written to the LIQUIBASE column as Liquibase writes its own. */
    static final String LIQUIBASE_VERSION = "4.33.0";

    private static final String MARK_RAN = "MARK_RAN";
    /** Liquibase's DESCRIPTION for a formatted SQL changeset (its one change is a raw SQL change). */
    private static final String SQL_DESCRIPTION = "sql";

    /**
     * The history table, qualified. Liquibase names the table it makes DATABASECHANGELOG, unquoted: PostgreSQL folds it
     * to lower case, MySQL and MariaDB keep it. So there a lower-case name is the one {@link LiquibaseTool#historyTable} gives a
     * history Liquibase never made, and the table is made and written as Liquibase would name it.
     */
    static String table(Dialect d, MigrationHistory h) {
        return d.engine() != Engine.POSTGRESQL && h.table().equals("databasechangelog")
                ? d.qualify(h.schema(), "DATABASECHANGELOG")
                : HistorySql.table(d, h);
    }

    /**
     * {@code INSERT INTO table (every column) SELECT ?, ?, ?, dateexecuted, next orderexecuted, ?, }: the row Liquibase
     * writes for a changeset it ran, up to its {@code md5sum}.
     */
    static String insertHead(Dialect d, String table, String dateExecutedSql) {
        return "INSERT INTO " + table + " ("
                + HistorySql.columns(
                        d,
                        "id",
                        "author",
                        "filename",
                        "dateexecuted",
                        "orderexecuted",
                        "exectype",
                        "md5sum",
                        "description",
                        "comments",
                        "tag",
                        "liquibase",
                        "contexts",
                        "labels",
                        "deployment_id")
                + ") SELECT ?, ?, ?, " + dateExecutedSql + ", COALESCE(MAX("
                + HistorySql.column(d, "orderexecuted") + "), 0) + 1, ?, ";
    }

    /** {@link LiquibaseTool#realignChecksum} with the checksum given: computed, or the one Liquibase's validation failure says. */
    static List<BoundStatement> realign(
            Dialect d, MigrationHistory h, String id, java.util.function.Supplier<String> checksum) {
        HistorySql.requireTool(h, LiquibaseTool.TOOL);
        if (HistorySql.entry(h, id).isEmpty()) {
            throw new IllegalStateException("Liquibase records no changeset " + id);
        }
        String[] key = id.split("::", 3);
        return List.of(BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "md5sum")
                        + " = ? WHERE " + HistorySql.column(d, "id") + " = ? AND " + HistorySql.column(d, "author")
                        + " = ? AND "
                        + HistorySql.column(d, "filename") + " = ?",
                checksum.get(),
                key[0],
                key[1],
                key[2]));
    }

    static Object[] params(
            LiquibaseFormattedSql.ChangeSet cs, String fileName, Object dateExecuted, String deploymentId) {
        List<Object> params = new ArrayList<>(List.of(
                cs.id(),
                cs.author(),
                fileName,
                dateExecuted,
                MARK_RAN,
                SQL_DESCRIPTION,
                cs.comments(),
                LIQUIBASE_VERSION));
        if (cs.contexts() != null) {
            params.add(cs.contexts());
        }
        if (cs.labels() != null) {
            params.add(cs.labels());
        }
        params.add(deploymentId);
        return params.toArray();
    }

    /** A literal NULL rather than a bound null: PostgreSQL cannot type a bare null parameter in a SELECT list. */
    static String nullable(String value) {
        return value == null ? "NULL" : "?";
    }

    /** Liquibase's deployment id: the last 10 digits of the time in epoch milliseconds. */
    static String deploymentId(Instant now) {
        String millis = Long.toString(now.toEpochMilli());
        return millis.substring(Math.max(0, millis.length() - 10));
    }

    private LiquibaseRows() {}
}
