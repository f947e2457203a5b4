package io.migrescue.playbook;

import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import java.util.List;
import java.util.Map;

/**
 * Plans the history writes of a {@code record} step exactly as the migration tool would write them. Implemented over
 * the history adapters, outside the pure core (Flyway's checksum needs Flyway core and the migration file).
 */
public interface RecordPlanner {
    /** @param what {@code applied}, {@code rolled-back}, {@code release-lock}, {@code clear-dirty}, {@code realign-checksum},
     *             {@code repoint} (the migration's id is the recorded one, its file the renamed one), {@code deleted} */
    List<BoundStatement> plan(String what, MigrationHistory history, FailedMigration migration);

    /** The same with the playbook's parameters (Liquibase's {@code changelog-file} names the rows it writes). */
    default List<BoundStatement> plan(
            String what, MigrationHistory history, FailedMigration migration, Map<String, String> params) {
        return plan(what, history, migration);
    }

    /** Read-only checks that must count 0 before the record step runs (a lock is released only when its holder is gone). */
    default List<BoundStatement> guards(String what, MigrationHistory history, Map<String, String> params) {
        return List.of();
    }

    /** Why the record step may run: said in the plan. */
    default String explain(String what, MigrationHistory history, Map<String, String> params) {
        return null;
    }

    /** The checksum the tool computes for the migration's file now, as its history stores it, or null if not known. */
    default String fileChecksum(MigrationHistory history, FailedMigration migration) {
        return null;
    }

    /**
     * A migration file by its file name, as the tool would record it (its id in the tool's history) with its statements,
     * for {@code record: repoint}; empty when the migrations directory has no such file.
     */
    default java.util.Optional<LocalMigration> localMigration(String fileName) {
        return java.util.Optional.empty();
    }

    /** One migration file: its id as the tool's history names it, its file name, its statements with their effects. */
    record LocalMigration(String id, String file, List<io.migrescue.diagnosis.StatementWithEffects> statements) {
        public LocalMigration {
            statements = List.copyOf(statements);
        }
    }
}
