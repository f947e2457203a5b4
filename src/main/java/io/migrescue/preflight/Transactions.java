package io.migrescue.preflight;

import io.migrescue.history.MigrationTools;
import io.migrescue.model.Engine;
import java.util.regex.Pattern;

/**
 * Whether a tool runs a migration inside one transaction on PostgreSQL (where {@code CREATE INDEX CONCURRENTLY} is then
 * refused), with each tool's own way out read from the migration's source.
 */
public final class Transactions {
    private static final Pattern CONCURRENTLY =
            Pattern.compile("(?is)^\\s*(CREATE|DROP|REINDEX)\\b.*\\bCONCURRENTLY\\b.*");

    private Transactions() {}

    /**
     * @param statements the migration's statements (SQL text)
     * @param source     the migration file as written (code or SQL)
     */
    public static boolean inTransaction(Engine engine, String tool, java.util.List<String> statements, String source) {
        if (!engine.transactionalDdl()) {
            return false; // MySQL/MariaDB commit each DDL statement: there is no transaction to be inside
        }
        String t = tool == null ? "" : tool;
        return switch (t) {
            // Flyway runs a migration of only non-transactional statements without a transaction
            // (or its script config file, read with the source, says executeInTransaction=false)
            case "flyway" ->
                !statements.stream().allMatch(s -> CONCURRENTLY.matcher(s).matches())
                        && !source.matches("(?s).*\\bexecuteInTransaction\\s*=\\s*false\\b.*");
            case "alembic" -> !source.contains("autocommit_block");
            case "django" -> !source.matches("(?s).*\\batomic\\s*=\\s*False\\b.*");
            case "rails" -> !source.contains("disable_ddl_transaction!");
            case "knex" -> !source.matches("(?s).*transaction\\s*:\\s*false.*");
            case "goose" -> !source.contains("+goose NO TRANSACTION");
            case "liquibase" -> !source.matches("(?s).*runInTransaction\\s*:\\s*false.*");
            case "atlas" -> !source.contains("atlas:txmode none");
            case "sequelize" -> false;
            // a tool's own class says it; else a file sent as one multi-statement query runs as one implicit
            // transaction (MigrationTool's default)
            default ->
                MigrationTools.byId(t)
                        .map(own -> own.runsInTransaction(statements, source))
                        .orElse(statements.size() > 1);
        };
    }
}
