package io.migrescue.history;

import io.migrescue.model.Engine;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The table and the rows Flyway writes to {@code flyway_schema_history}, as {@link FlywayTool} plans them. */
final class FlywayRows {
    private static final String SQL_TYPE = "SQL";

    /** One column of a history row: its SQL expression and the values bound in it. */
    record Cell(String column, String sql, List<Object> params) {
        static Cell bound(String column, Object value) {
            return new Cell(column, "?", Collections.singletonList(value)); // a null checksum is bound as null
        }
    }

    /** The columns a successful run writes (JdbcTableSchemaHistory.doAddAppliedMigration), in table order. */
    static List<Cell> successfulRun(Dialect d, FlywayScript script, Instant now, String installedBy) {
        return row(
                d,
                script.version().getVersion(),
                script.description(),
                SQL_TYPE,
                script.script(),
                script.checksum(),
                installedBy,
                now);
    }

    /**
     * The columns of a successful row of {@code type}, in table order: who is {@code installedBy}, or the database's
     * current user for null; when is now; execution time 0.
     */
    static List<Cell> row(
            Dialect d,
            String version,
            String description,
            String type,
            String script,
            Integer checksum,
            String installedBy,
            Instant now) {
        Timestamps.Value installedOn = Timestamps.databaseClock(d, now);
        return List.of(
                Cell.bound("version", version),
                Cell.bound("description", description),
                Cell.bound("type", type),
                Cell.bound("script", script),
                Cell.bound("checksum", checksum),
                installedBy == null
                        ? new Cell("installed_by", currentUser(d), List.of())
                        : Cell.bound("installed_by", installedBy),
                new Cell("installed_on", installedOn.sql(), List.of(installedOn.param())),
                Cell.bound("execution_time", 0),
                Cell.bound("success", true));
    }

    /** The row inserted with the next {@code installed_rank}, computed in the statement as Flyway does (MAX + 1). */
    static BoundStatement insertWithNextRank(Dialect d, MigrationHistory h, List<Cell> row) {
        String table = HistorySql.table(d, h);
        List<Cell> inserted = new ArrayList<>(List.of(new Cell(
                "installed_rank", "COALESCE(MAX(" + HistorySql.column(d, "installed_rank") + "), 0) + 1", List.of())));
        inserted.addAll(row);
        List<Object> params = new ArrayList<>();
        inserted.forEach(c -> params.addAll(c.params()));
        return new BoundStatement(
                "INSERT INTO " + table + " ("
                        + HistorySql.columns(
                                d, inserted.stream().map(Cell::column).toArray(String[]::new))
                        + ") SELECT "
                        + String.join(", ", inserted.stream().map(Cell::sql).toList()) + " FROM "
                        + table,
                params);
    }

    /** Flyway's own default for {@code installed_by}: PostgreSQL's current_user, MySQL's user name without the host. */
    static String currentUser(Dialect d) {
        return d.engine().isMySqlFamily() ? "SUBSTRING_INDEX(USER(), '@', 1)" : "CURRENT_USER";
    }

    /** The history table as {@link FlywayTool#createHistoryTable} describes it. */
    static List<BoundStatement> createTable(Dialect d, MigrationHistory h) {
        String table = HistorySql.table(d, h);
        if (d.engine() == Engine.POSTGRESQL) {
            return List.of(
                    BoundStatement.of("CREATE TABLE IF NOT EXISTS " + table + " (\n"
                            + "    \"installed_rank\" INT NOT NULL,\n    \"version\" VARCHAR(50),\n"
                            + "    \"description\" VARCHAR(200) NOT NULL,\n    \"type\" VARCHAR(20) NOT NULL,\n"
                            + "    \"script\" VARCHAR(1000) NOT NULL,\n    \"checksum\" INTEGER,\n"
                            + "    \"installed_by\" VARCHAR(100) NOT NULL,\n    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n"
                            + "    \"execution_time\" INTEGER NOT NULL,\n    \"success\" BOOLEAN NOT NULL,\n"
                            + "    CONSTRAINT " + d.quote(h.table() + "_pk") + " PRIMARY KEY (\"installed_rank\")\n)"),
                    BoundStatement.of("CREATE INDEX IF NOT EXISTS " + d.quote(h.table() + "_s_idx") + " ON " + table
                            + " (\"success\")"));
        }
        return List.of(BoundStatement.of("CREATE TABLE IF NOT EXISTS " + table + " (\n"
                + "    `installed_rank` INT NOT NULL,\n    `version` VARCHAR(50),\n    `description` VARCHAR(200) NOT NULL,\n"
                + "    `type` VARCHAR(20) NOT NULL,\n    `script` VARCHAR(1000) NOT NULL,\n    `checksum` INT,\n"
                + "    `installed_by` VARCHAR(100) NOT NULL,\n    `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                + "    `execution_time` INT NOT NULL,\n    `success` BOOL NOT NULL,\n"
                + "    CONSTRAINT " + d.quote(h.table() + "_pk") + " PRIMARY KEY (`installed_rank`),\n"
                + "    INDEX " + d.quote(h.table() + "_s_idx") + " (`success`)\n)"));
    }

    private FlywayRows() {}
}
