package io.migrescue.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: the {@code USING expr} of {@code ALTER COLUMN c [SET DATA] TYPE t USING expr} for one column, from the
 * migration's statement text: the clauses are split at top-level commas (not inside parentheses or quotes).
 */
final class UsingClause {
    private static final Pattern CLAUSE = Pattern.compile(
            "(?is)^\\s*(?:ALTER\\s+TABLE\\s+.*?\\s+)?ALTER\\s+(?:COLUMN\\s+)?(\"(?:[^\"]|\"\")+\"|[^\\s\"]+)\\s+"
                    + "(?:SET\\s+DATA\\s+)?TYPE\\s+.*?\\bUSING\\b\\s*(.+?)\\s*;?\\s*$");

    private UsingClause() {}

    /** The expression, or null when the statement gives none for that column (or is not known). */
    static String of(String statement, String column) {
        if (statement == null) {
            return null;
        }
        for (String clause : clauses(statement)) {
            Matcher m = CLAUSE.matcher(clause);
            if (m.matches() && sameColumn(m.group(1), column)) {
                return m.group(2);
            }
        }
        return null;
    }

    private static boolean sameColumn(String written, String column) {
        return written.startsWith("\"")
                ? written.substring(1, written.length() - 1)
                        .replace("\"\"", "\"")
                        .equals(column)
                : written.toLowerCase(Locale.ROOT).equals(column);
    }

    private static List<String> clauses(String statement) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < statement.length(); i++) {
            char ch = statement.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(statement.substring(start, i));
                start = i + 1;
            }
        }
        out.add(statement.substring(start));
        return out;
    }
}
