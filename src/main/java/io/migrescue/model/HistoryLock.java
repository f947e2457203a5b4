package io.migrescue.model;

import java.time.Instant;

/**
 * A migration tool's own lock as its table records it (Liquibase DATABASECHANGELOGLOCK, Knex knex_migrations_lock).
 *
 * @param table    the lock table
 * @param holder   who took it, as the tool wrote it (Liquibase LOCKEDBY), or null
 * @param since    when it was taken, or null if the table does not say
 */
public record HistoryLock(String table, boolean locked, String holder, Instant since) {}
