package io.migrescue.migration.code;

import io.migrescue.migration.CodeMigrationReader;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A reader of JavaScript/TypeScript migrations whose {@code up} function holds the schema calls (Knex, Sequelize,
 * TypeORM): it finds {@code up} (or says there is none) and hands its body to the tool's own reading, with what
 * {@code up} calls the tool's handle. Lists the migrations by file name, as Knex and Sequelize record them.
 */
public abstract class JsMigrationReader implements CodeMigrationReader {
    private final String tool;
    private final String usualHandle;

    /** {@code usualHandle}: what the tool's templates call {@code up}'s first parameter ({@code knex}, …). */
    protected JsMigrationReader(String tool, String usualHandle) {
        this.tool = tool;
        this.usualHandle = usualHandle;
    }

    @Override
    public final String tool() {
        return tool;
    }

    @Override
    public List<MigrationFile> list(Path dir) throws IOException {
        return JsMigrations.byFileName(dir, tool);
    }

    @Override
    public final List<SqlStatement> statements(MigrationFile file, Engine engine) throws IOException {
        Rendered out = new Rendered();
        JsMigrations.up(file, out)
                .ifPresent(up -> read(up.body(), JsMigrations.firstParam(up, usualHandle), engine, out));
        return out.statements();
    }

    /** Renders the statements of {@code up} into {@code out}; {@code handle} is what {@code up} calls the tool's handle. */
    protected abstract void read(List<Node> up, String handle, Engine engine, Rendered out);
}
