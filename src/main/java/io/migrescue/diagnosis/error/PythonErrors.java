package io.migrescue.diagnosis.error;

import io.migrescue.model.Engine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Python drivers put in an exception message, shared by the Django and Alembic readers:
 * MySQLdb/PyMySQL's tuple {@code (1050, "Table 'x' already exists")}, mysql-connector's
 * {@code 1050 (42S01): msg}, psycopg's and asyncpg's class names ({@code psycopg2.errors.DuplicateTable}).
 */
final class PythonErrors {
    private static final Pattern TUPLE = Pattern.compile("^\\((?<code>\\d{4,5}), (?<q>['\"])(?<msg>.*?)\\k<q>\\)");
    private static final Pattern CONNECTOR =
            Pattern.compile("^(?<code>\\d{4,5}) \\((?<state>[0-9A-Z]{5})\\): (?<msg>.*)$");
    private static final Pattern PG_CLASS =
            Pattern.compile("\\b(?:psycopg2?\\.errors|asyncpg\\.exceptions)\\.(?<cond>\\w+)");

    private PythonErrors() {}

    /** Reads a MySQL-family message body; false when {@code rest} is not one. */
    static boolean readMySql(String rest, ErrorDraft d) {
        Matcher tuple = TUPLE.matcher(rest);
        if (tuple.lookingAt()) {
            d.vendorCode(Text.toInt(tuple.group("code"))).engineHint(Engine.MYSQL);
            d.message(unescape(tuple.group("msg")));
            return true;
        }
        Matcher connector = CONNECTOR.matcher(rest);
        if (connector.matches()) {
            d.vendorCode(Text.toInt(connector.group("code")))
                    .sqlState(connector.group("state"))
                    .engineHint(Engine.MYSQL);
            d.message(connector.group("msg"));
            return true;
        }
        return false;
    }

    /** The SQLSTATE of the first psycopg/asyncpg error class named in {@code text}, or null. */
    static String pgState(String text) {
        Matcher m = PG_CLASS.matcher(text);
        while (m.find()) {
            String state = PgConditionNames.sqlState(m.group("cond"));
            if (state != null) {
                return state;
            }
        }
        return null;
    }

    /** Python's repr escapes: {@code \'}, {@code \"}, {@code \\}. */
    private static String unescape(String s) {
        return s.replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
