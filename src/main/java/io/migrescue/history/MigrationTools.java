package io.migrescue.history;

import java.util.List;

/** Every migration tool migrescue reads and writes the history of: the one list (a new tool is one line here). */
public final class MigrationTools {
    private static final List<MigrationTool> ALL = List.of(
            new MigrationTool(new FlywayHistory(), new FlywayHistoryWriter()),
            new MigrationTool(new LiquibaseHistory(), new LiquibaseHistoryWriter()),
            new MigrationTool(new LaravelHistory(), new LaravelHistoryWriter()),
            new MigrationTool(new PrismaHistory(), new PrismaHistoryWriter()),
            new MigrationTool(new GolangMigrateHistory(), new GolangMigrateHistoryWriter()),
            new MigrationTool(new RailsHistory(), new RailsHistoryWriter()),
            new MigrationTool(new AlembicHistory(), new AlembicHistoryWriter()),
            new MigrationTool(new DjangoHistory(), new DjangoHistoryWriter()),
            new MigrationTool(new DrizzleHistory(), new DrizzleHistoryWriter()),
            new MigrationTool(new KnexHistory(), new KnexHistoryWriter()),
            new MigrationTool(new SequelizeHistory(), new SequelizeHistoryWriter()),
            new MigrationTool(new TypeOrmHistory(), new TypeOrmHistoryWriter()),
            new MigrationTool(new AtlasHistory(), new AtlasHistoryWriter()),
            new MigrationTool(new SupabaseHistory(), new SupabaseHistoryWriter()),
            new MigrationTool(new GooseHistory(), new GooseHistoryWriter()));

    private MigrationTools() {}

    /** In the order detection tries them (and listings show them). */
    public static List<MigrationTool> all() {
        return ALL;
    }
}
