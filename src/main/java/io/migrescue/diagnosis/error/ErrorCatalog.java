package io.migrescue.diagnosis.error;

import static io.migrescue.diagnosis.FindingKind.*;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
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
 * ({@link StatementHints}), 42710 and 42804 only when the message is about a constraint or foreign key (or, 42804, a
 * column's cast), and the errors of a type change over existing rows by the failing statement ({@link TypeChanges}).
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
            Map.entry(1048, NULL_VALUES),
            Map.entry(3819, CHECK_VIOLATION),
            Map.entry(4025, CHECK_VIOLATION),
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
    private static final Pattern CHECKSUM =
            Pattern.compile("^(?:Migration checksum mismatch|Validation Failed: \\d+ changesets check sum)");
    private static final Pattern RELATION = Pattern.compile("relation \"([^\"]+)\" already exists");

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
            return byVendorCode(e.vendorCode(), e.errno(), e);
        }
        if (SqlStates.postgresOnly(e.sqlState())
                && (SQL_STATES.containsKey(e.sqlState()) || TypeChanges.decides(e.sqlState()))) {
            return byState(e.sqlState(), e);
        }
        Optional<ServerMessages.Match> template =
                ServerMessages.match(e.message(), e.detail(), e.statement(), e.wrapper());
        if (template.isPresent()) {
            ServerMessages.Match m = template.get();
            return m.family() == ServerMessages.Family.MYSQL
                    ? byVendorCode(Integer.valueOf(m.code()), e.errno() != null ? e.errno() : m.errno(), e)
                    : byState(m.code(), e);
        }
        return e.sqlState() == null ? Optional.empty() : Optional.ofNullable(SQL_STATES.get(e.sqlState()));
    }

    /** One line an on-call engineer can act on. */
    public static String explain(FindingKind kind) {
        return FindingExplanations.of(kind);
    }

    private static Optional<FindingKind> byVendorCode(int code, Integer errno, ParsedError e) {
        if (TypeChanges.decides(code)) {
            return TypeChanges.byVendorCode(code, e);
        }
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
                if (message != null && message.contains("cannot be cast automatically")) {
                    return TypeChanges.byState(state, e);
                }
                return about(message, "foreign key") ? Optional.of(FK_INCOMPATIBLE) : Optional.empty();
            }
            // query_canceled is also a user's cancel, which is no timeout
            case "57014" -> {
                return message != null && message.contains("user request")
                        ? Optional.empty()
                        : Optional.of(STATEMENT_TIMEOUT);
            }
            default -> {
                return TypeChanges.decides(state)
                        ? TypeChanges.byState(state, e)
                        : Optional.ofNullable(SQL_STATES.get(state));
            }
        }
    }

    /** True when there is no message to contradict the code, or the message is about {@code subject}. */
    private static boolean about(String message, String subject) {
        return message == null || message.contains(subject);
    }
}
