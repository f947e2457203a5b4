package io.migrescue.diagnosis.error;

import io.migrescue.diagnosis.FindingKind;
import io.migrescue.diagnosis.ParsedError;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Errors a change of a column's type raises over existing rows: PostgreSQL 42804 "cannot be cast automatically",
 * 22P02/22003/22001/22007/22008 on values that do not convert; MySQL/MariaDB 1366, 1292, 1264, 1406, and 1265. The
 * value errors are also what an INSERT or UPDATE of a bad value raises: when the failing statement is known and is no
 * ALTER TABLE, they are not a type change. MySQL 1265 ("Data truncated") is also what a NOT NULL change over NULLs
 * raises: a type change only when the statement changes a column without making it NOT NULL (with NOT NULL it stays
 * {@link FindingKind#NULL_VALUES}, and the diagnosis asks the catalog which of the two it is).
 */
final class TypeChanges {
    private static final Set<Integer> VALUE_CODES = Set.of(1366, 1292, 1264, 1406);
    private static final Set<String> VALUE_STATES = Set.of("22P02", "22003", "22001", "22007", "22008");
    private static final Pattern ALTER_TABLE = Pattern.compile("^\\s*ALTER\\s+TABLE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGES_COLUMN = Pattern.compile(
            "\\b(?:MODIFY|CHANGE|ALTER)\\s+(?:COLUMN\\s+)?\\S+\\s+(?:\\S+\\s+)?(?:SET\\s+DATA\\s+)?TYPE\\b|\\bMODIFY\\b|\\bCHANGE\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_NULL = Pattern.compile("\\bNOT\\s+NULL\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    private TypeChanges() {}

    /** The kind of a MySQL-family error number this class {@link #decides(int) decides}. */
    static Optional<FindingKind> byVendorCode(int code, ParsedError e) {
        if (VALUE_CODES.contains(code)) {
            return valueError(e);
        }
        if (code == 1265) {
            String sql = statement(e);
            boolean typeChange = sql != null
                    && ALTER_TABLE.matcher(sql).find()
                    && CHANGES_COLUMN.matcher(sql).find()
                    && !NOT_NULL.matcher(sql).find();
            return Optional.of(typeChange ? FindingKind.TYPE_CONVERSION : FindingKind.NULL_VALUES);
        }
        return Optional.empty();
    }

    static boolean decides(int code) {
        return code == 1265 || VALUE_CODES.contains(code);
    }

    static boolean decides(String state) {
        return VALUE_STATES.contains(state);
    }

    /** PostgreSQL 42804 about a column's cast, or a value error. */
    static Optional<FindingKind> byState(String state, ParsedError e) {
        if ("42804".equals(state)) {
            return e.message() != null && e.message().contains("cannot be cast automatically")
                    ? Optional.of(FindingKind.TYPE_CONVERSION)
                    : Optional.empty();
        }
        return VALUE_STATES.contains(state) ? valueError(e) : Optional.empty();
    }

    private static Optional<FindingKind> valueError(ParsedError e) {
        String sql = statement(e);
        return sql == null || ALTER_TABLE.matcher(sql).find()
                ? Optional.of(FindingKind.TYPE_CONVERSION)
                : Optional.empty();
    }

    private static String statement(ParsedError e) {
        return e.statement() == null
                ? null
                : Text.trimToNull(COMMENTS.matcher(e.statement()).replaceAll(" "));
    }
}
