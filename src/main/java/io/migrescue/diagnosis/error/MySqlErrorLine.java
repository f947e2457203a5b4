package io.migrescue.diagnosis.error;

import java.util.regex.Pattern;

/**
 * The MySQL client's error line and the Go driver's: {@code ERROR 1050 (42S01): msg},
 * {@code ERROR 1005 (HY000) at line 3: msg}, {@code ERROR 1826 (HY000) at line 5 in file: 'V2.sql': msg},
 * {@code Error 1050 (42S01): msg}, {@code Error 1050: msg} (older go-sql-driver).
 */
final class MySqlErrorLine {
    static final Pattern PATTERN =
            Pattern.compile("\\b(?:ERROR|Error) (?<code>\\d{4,5})(?: \\((?<state>[0-9A-Z]{5})\\))?"
                    + "(?: at line (?<line>\\d+)(?: in file: '(?<file>[^'\\n]+)')?)?: (?<message>[^\\n]*)");

    private MySqlErrorLine() {}
}
