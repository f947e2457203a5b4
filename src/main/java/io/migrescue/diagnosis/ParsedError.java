package io.migrescue.diagnosis;

import io.migrescue.model.Engine;

/**
 * One database error recovered from whatever wrapped it (mysql CLI, PDO/Laravel, Flyway, Prisma, Django, Rails,
 * Alembic, psql, a Java stack trace, golang-migrate, Liquibase, Knex). Fields the text does not carry are null.
 *
 * @param engine     the engine the text points to, or null when it cannot tell (e.g. a bare 1050 is MySQL-family)
 * @param wrapper    who wrapped it: {@code mysql-cli}, {@code laravel}, {@code flyway}, {@code prisma}, {@code django},
 *                   {@code rails}, {@code alembic}, {@code psql}, {@code jdbc}, {@code golang-migrate}, {@code liquibase},
 *                   {@code knex}, {@code supabase} (Supabase CLI), {@code drizzle} (drizzle-kit), {@code plain}
 * @param sqlState   five-character SQLSTATE, e.g. {@code 42P07}, {@code HY000}
 * @param vendorCode MySQL/MariaDB error number (1050, 1005, …), or null (PostgreSQL has none; Flyway says 0)
 * @param errno      the InnoDB errno inside a 1005 message ({@code errno: 121}), or null
 * @param message    the server's own message, wrapper stripped, e.g. {@code relation "users" already exists}
 * @param detail     PostgreSQL DETAIL line, or null
 * @param hint       PostgreSQL HINT line, or null
 * @param statement  the failing SQL statement when the wrapper carries it
 * @param migration  the migration the wrapper names: file or name as given ({@code V2__x.sql},
 *                   {@code 2026_01_25_000000_total_refactor_skp_system}, {@code 20240101_init})
 * @param version    the migration version when the wrapper gives one (Flyway {@code 2}, golang-migrate {@code 20240115093000})
 * @param line       the line in the migration file when given (Flyway {@code Line :}, psql {@code file.sql:12})
 * @param text       the part of the input this error was read from (the first error wins over a later 25P02)
 */
public record ParsedError(
        Engine engine,
        String wrapper,
        String sqlState,
        Integer vendorCode,
        Integer errno,
        String message,
        String detail,
        String hint,
        String statement,
        String migration,
        String version,
        Integer line,
        ErrorObjects objects,
        String text) {}
