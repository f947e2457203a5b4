package io.migrescue.migration;

import java.util.List;
import java.util.Optional;

/** Every reader of migrations written as code: the one registry (a new tool is one class and one line here). */
public final class CodeMigrationReaders {
    private static final List<CodeMigrationReader> ALL = List.of(
            new io.migrescue.migration.alembic.AlembicMigrations(),
            new io.migrescue.migration.django.DjangoMigrations(),
            new io.migrescue.migration.typeorm.TypeOrmMigrationReader(),
            new io.migrescue.migration.knex.KnexMigrationReader(),
            new io.migrescue.migration.sequelize.SequelizeMigrationReader(),
            new io.migrescue.migration.rails.RailsMigrationReader(),
            new io.migrescue.migration.nodepgmigrate.PgmMigrationReader());

    private CodeMigrationReaders() {}

    public static List<CodeMigrationReader> all() {
        return ALL;
    }

    public static Optional<CodeMigrationReader> forTool(String tool) {
        return ALL.stream().filter(r -> r.tool().equals(tool)).findFirst();
    }
}
