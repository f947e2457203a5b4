package io.migrescue.playbook;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;

import java.util.List;

/**
 * Plans the history writes of a {@code record} step exactly as the migration tool would write them. Implemented over
 * the history adapters, outside the pure core (Flyway's checksum needs Flyway core and the migration file).
 */
public interface RecordPlanner {
    /** @param what {@code applied}, {@code rolled-back}, {@code release-lock}, {@code clear-dirty} */
    List<BoundStatement> plan(String what, MigrationHistory history, FailedMigration migration);
}
