package io.migrescue.app;

import io.migrescue.history.HistoryWriter;
import io.migrescue.history.HistoryWriters;
import io.migrescue.history.LiquibaseChangeSets;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.MigrationFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A schema made without the tool (Flyway's "Found non-empty schema(s) without schema history table", Prisma P3005): the
 * migration files are there, the tool's history table is not. Such a tool is given an empty history, named as the tool
 * names its table, so its migrations are compared with the schema like any unrecorded ones (UnrecordedMigrations) and
 * baselined by making the table as the tool does and recording those in effect. Only tools whose table migrescue can
 * make as the tool would ({@link HistoryWriter#historyTable()}). Liquibase among them when its changelogs are at hand:
 * its changesets are then recorded under the FILENAME the changelog path it is given makes (LiquibaseSearchPath).
 */
final class AbsentHistories {
    private AbsentHistories() {}

    /** {@code history}, plus an empty one in {@code schema} for each such tool of {@code files} that has none. */
    static List<MigrationHistory> with(List<MigrationHistory> history, List<MigrationFile> files, String schema) {
        Set<String> tools = new LinkedHashSet<>();
        files.forEach(f -> tools.add(f.tool()));
        if (LiquibaseChangeSets.anyChangelog(files)) {
            tools.add("liquibase"); // its changelogs are listed as plain files: the changesets are its migrations
        }
        List<MigrationHistory> all = new ArrayList<>(history);
        for (String tool : tools) {
            if (history.stream().anyMatch(h -> h.tool().equals(tool))) {
                continue;
            }
            String table = HistoryWriters.all().stream()
                    .filter(w -> w.tool().equals(tool))
                    .findFirst()
                    .map(HistoryWriter::historyTable)
                    .orElse(null);
            if (table != null) {
                all.add(new MigrationHistory(tool, schema, table, List.of(), null));
            }
        }
        return all;
    }
}
