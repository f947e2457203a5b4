package io.migrescue.model;

import java.time.Instant;

/**
 * One row of a migration tool's history, in the tool's terms.
 *
 * @param id          the tool's key for the migration: Flyway version, Prisma/Laravel migration name, golang-migrate version,
 *                    Liquibase {@code id::author::file}
 * @param description a human name: Flyway description, script or file name; may equal id
 * @param appliedAt   when it was recorded, or null if the table does not say
 * @param checksum    the tool's checksum as stored, or null
 * @param detail      extra words from the tool (Prisma logs, Flyway type, Liquibase exec type), or null
 */
public record HistoryEntry(
        String id, String description, EntryState state, Instant appliedAt, String checksum, String detail) {}
