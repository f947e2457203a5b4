package io.migrescue.history;

import io.migrescue.sql.Dialect;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The instant a tool stamps on a history row, as an SQL fragment with its bound value. The value is never bound as a
 * JDBC timestamp: drivers shift those by the JVM's or the session's time zone depending on their settings, and history
 * columns mix {@code timestamp}, {@code timestamptz}, MySQL {@code TIMESTAMP} and {@code DATETIME}. The fragments below
 * say in SQL which instant is meant, so the row is right whatever the time zones.
 */
final class Timestamps {
    private static final DateTimeFormatter UTC_WALL_CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** An SQL expression holding one {@code ?} and the value to bind to it. */
    record Value(String sql, Object param) {}

    /**
     * As the database's own clock would write {@code instant} into the column, which is what Flyway's
     * {@code DEFAULT now()} / {@code CURRENT_TIMESTAMP} and Liquibase's {@code NOW()} do: PostgreSQL converts a
     * {@code timestamptz} to the session's zone for a {@code timestamp} column; MySQL's {@code FROM_UNIXTIME} gives the
     * session zone's wall clock, which a {@code TIMESTAMP} column stores as that instant and a {@code DATETIME} keeps as is.
     */
    static Value databaseClock(Dialect dialect, Instant instant) {
        return dialect.engine().isMySqlFamily()
                ? new Value("FROM_UNIXTIME(? / 1000)", instant.toEpochMilli())
                : new Value("CAST(? AS TIMESTAMPTZ)", instant.toString());
    }

    /**
     * As a client that stamps UTC writes it (Prisma binds {@code chrono::Utc::now()}): a {@code timestamptz} on
     * PostgreSQL; on MySQL a {@code DATETIME(3)} holding the UTC wall clock, to the millisecond.
     */
    static Value utc(Dialect dialect, Instant instant) {
        return dialect.engine().isMySqlFamily()
                ? new Value("?", UTC_WALL_CLOCK.format(instant))
                : new Value("CAST(? AS TIMESTAMPTZ)", instant.toString());
    }
}
