package io.migrescue.sql;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Narrow, token-level edits that let JSqlParser 5.3 parse real-world DDL it rejects. Each rule removes or renames
 * words that do not change which object a statement creates, renames or drops; each is covered by a test in
 * {@code JSqlParserWorkaroundsTest}. Rules act on top-level tokens only, so nothing inside quotes or parentheses
 * moves, and never on a column's name, which may be {@code visible} or {@code match}.
 */
final class Rewrites {

    private Rewrites() {}

    /** A table element (column or constraint definition), or the definition after ALTER TABLE … ADD. */
    static String element(Tokens el, BitSet alreadyDropped) {
        BitSet drop = (BitSet) alreadyDropped.clone();
        for (int i = el.is(0, "CONSTRAINT") ? 0 : 1; i < el.size(); i++) {
            if (drop.get(i) || !el.atTop(i)) {
                continue;
            }
            // PostgreSQL: when a constraint is checked, not whether it exists
            if (el.is(i, "NOT", "DEFERRABLE") || el.is(i, "INITIALLY")) {
                drop.set(i, i + 2);
            } else if (el.is(i, "DEFERRABLE")) {
                drop.set(i);
            } else if (el.is(i, "NOT", "VALID")) { // PostgreSQL: the constraint exists, unvalidated
                drop.set(i, i + 2);
            } else if (el.is(i, "NO", "INHERIT")) { // PostgreSQL CHECK on partitions and children
                drop.set(i, i + 2);
            } else if (el.is(i, "NOT", "ENFORCED")) { // MySQL 8 CHECK: exists, not enforced
                drop.set(i, i + 2);
            } else if (el.is(i, "ENFORCED")) {
                drop.set(i);
            } else if (el.is(i, "MATCH") && i + 1 < el.size()) { // FOREIGN KEY … MATCH FULL|SIMPLE|PARTIAL
                drop.set(i, i + 2);
            } else if (el.is(i, "INVISIBLE") || el.is(i, "VISIBLE")) { // MySQL 8 / MariaDB column visibility
                drop.set(i);
            } else if (el.is(i, "IDENTITY", "(")) { // PostgreSQL identity sequence options
                drop.set(i + 1, el.closing(i + 1) + 1);
            } else if (el.is(i, "USING")
                    && el.is(i + 2, "(")
                    && (el.is(i - 2, "PRIMARY", "KEY") || el.is(i - 1, "UNIQUE"))) {
                drop.set(i, i + 2); // MySQL PRIMARY KEY USING BTREE (…)
            } else if (el.is(i, "FOREIGN", "KEY", "IF", "NOT", "EXISTS")) { // MariaDB
                drop.set(i + 2, i + 5);
            } else if (el.is(i, "FOREIGN", "KEY")
                    && i + 3 < el.size()
                    && el.get(i + 2).isName()
                    && el.is(i + 3, "(")) {
                drop.set(i + 2); // MySQL index name of a foreign key, ignored by MySQL 8.0.16+ as well
            } else if (el.is(i, "CONSTRAINT", "IF", "NOT", "EXISTS")) { // MariaDB ADD CONSTRAINT IF NOT EXISTS
                drop.set(i + 1, i + 4);
            } else if (el.is(i, "CONSTRAINT")
                    && (el.is(i + 1, "PRIMARY")
                            || el.is(i + 1, "UNIQUE")
                            || el.is(i + 1, "FOREIGN")
                            || el.is(i + 1, "CHECK"))) {
                drop.set(i); // MySQL: CONSTRAINT without a name
            } else if (el.is(i, "UNIQUE") && (el.is(i + 1, "KEY") || el.is(i + 1, "INDEX"))) {
                // CONSTRAINT c UNIQUE KEY|INDEX [name] (…): a unique constraint named c
                drop.set(i + 1, el.is(i + 3, "(") ? i + 3 : i + 2);
            }
        }
        return el.rewritten(i -> drop.get(i) ? null : el.get(i).text());
    }

    /** One ALTER TABLE action (the text between top-level commas) that goes to JSqlParser. */
    static String alterAction(Tokens a) {
        BitSet drop = new BitSet();
        Map<Integer, String> replace = new HashMap<>();
        if (a.is(0, "DROP", "FOREIGN", "KEY")) {
            // JSqlParser wants a column list after DROP FOREIGN KEY; for MySQL it names a constraint
            replace.put(1, "CONSTRAINT");
            drop.set(2);
        } else if (a.is(0, "DROP", "CHECK")) { // MySQL 8.0.19
            replace.put(1, "CONSTRAINT");
        } else if ((a.is(0, "DROP", "INDEX") || a.is(0, "DROP", "KEY")) && a.is(2, "IF", "EXISTS")) { // MariaDB
            drop.set(2, 4);
        } else if (a.is(0, "ALTER")) {
            int type = a.find("TYPE", 1);
            if (type > 1 && a.is(type - 2, "SET", "DATA")) { // PostgreSQL SET DATA TYPE is TYPE
                drop.set(type - 2, type);
            }
            int using = a.find("USING", 1);
            if (type > 0 && using > type) { // the conversion expression; JSqlParser rejects casts there
                drop.set(using, a.size());
            }
        } else if (a.is(0, "RENAME", "AS")) { // MySQL
            replace.put(1, "TO");
        } else if (a.is(0, "RENAME") && a.size() >= 2 && a.get(1).isName() && !isRenameTarget(a)) {
            replace.put(0, "RENAME TO"); // MySQL RENAME new_name
        }
        return a.rewritten(
                i -> drop.get(i) ? null : replace.getOrDefault(i, a.get(i).text()));
    }

    /** Whether RENAME is followed by its own keyword (TO, COLUMN, INDEX, KEY, CONSTRAINT) or by "a TO b". */
    private static boolean isRenameTarget(Tokens a) {
        return a.is(1, "TO")
                || a.is(1, "COLUMN")
                || a.is(1, "INDEX")
                || a.is(1, "KEY")
                || a.is(1, "CONSTRAINT")
                || a.find("TO", 2) > 0;
    }
}
