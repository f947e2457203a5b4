package io.migrescue.diagnosis.error;

import static io.migrescue.diagnosis.FindingKind.*;

import io.migrescue.diagnosis.FindingKind;
import java.util.EnumMap;
import java.util.Map;

/** What each finding kind means, in one line an on-call engineer can act on. */
final class FindingExplanations {
    private static final Map<FindingKind, String> EXPLANATIONS = explanations();

    private FindingExplanations() {}

    static String of(FindingKind kind) {
        return EXPLANATIONS.get(kind);
    }

    private static Map<FindingKind, String> explanations() {
        Map<FindingKind, String> m = new EnumMap<>(FindingKind.class);
        m.put(
                FAILED_MIGRATION,
                "The migration tool recorded a failed run and will not go on until it is resolved (Flyway repair, "
                        + "Prisma migrate resolve); on MySQL/MariaDB first check which of its statements did apply.");
        m.put(
                DIRTY_VERSION,
                "golang-migrate started this version and never finished it: make the schema match the previous "
                        + "version or this one, then 'migrate force' that version.");
        m.put(
                STUCK_LOCK,
                "A migration lock is still held, usually by a run that was killed (Liquibase and Knex locks never expire); "
                        + "release it only once no migration is running.");
        m.put(
                PARTIALLY_APPLIED,
                "Some statements of the failed migration are in effect and others are not (MySQL/MariaDB commit "
                        + "each DDL statement): complete or undo the applied part before rerunning.");
        m.put(
                DUPLICATE_CONSTRAINT_NAME,
                "A constraint with this name already exists. On MySQL/MariaDB foreign-key names are unique "
                        + "per schema, not per table, and RENAME TABLE keeps them: a table renamed to a backup still owns the names the new "
                        + "table wants (MariaDB errno 121, MySQL 1826).");
        m.put(
                TABLE_ALREADY_EXISTS,
                "The table the migration creates is already there, often from an earlier partial run or made "
                        + "by hand: compare it with what the migration would create before dropping or marking anything.");
        m.put(
                MISSING_TABLE,
                "The table is not where the statement looked: never created here, renamed or dropped, or in another "
                        + "schema / off the search_path.");
        m.put(
                DUPLICATE_COLUMN,
                "The column already exists, usually added by an earlier partial run: check its type matches the "
                        + "migration's before skipping the statement.");
        m.put(
                MISSING_COLUMN,
                "The column does not exist on that table: the migration that adds it did not run here, or it was "
                        + "renamed or dropped.");
        m.put(
                DUPLICATE_INDEX_NAME,
                "An index with this name already exists (on PostgreSQL it shares one namespace with tables in the "
                        + "schema), perhaps from a partial run or with a different definition.");
        m.put(
                MISSING_OBJECT_ON_DROP,
                "The migration drops a column, index or constraint that is not there: already dropped, never "
                        + "created, or named differently on this database.");
        m.put(
                FK_INCOMPATIBLE,
                "The foreign key cannot be created as written: the columns differ in type, length, signedness, charset "
                        + "or collation, or the referenced columns lack a (unique) index.");
        m.put(
                FK_ORPHAN_ROWS,
                "Existing child rows point at parent keys that do not exist, so the foreign key cannot be added: back "
                        + "up and fix or remove the orphans first.");
        m.put(
                DUPLICATE_ROWS,
                "Existing rows hold duplicate values for the new unique index or key: deduplicate them first.");
        m.put(
                NULL_VALUES,
                "Existing rows hold NULL in a column the migration makes NOT NULL: backfill them first (a MySQL 1265 "
                        + "'Data truncated' may instead be values a narrower type cannot hold: TYPE_CONVERSION).");
        m.put(
                CHECK_VIOLATION,
                "Existing rows fail the new CHECK constraint's expression, so the server refuses to add "
                        + "it: change those rows first (or, on PostgreSQL, add it NOT VALID and validate it once they are fixed).");
        m.put(
                TYPE_CONVERSION,
                "Existing values of the column do not convert to its new type (not a number, too long, out of range), "
                        + "or PostgreSQL has no automatic cast: fix or move those values first (back them up), or add "
                        + "USING with an explicit conversion.");
        m.put(
                DEPENDENT_OBJECTS,
                "Other objects (foreign keys, views, indexes) depend on what the migration drops or changes: deal "
                        + "with them first rather than cascading blindly.");
        m.put(
                KEY_TOO_LONG,
                "The index key is longer than InnoDB allows (3072 bytes, 767 with old row formats); a utf8mb4 "
                        + "VARCHAR(255) already needs 1020 bytes: shorten the column or index a prefix.");
        m.put(
                LOCK_TIMEOUT,
                "The statement waited too long for a lock or deadlocked; a DDL on MySQL may wait on a metadata lock held "
                        + "by any open transaction on the table. Find the blocker before retrying.");
        m.put(
                STATEMENT_TIMEOUT,
                "The statement ran past the statement timeout and was cancelled: rerun it with a longer timeout or "
                        + "in a form that does not rewrite the table.");
        m.put(
                INVALID_INDEX,
                "A PostgreSQL index is left invalid by a failed CREATE INDEX CONCURRENTLY: it is maintained on every "
                        + "write but never used; drop it and create it again.");
        m.put(
                TRANSACTION_CONTEXT,
                "The statement cannot run where it ran: CREATE INDEX CONCURRENTLY inside a transaction block "
                        + "(25001), or anything after an earlier error in the same transaction (25P02: look for the first error).");
        m.put(
                PERMISSION_DENIED,
                "The migration's database user lacks a privilege it needs; on PostgreSQL 15+ ordinary users no "
                        + "longer have CREATE on the public schema.");
        m.put(
                CHECKSUM_MISMATCH,
                "A migration file changed after it was applied: restore the file, or record the new checksum if "
                        + "the change is intended and harmless.");
        m.put(
                UNRECORDED_MIGRATIONS,
                "Migrations the tool has not recorded are already in effect (the schema was made with push, "
                        + "by hand or restored from a dump): the tool's next run fails creating what exists; record them as the tool would.");
        m.put(
                LOST_REVISION,
                "The history names a version whose migration file is gone: the tool cannot tell where the database "
                        + "is; find the version whose effects the live schema holds and stamp that one.");
        m.put(
                MULTIPLE_HEADS,
                "The revision scripts branch into more than one head: the tool refuses to upgrade to 'head' until "
                        + "the branches are merged in code (alembic merge).");
        m.put(
                RENAMED_MIGRATION,
                "An applied migration's file was renamed: the tool no longer finds the file it recorded "
                        + "(Knex: 'the migration directory is corrupt'); point the history row at the new name.");
        m.put(
                MISSING_MIGRATION_FILE,
                "The history names an applied migration whose file is gone and no file could be it: "
                        + "restore the file, or mark the migration deleted as the tool would once the schema agrees.");
        m.put(
                OUT_OF_ORDER_MIGRATION,
                "A migration older than the newest applied one was never applied (a branch merged late): "
                        + "the tool skips or refuses it; apply it, or record it when its effects are already there.");
        m.put(
                SCHEMA_DRIFT,
                "The live schema differs from what the migrations or a reference database say: changes made by hand "
                        + "or migrations applied unevenly across environments.");
        return m;
    }
}
