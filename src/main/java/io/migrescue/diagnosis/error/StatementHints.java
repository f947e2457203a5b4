package io.migrescue.diagnosis.error;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Two messages name an object without saying what kind it is; the failing statement (or, without one, the
 * naming conventions of the tools) tells.
 * <ul>
 * <li>PostgreSQL 42P07 {@code relation "n" already exists}: tables, indexes and the indexes behind PRIMARY KEY and
 * UNIQUE constraints share one namespace per schema, so {@code n} may be any of them.</li>
 * <li>MySQL 1091 {@code Can't DROP 'n'; check that column/key exists}: a column, an index or a foreign key.</li>
 * </ul>
 */
final class StatementHints {
    enum Slot {
        TABLE,
        INDEX,
        CONSTRAINT,
        COLUMN
    }

    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern CREATE_INDEX =
            Pattern.compile("\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_KEY_CONSTRAINT = Pattern.compile(
            "\\bADD\\s+(?:CONSTRAINT\\s+\\S+\\s+)?(?:PRIMARY\\s+KEY|UNIQUE|EXCLUDE)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE =
            Pattern.compile("\\bCREATE\\s+(?:\\w+\\s+)*?TABLE\\b", Pattern.CASE_INSENSITIVE);

    private StatementHints() {}

    /** What the relation {@code name} of a 42P07 is: the table (or view, sequence) being created, an index, or a constraint's index. */
    static Slot collidingRelation(String name, String statement, String wrapper) {
        String sql = statement == null ? "" : COMMENTS.matcher(statement).replaceAll(" ");
        String n = nameIn(name);
        if (find("\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + n, sql)
                || find("\\bALTER\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?\\S+\\s+RENAME\\s+TO\\s+" + n, sql)) {
            return Slot.INDEX;
        }
        if (find("\\bCONSTRAINT\\s+" + n + "\\s*(?:PRIMARY\\s+KEY|UNIQUE|EXCLUDE)", sql)
                || find("\\bRENAME\\s+CONSTRAINT\\s+\\S+\\s+TO\\s+" + n, sql)) {
            return Slot.CONSTRAINT;
        }
        if (find(
                        "\\bCREATE\\s+(?:\\w+\\s+)*?(?:TABLE|VIEW|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\\S+\\.)?"
                                + n,
                        sql)
                || find("\\bRENAME\\s+TO\\s+" + n, sql)) {
            return Slot.TABLE;
        }
        // The name is not in the statement: the server made it up (CREATE INDEX ON t (c), ADD PRIMARY KEY, id serial).
        if (CREATE_INDEX.matcher(sql).find() && !CREATE_TABLE.matcher(sql).find()) {
            return Slot.INDEX;
        }
        if (ADD_KEY_CONSTRAINT.matcher(sql).find()) {
            return Slot.CONSTRAINT;
        }
        return byNamingConvention(name, wrapper);
    }

    /** What {@code name} of a MySQL 1091 is, from the DROP clause that names it; a key (index) when unknown. */
    static Slot droppedObject(String name, String statement) {
        if (statement != null) {
            String n = nameIn(name);
            if (find("\\bDROP\\s+FOREIGN\\s+KEY\\s+(?:IF\\s+EXISTS\\s+)?" + n, statement)
                    || find("\\bDROP\\s+(?:CONSTRAINT|CHECK)\\s+(?:IF\\s+EXISTS\\s+)?" + n, statement)) {
                return Slot.CONSTRAINT;
            }
            if (find("\\bDROP\\s+(?:INDEX|KEY)\\s+(?:IF\\s+EXISTS\\s+)?" + n, statement)) {
                return Slot.INDEX;
            }
            if (find("\\bDROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + n, statement)) {
                return Slot.COLUMN;
            }
        }
        return Slot.INDEX;
    }

    /**
     * Without a statement: PostgreSQL names the index of a PRIMARY KEY {@code t_pkey} and of a UNIQUE constraint
     * {@code t_c_key}; Laravel names unique constraints {@code t_c_unique} and indexes {@code t_c_index}; Rails
     * {@code index_t_on_c}; Prisma creates its {@code T_c_key} uniques as plain unique indexes.
     */
    private static Slot byNamingConvention(String name, String wrapper) {
        String n = name.toLowerCase(Locale.ROOT);
        if ("prisma".equals(wrapper) && n.endsWith("_key")) {
            return Slot.INDEX;
        }
        if (n.endsWith("_idx")
                || n.endsWith("_index")
                || n.startsWith("idx_")
                || n.startsWith("ix_")
                || n.startsWith("index_")) {
            return Slot.INDEX;
        }
        if (n.endsWith("_pkey")
                || n.endsWith("_key")
                || n.endsWith("_unique")
                || n.endsWith("_uniq")
                || n.endsWith("_excl")
                || n.startsWith("pk_")
                || n.startsWith("uq_")
                || n.startsWith("uk_")) {
            return Slot.CONSTRAINT;
        }
        return Slot.TABLE;
    }

    /** The name as it may be written in SQL: bare, or in double quotes or backticks, not followed by more of a name. */
    private static String nameIn(String name) {
        String q = Pattern.quote(name);
        return "(?:\"" + q + "\"|`" + q + "`|" + q + "(?![\\w$]))";
    }

    private static boolean find(String regex, String sql) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(sql).find();
    }
}
