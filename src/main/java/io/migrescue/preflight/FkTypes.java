package io.migrescue.preflight;

import io.migrescue.diagnosis.TypeFit;
import io.migrescue.model.Engine;

/**
 * Whether a foreign key column's type fits the referenced column's. MySQL/MariaDB want integer types of the same size
 * and sign (errno 150 / error 3780); PostgreSQL wants types with an equality operator between them, which the common
 * families have within themselves (42804 across them). A type not recognised is taken to fit: no guess, no alarm.
 */
final class FkTypes {
    private FkTypes() {}

    static boolean fit(Engine engine, String child, String parent) {
        if (child == null || parent == null) {
            return true;
        }
        String a = normal(child);
        String b = normal(parent);
        String fa = family(a);
        String fb = family(b);
        if (fa == null || fb == null) {
            return true;
        }
        if (!fa.equals(fb)) {
            return false;
        }
        return engine == Engine.POSTGRESQL || !fa.equals("integer") || a.equals(b);
    }

    static String normal(String type) {
        return TypeFit.normal(type);
    }

    private static String family(String t) {
        if (t.matches("(tinyint|smallint|mediumint|int|bigint)( unsigned)?")) {
            return "integer";
        }
        if (t.matches("(numeric|decimal)(\\(.*\\))?")) {
            return "integer"; // PostgreSQL compares numeric with the integers; MySQL rejects the pair as integer types
            // differ
        }
        if (t.matches("(character varying|varchar|char|character|text|nvarchar|nchar|citext)(\\(\\d+\\))?")) {
            return "text";
        }
        if (t.equals("uuid")) {
            return "uuid";
        }
        if (t.matches("(date|datetime|timestamp)(\\(\\d\\))?( with(out)? time zone)?")) {
            return "time";
        }
        return null;
    }
}
