package io.migrescue.sql;

import java.nio.file.Path;

/**
 * One migration file of a migrations directory.
 *
 * @param id   the key the tool's history uses: Flyway version ({@code 1.10}; a repeatable's script name
 *             {@code R__views.sql}), golang-migrate version without leading zeros, Prisma folder name, Drizzle tag, or
 *             the file name without {@code .sql} for plain directories
 * @param name a human name: Flyway description ({@code add users}), the part after the version, or the id
 * @param path the SQL file
 * @param tool {@code flyway}, {@code golang-migrate}, {@code prisma}, {@code drizzle} or {@code plain}
 */
public record MigrationFile(String id, String name, Path path, String tool) {}
