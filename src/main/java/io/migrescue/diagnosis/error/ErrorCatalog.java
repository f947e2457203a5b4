package io.migrescue.diagnosis.error;

import static io.migrescue.diagnosis.FindingKind.*;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a parsed error to its finding kind (findings.md), and says in one line what each kind means.
 * <p>
 * The order of evidence: tool-level messages (a dirty golang-migrate version, a failed migration recorded by Flyway
 * or Prisma, a Liquibase lock); then the MySQL/MariaDB error number; then a PostgreSQL SQLSTATE; then, when the
 * wrapper dropped both (Django on PostgreSQL, Rails' Mysql2, golang-migrate's {@code pq:}), the server message
 * template; last MySQL's own SQLSTATEs (42S01, 42S02, …). Some codes cover more than one situation and the message
 * decides: 1005/1025 by errno (121 duplicate name, 150 foreign key), 42P07 by what the colliding relation is
 * ({@link StatementHints}), 42710 and 42804 only when the message is about a constraint or foreign key.
 */
public final class ErrorCatalog {
    private static final Map<Integer, FindingKind> VENDOR_CODES = Map.ofEntries(
            Map.entry(1826, DUPLICATE_CONSTRAINT_NAME),
            Map.entry(1022, DUPLICATE_CONSTRAINT_NAME),
            Map.entry(1050, TABLE_ALREADY_EXISTS),
            Map.entry(1146, MISSING_TABLE),
            Map.entry(1051, MISSING_TABLE),
            Map.entry(1824, MISSING_TABLE),
            Map.entry(1060, DUPLICATE_COLUMN),
            Map.entry(1054, MISSING_COLUMN),
            Map.entry(1061, DUPLICATE_INDEX_NAME),
            Map.entry(1091, MISSING_OBJECT_ON_DROP),
            Map.entry(3940, MISSING_OBJECT_ON_DROP),
            Map.entry(1215, FK_INCOMPATIBLE),
            Map.entry(3780, FK_INCOMPATIBLE),
            Map.entry(1822, FK_INCOMPATIBLE),
            Map.entry(6125, FK_INCOMPATIBLE),
            Map.entry(1452, FK_ORPHAN_ROWS),
            Map.entry(1062, DUPLICATE_ROWS),
            Map.entry(1138, NULL_VALUES),
            Map.entry(1265, NULL_VALUES),
            Map.entry(1048, NULL_VALUES),
            Map.entry(3819, CHECK_VIOLATION),
            Map.entry(1553, DEPENDENT_OBJECTS),
            Map.entry(1828, DEPENDENT_OBJECTS),
            Map.entry(1829, DEPENDENT_OBJECTS),
            Map.entry(1832, DEPENDENT_OBJECTS),
            Map.entry(1833, DEPENDENT_OBJECTS),
            Map.entry(3730, DEPENDENT_OBJECTS),
            Map.entry(1071, KEY_TOO_LONG),
            Map.entry(1205, LOCK_TIMEOUT),
            Map.entry(1213, LOCK_TIMEOUT),
            Map.entry(3024, STATEMENT_TIMEOUT),
            Map.entry(1969, STATEMENT_TIMEOUT),
            Map.entry(1142, PERMISSION_DENIED),
            Map.entry(1044, PERMISSION_DENIED));

    private static final Map<String, FindingKind> SQL_STATES = Map.ofEntries(
            Map.entry("42710", DUPLICATE_CONSTRAINT_NAME),
            Map.entry("42P07", TABLE_ALREADY_EXISTS),
            Map.entry("42P01", MISSING_TABLE),
            Map.entry("42701", DUPLICATE_COLUMN),
            Map.entry("42703", MISSING_COLUMN),
            Map.entry("42704", MISSING_OBJECT_ON_DROP),
            Map.entry("42804", FK_INCOMPATIBLE),
            Map.entry("42830", FK_INCOMPATIBLE),
            Map.entry("23503", FK_ORPHAN_ROWS),
            Map.entry("23505", DUPLICATE_ROWS),
            Map.entry("23502", NULL_VALUES),
            Map.entry("23514", CHECK_VIOLATION),
            Map.entry("2BP01", DEPENDENT_OBJECTS),
            Map.entry("55P03", LOCK_TIMEOUT),
            Map.entry("40P01", LOCK_TIMEOUT),
            Map.entry("57014", STATEMENT_TIMEOUT),
            Map.entry("25001", TRANSACTION_CONTEXT),
            Map.entry("25P02", TRANSACTION_CONTEXT),
            Map.entry("42501", PERMISSION_DENIED),
            // MySQL's own states, for drivers that give the state but not the number
            Map.entry("42S01", TABLE_ALREADY_EXISTS),
            Map.entry("42S02", MISSING_TABLE),
            Map.entry("42S21", DUPLICATE_COLUMN),
            Map.entry("42S22", MISSING_COLUMN));

