package io.migrescue.migration;

import io.migrescue.history.MigrationDirectories;
import io.migrescue.history.MigrationTools;
import io.migrescue.model.Engine;
import io.migrescue.sql.LiquibaseChangelog;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The one way to list a migrations directory and to get a migration's statements, whatever it is written in: SQL
 * files are split by the engine's rules, code migrations rendered by their tool's {@link CodeMigrationReader}.
 */
public final class MigrationStatements {
    private MigrationStatements() {}

    /** The migrations of {@code dir} in their tool's order: code migrations when a code reader knows the layout, else SQL files. */
    public static List<MigrationFile> list(Path dir) throws IOException {
        for (CodeMigrationReader reader : CodeMigrationReaders.all()) {
            List<MigrationFile> files = reader.list(dir);
            if (!files.isEmpty()) {
                return files;
            }
        }
        return MigrationDirectories.list(dir);
    }

    public static List<SqlStatement> of(MigrationFile file, Engine engine) throws IOException {
        if (readAsCode(file)) {
            return CodeMigrationReaders.forTool(file.tool()).orElseThrow().statements(file, engine);
        }
        if (file.path() != null && LiquibaseChangelog.isChangelog(file.path())) {
            return LiquibaseChangelog.statements(file.path(), engine); // the SQL of its sql/sqlFile changes
        }
        String text = read(file.path());
        return StatementSplitter.split(MigrationTools.factsOf(file.tool()).upSection(text), engine);
    }

    /**
     * Whether {@link #of} reads this migration with its tool's code reader: an SQL file next to code migrations
     * (node-pg-migrate mixes them) is read as SQL, not as code.
     */
    public static boolean readAsCode(MigrationFile file) {
        return CodeMigrationReaders.forTool(file.tool()).isPresent()
                && !(file.path() != null
                        && file.path()
                                .getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .endsWith(".sql"));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
