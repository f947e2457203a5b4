package io.migrescue.migration;

import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Migrations written as code (Alembic, Django, ActiveRecord, Knex, Sequelize, TypeORM): one reader per tool turns a
 * migration into the SQL statements it runs on the given engine, so the statement map, partial-application
 * detection, complete/revert and verification work on them exactly as on SQL files.
 *
 * <p>A call the reader does not understand becomes a statement whose text is a comment naming the call
 * ({@code -- not understood: op.execute(some_function())}): its effects are unknown, never guessed.
 */
public interface CodeMigrationReader {
    /** The tool's name as the history adapters call it ({@code alembic}, {@code django}, {@code rails}, …). */
    String tool();

    /** The migrations of this tool in {@code dir}, in the order the tool applies them; empty when the layout is not this tool's. */
    List<MigrationFile> list(Path dir) throws IOException;

    /** The statements {@code file} runs on {@code engine}, in order, with the line of the code each comes from. */
    List<SqlStatement> statements(MigrationFile file, Engine engine) throws IOException;

    /**
     * The ids of {@code files} the history's {@code recorded} ids mean are applied: the same ids, unless the tool's
     * history holds only heads (Alembic), where a head means everything below it in the graph is applied too.
     */
    default Set<String> applied(Set<String> recorded, List<MigrationFile> files) {
        return recorded;
    }
}
