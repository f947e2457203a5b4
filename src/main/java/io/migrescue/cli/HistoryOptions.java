package io.migrescue.cli;

import picocli.CommandLine.Option;

/** Which migration tool's history a command reads: every tool found, or one, under its configured table name. */
final class HistoryOptions {
    @Option(
            names = "--tool",
            paramLabel = "NAME",
            description = "Only this migration tool's history (default: every tool found).")
    String tool;

    @Option(
            names = "--history-table",
            paramLabel = "NAME",
            description = {
                "The history table's name when the tool was configured with another (Flyway's flyway.table, "
                        + "Knex's tableName, Drizzle's migrationsTable). Needs --tool."
            })
    String table;
}
