package io.migrescue.history;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every migration tool migrescue reads and writes the history of: the one list (a new tool is one line here). */
public final class MigrationTools {
    private static final List<MigrationTool> ALL = List.of(
            new FlywayTool(),
            new LiquibaseTool(),
            new LaravelTool(),
            new PrismaTool(),
            new GolangMigrateTool(),
            new RailsTool(),
            new AlembicTool(),
            new DjangoTool(),
            new DrizzleTool(),
            new KnexTool(),
            new SequelizeTool(),
            new TypeOrmTool(),
            new AtlasTool(),
            new SupabaseTool(),
            new NodePgMigrateTool(),
            new GooseTool());

    /** The answers for a directory of plain SQL files, which no tool of the list claims. */
    private static final MigrationTool PLAIN = new PlainSqlTool();

    private MigrationTools() {}

    /** In the order detection tries them (and listings show them). */
    public static List<MigrationTool> all() {
        return ALL;
    }

    /**
     * The tool of this id ({@link MigrationTool#id()}, any case), as {@code --tool}, JSON and playbooks name it; empty
     * for null or an id migrescue does not know (callers word their own error, naming {@link #all()}).
     */
    public static Optional<MigrationTool> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(t -> t.id().equals(wanted)).findFirst();
    }

    /**
     * The tool whose facts ({@link MigrationTool#runsInTransaction}, {@link MigrationTool#upSection}, ...) apply to a
     * migration of this tool id: the listed tool, or for plain SQL files (and any id migrescue does not know) a tool
     * that gives every fact's generic answer.
     */
    public static MigrationTool factsOf(String id) {
        return byId(id).orElse(PLAIN);
    }
}