    private static final Pattern DIRTY = Pattern.compile("^Dirty database version \\d+");
    private static final Pattern FAILED = Pattern.compile(
            "^Detected failed (?:repeatable )?migration|^The `[^`]+` migration started at .* failed|found failed migrations");
    private static final Pattern LOCK = Pattern.compile("^(?:Could not acquire|Waiting for) change ?log lock");
    private static final Pattern CHECKSUM = Pattern.compile("^Migration checksum mismatch");
    private static final Pattern RELATION = Pattern.compile("relation \"([^\"]+)\" already exists");

    private static final Map<FindingKind, String> EXPLANATIONS = explanations();

    private ErrorCatalog() {}

    /** The finding kind of {@code e}, or empty when its code or message is not one migrescue has a finding for. */
    public static Optional<FindingKind> classify(ParsedError e) {
        String message = e.message() == null ? "" : e.message();
        if (DIRTY.matcher(message).find()) {
            return Optional.of(DIRTY_VERSION);
        }
        if (FAILED.matcher(message).find()) {
            return Optional.of(FAILED_MIGRATION);
        }
        if (LOCK.matcher(message).find()) {
            return Optional.of(STUCK_LOCK);
        }
        if (CHECKSUM.matcher(message).find()) {
            return Optional.of(CHECKSUM_MISMATCH);
        }
        if (e.vendorCode() != null) {
            return byVendorCode(e.vendorCode(), e.errno());
        }
        if (SqlStates.postgresOnly(e.sqlState()) && SQL_STATES.containsKey(e.sqlState())) {
            return byState(e.sqlState(), e);
        }
        Optional<ServerMessages.Match> template =
                ServerMessages.match(e.message(), e.detail(), e.statement(), e.wrapper());
        if (template.isPresent()) {
            ServerMessages.Match m = template.get();
            return m.family() == ServerMessages.Family.MYSQL
                    ? byVendorCode(Integer.valueOf(m.code()), e.errno() != null ? e.errno() : m.errno())
                    : byState(m.code(), e);
        }
        return e.sqlState() == null ? Optional.empty() : Optional.ofNullable(SQL_STATES.get(e.sqlState()));
    }

    /** One line an on-call engineer can act on. */
    public static String explain(FindingKind kind) {
        return EXPLANATIONS.get(kind);
    }

    private static Optional<FindingKind> byVendorCode(int code, Integer errno) {
        if (code == 1005 || code == 1025) {
            // "Can't create table … (errno: n)" and "Error on rename … (errno: n)": InnoDB's errno says why
            if (errno != null && errno == 121) {
                return Optional.of(DUPLICATE_CONSTRAINT_NAME);
            }
            return errno != null && errno == 150 ? Optional.of(FK_INCOMPATIBLE) : Optional.empty();
        }
        return Optional.ofNullable(VENDOR_CODES.get(code));
    }

    private static Optional<FindingKind> byState(String state, ParsedError e) {
        String message = e.message();
        switch (state) {
            case "42P07" -> {
                Matcher relation = RELATION.matcher(message == null ? "" : message);
                if (!relation.find()) {
                    return Optional.of(TABLE_ALREADY_EXISTS);
                }
                return Optional.of(
                        switch (StatementHints.collidingRelation(relation.group(1), e.statement(), e.wrapper())) {
                            case INDEX -> DUPLICATE_INDEX_NAME;
                            case CONSTRAINT -> DUPLICATE_CONSTRAINT_NAME;
                            default -> TABLE_ALREADY_EXISTS;
                        });
            }
            // duplicate_object also covers types, triggers, roles; datatype_mismatch also covers INSERT values
            case "42710" -> {
                return about(message, "constraint") ? Optional.of(DUPLICATE_CONSTRAINT_NAME) : Optional.empty();
            }
            case "42804" -> {
                return about(message, "foreign key") ? Optional.of(FK_INCOMPATIBLE) : Optional.empty();
            }
            // query_canceled is also a user's cancel, which is no timeout
            case "57014" -> {
                return message != null && message.contains("user request")
                        ? Optional.empty()
                        : Optional.of(STATEMENT_TIMEOUT);
            }
            default -> {
                return Optional.ofNullable(SQL_STATES.get(state));
            }
        }
    }

    /** True when there is no message to contradict the code, or the message is about {@code subject}. */
    private static boolean about(String message, String subject) {
        return message == null || message.contains(subject);
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
                "Existing rows hold NULL (or values that no longer fit) in a column the migration makes NOT NULL or "
                        + "narrows: backfill them first.");
        m.put(
                CHECK_VIOLATION,
                "Existing rows fail the new CHECK constraint's expression, so the server refuses to add "
                        + "it: change those rows first (or, on PostgreSQL, add it NOT VALID and validate it once they are fixed).");
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
