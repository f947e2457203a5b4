package io.migrescue.diagnosis.error;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The properties Node prints after an error's stack: node-postgres ({@code severity: 'ERROR', code: '42P07',
 * detail: …}) and mysql/mysql2 ({@code code: 'ER_TABLE_EXISTS_ERROR', errno: 1050, sqlState: '42S01', sql: …,
 * sqlMessage: …}). node-postgres also prints {@code line: '1146'}: a line of PostgreSQL's source, not of a migration.
 */
final class NodeErrorDump {
    private static final Pattern PROPERTY = Pattern.compile(
            "^\\s*(?<key>\\w+): (?:'(?<sq>[^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+)'|\"(?<dq>[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|(?<bare>[\\w.-]+)),?\\s*$");
    private static final Pattern START = Pattern.compile("(?m)^\\s*(?:length|severity|code|errno|sqlState): ");

    final Map<String, String> values = new HashMap<>();
    int start = -1;
    int end = -1;

    private NodeErrorDump() {}

    /** The first dump at or after {@code from}, or null. */
    static NodeErrorDump find(String text, int from) {
        Matcher s = START.matcher(text);
        if (!s.find(from)) {
            return null;
        }
        NodeErrorDump dump = new NodeErrorDump();
        dump.start = s.start();
        int at = s.start();
        int misses = 0;
        while (at < text.length() && misses < 2) {
            int lineEnd = Text.lineEnd(text, at);
            Matcher p = PROPERTY.matcher(text.substring(at, lineEnd));
            if (p.matches()) {
                String v =
                        p.group("sq") != null ? p.group("sq") : p.group("dq") != null ? p.group("dq") : p.group("bare");
                if (!v.equals("undefined") && !v.equals("null")) {
                    dump.values.putIfAbsent(
                            p.group("key"),
                            v.replace("\\'", "'").replace("\\\"", "\"").replace("\\n", "\n"));
                }
                dump.end = lineEnd;
                misses = 0;
            } else {
                misses++;
            }
            at = lineEnd + 1;
        }
        return dump.values.isEmpty() ? null : dump;
    }

    String get(String key) {
        return values.get(key);
    }

    boolean postgres() {
        return values.containsKey("severity")
                || (get("code") != null && get("code").matches("[0-9A-Z]{5}"));
    }

    /** Copies the codes (and node-postgres' DETAIL and HINT) into the draft. */
    void copyTo(ErrorDraft d) {
        String code = get("code");
        if (postgres()) {
            d.sqlState(code);
            if (d.detail == null) {
                d.detail = get("detail");
            }
            if (d.hint == null) {
                d.hint = get("hint");
            }
        } else {
            d.sqlState(get("sqlState"));
            d.vendorCode(get("errno") != null ? Text.toInt(get("errno")) : MySqlSymbols.code(code));
        }
        d.end = Math.max(d.end, end);
    }
}
