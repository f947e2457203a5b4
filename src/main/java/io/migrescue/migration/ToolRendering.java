package io.migrescue.migration;

import io.migrescue.failure.MigrescueException;
import io.migrescue.migration.alembic.AlembicMigrations;
import io.migrescue.migration.django.DjangoMigrations;
import io.migrescue.model.Engine;
import io.migrescue.sql.MigrationFile;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code --render-with-tool}: the tool renders a migration's SQL itself, offline
 * ({@code alembic upgrade PARENT:REV --sql}, {@code manage.py sqlmigrate APP NAME}), the higher-fidelity source than
 * reading its code. This class says which command to run and reads what it printed into statements (the SQL
 * splitter's, as for SQL files); running it is the caller's (a process with a timeout).
 */
public final class ToolRendering {
    /** How far up from the migration file the tool's project file (alembic.ini, manage.py) is looked for. */
    private static final int LEVELS = 5;
    /** Transaction control and the tool's own bookkeeping: the history is written by its adapter, not replayed. */
    private static final Pattern BOOKKEEPING = Pattern.compile("(?is)\\s*(BEGIN|COMMIT|START\\s+TRANSACTION"
            + "|SET\\s+CONSTRAINTS\\b.*|.*\\b(alembic_version|django_migrations)\\b.*)\\s*");

    private ToolRendering() {}

    /**
     * The tool's command for one migration.
     *
     * @param args    the process arguments, the interpreter first (never a shell string)
     * @param workDir where to run it (the project, so its settings and env.py are found)
     * @param source  how the diagnosis names the source ({@code alembic --sql})
     */
    public record Invocation(List<String> args, Path workDir, String source) {}

    /** The command that renders {@code file}'s SQL; a usage error when its tool cannot, or its project is not found. */
    public static Invocation invocation(MigrationFile file, String python) {
        try {
            return switch (file.tool()) {
                case AlembicMigrations.TOOL -> alembic(file, python);
                case DjangoMigrations.TOOL -> django(file, python);
                default ->
                    throw MigrescueException.usage("--render-with-tool: " + file.tool() + " cannot render a"
                            + " migration's SQL offline (only alembic and django can); leave the option out to read "
                            + file.path().getFileName() + " as code");
            };
        } catch (IOException e) {
            throw MigrescueException.usage(
                    "--render-with-tool: cannot read " + file.path() + " (" + e.getMessage() + ")");
        }
    }

    private static Invocation alembic(MigrationFile file, String python) throws IOException {
        Path ini = upFrom(file.path(), "alembic.ini", "an Alembic revision needs its alembic.ini");
        List<String> parents = AlembicMigrations.parents(file.path());
        if (parents.size() > 1) {
            throw MigrescueException.usage("--render-with-tool: " + file.id() + " merges " + String.join(", ", parents)
                    + "; alembic renders a merge offline only with everything below it: leave the option out to read"
                    + " it as code");
        }
        // from its parent to itself: exactly this revision (from base the version table comes too, and is dropped)
        String range = parents.isEmpty() ? file.id() : parents.get(0) + ":" + file.id();
        return new Invocation(
                List.of(python, "-m", "alembic", "-c", ini.toString(), "upgrade", range, "--sql"),
                ini.getParent(),
                "alembic --sql");
    }

    private static Invocation django(MigrationFile file, String python) {
        Path manage = upFrom(file.path(), "manage.py", "a Django migration is rendered by its project's manage.py");
        int dot = file.id().indexOf('.');
        String app = file.id().substring(0, dot);
        String name = file.id().substring(dot + 1);
        return new Invocation(
                List.of(python, manage.toString(), "sqlmigrate", app, name),
                manage.getParent(),
                "manage.py sqlmigrate");
    }

    private static Path upFrom(Path file, String name, String why) {
        Path dir = file.toAbsolutePath().getParent();
        for (int i = 0; i < LEVELS && dir != null; i++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw MigrescueException.usage(
                "--render-with-tool: no " + name + " in the folders above " + file + " (" + why + ")");
    }

    /**
     * The statements of what the tool printed, as the engine's client would split them, without transaction control
     * and the tool's writes to its own history table.
     */
    public static List<SqlStatement> statements(String rendered, Engine engine) {
        List<SqlStatement> kept = new ArrayList<>();
        for (SqlStatement s : StatementSplitter.split(rendered, engine)) {
            if (!BOOKKEEPING.matcher(s.sql()).matches()) {
                kept.add(new SqlStatement(kept.size() + 1, s.sql(), s.line()));
            }
        }
        return kept;
    }

    /** The last line a failed tool printed (its exception), for a one-line error. */
    public static String lastLine(String output) {
        List<String> lines = output.strip().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }

    /** Whether a failed tool's output says it could not reach the database (Django's sqlmigrate connects). */
    public static boolean cannotConnect(String output) {
        return output.toLowerCase(Locale.ROOT).contains("operationalerror");
    }
}
