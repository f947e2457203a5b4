package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.Locale;
import java.util.Set;

/**
 * Which engine an error comes from, strongest evidence first:
 * <ol>
 * <li>PostgreSQL, when the error itself says so: a PostgreSQL-only SQLSTATE (42P07, 23505, …) with no MySQL error
 * number, a PostgreSQL message template ({@code relation "x" …}), or a PostgreSQL driver or connection in the wrapper
 * ({@code pq:}, {@code PG::}, psycopg, PgJDBC, {@code Connection: pgsql}, psql).</li>
 * <li>MySQL, when the server sent something MariaDB never sends: 1826, 3780, 6125, 3940, 3024, 3730, or
 * {@code Duplicate entry … for key 't.idx'} (MySQL 8.0.19+ qualifies the key).</li>
 * <li>MariaDB, when MariaDB is evident: {@code errno: 121 "Duplicate key on write or update"} (the strerror text in a
 * 1005/1025 message), {@code Can't DROP FOREIGN KEY `x`; check that it exists}, {@code max_statement_time exceeded},
 * error 4025 ({@code CONSTRAINT `x` failed for `db`.`t`}, a violated CHECK),
 * Laravel's {@code Connection: mariadb}, or the word MariaDB anywhere in the text (a server banner, a JDBC URL).</li>
 * <li>MySQL, for any other MySQL-family error (an error number, a MySQL SQLSTATE such as HY000 or 42S01, a MySQL
 * template or driver): both servers send these, and without MariaDB evidence MySQL is the better guess.</li>
 * <li>Last, what the surrounding log mentions ({@code jdbc:postgresql:}, {@code PostgreSQL 16}, {@code mysql://}):
 * for tool-level messages that carry no server error (a Flyway failed migration, a Liquibase lock).</li>
 * </ol>
 * Otherwise null: a golang-migrate dirty version alone does not say which server it ran on.
 */
final class EngineRules {
    /** MySQL error numbers MariaDB does not send (findings.md; MariaDB reports errno 121 instead of 1826). */
    private static final Set<Integer> MYSQL_ONLY_CODES = Set.of(1826, 3024, 3730, 3780, 3819, 3940, 6125);

    /** MariaDB error numbers MySQL does not send (MySQL reports a violated CHECK as 3819). */
    private static final Set<Integer> MARIADB_ONLY_CODES = Set.of(4025);

    private EngineRules() {}

    static Engine decide(ErrorDraft d, ServerMessages.Match match, String input) {
        if (d.engineHint == Engine.POSTGRESQL
                || (match != null && match.family() == ServerMessages.Family.POSTGRESQL)
                || (d.vendorCode == null && SqlStates.postgresOnly(d.sqlState))) {
            return Engine.POSTGRESQL;
        }
        if ((match != null && match.only() == Engine.MYSQL)
                || (d.vendorCode != null && MYSQL_ONLY_CODES.contains(d.vendorCode))) {
            return Engine.MYSQL;
        }
        String lower = input.toLowerCase(Locale.ROOT);
        if (d.engineHint == Engine.MARIADB
                || (match != null && match.only() == Engine.MARIADB)
                || (d.vendorCode != null && MARIADB_ONLY_CODES.contains(d.vendorCode))
                || lower.contains("mariadb")) {
            return Engine.MARIADB;
        }
        if (d.engineHint == Engine.MYSQL
                || (match != null && match.family() == ServerMessages.Family.MYSQL)
                || d.vendorCode != null
                || SqlStates.mysqlOnly(d.sqlState)) {
            return Engine.MYSQL;
        }
        if (lower.contains("postgresql") || lower.contains("postgres://") || lower.contains("jdbc:postgres")) {
            return Engine.POSTGRESQL;
        }
        if (lower.contains("mysql")) {
            return Engine.MYSQL;
        }
        return null;
    }
}
