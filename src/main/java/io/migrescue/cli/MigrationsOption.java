package io.migrescue.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --migrations DIR}: where the migration files are, else the project's or the shell session's folder. */
final class MigrationsOption {
    @Option(
            names = "--migrations",
            paramLabel = "DIR",
            description = {
                "Where the migration files are: SQL files (Flyway V*__*.sql, golang-migrate *.up.sql, Prisma "
                        + "*/migration.sql, Drizzle, Liquibase, plain SQL) or migrations written as code (Alembic, Django, Rails, "
                        + "Knex, Sequelize, TypeORM)."
            })
    Path dir;

    /** The folder to read: this option, else what --project or the shell's connect gave; null when none. */
    Path resolve(ConnectionOptions connection) {
        return connection.migrations(dir);
    }
}
