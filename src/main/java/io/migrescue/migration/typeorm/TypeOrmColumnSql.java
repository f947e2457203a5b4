package io.migrescue.migration.typeorm;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node.Obj;
import io.migrescue.sql.Dialect;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code new TableColumn({…})} as TypeORM's query runners write it, in CREATE TABLE and in {@code addColumn}: the
 * column options {@link TableApi} knows, and the SQL of a column. An option outside {@code COLUMN_KEYS} makes the
 * column not understood.
 */
record TypeOrmColumnSql(Dialect d, boolean pg) {
    static final Set<String> COLUMN_KEYS = Set.of(
            "name",
            "type",
            "length",
            "isPrimary",
            "isGenerated",
            "generationStrategy",
            "isNullable",
            "default",
            "isUnique",
            "unsigned",
            "precision",
            "scale");
    /** {@code buildCreateColumnSql}: name, full type, NULL/NOT NULL, AUTO_INCREMENT (PostgreSQL: SERIAL), DEFAULT as written. */
    String column(Obj col, boolean inCreateTable) {
        String name = Code.str(col.get("name"));
        String type = Code.str(col.get("type"));
        if (name == null
                || type == null
                || !COLUMN_KEYS.containsAll(col.entries().keySet())) {
            return null;
        }
        boolean increment = Boolean.TRUE.equals(Code.bool(col.get("isGenerated")))
                && (col.get("generationStrategy") == null
                        || "increment".equals(Code.str(col.get("generationStrategy"))));
        if (Boolean.TRUE.equals(Code.bool(col.get("isGenerated"))) && !increment) {
            return null;
        }
        String full = fullType(type.toLowerCase(Locale.ROOT), col);
        if (full == null) {
            return null;
        }
        boolean nullable = Boolean.TRUE.equals(Code.bool(col.get("isNullable")));
        StringBuilder c = new StringBuilder(d.quote(name)).append(' ');
        if (pg && increment) {
            c.append(full.equals("bigint") ? "BIGSERIAL" : full.equals("smallint") ? "SMALLSERIAL" : "SERIAL");
        } else {
            c.append(full);
        }
        if (!pg && Boolean.TRUE.equals(Code.bool(col.get("unsigned")))) {
            c.append(" UNSIGNED");
        }
        c.append(nullable ? (pg ? "" : " NULL") : " NOT NULL");
        if (!pg && Boolean.TRUE.equals(Code.bool(col.get("isPrimary"))) && !inCreateTable) {
            c.append(" PRIMARY KEY");
        }
        if (!pg && increment) {
            c.append(" AUTO_INCREMENT");
        }
        if (col.get("default") != null) {
            String v = Code.str(col.get("default"));
            if (v == null) {
                return null;
            }
            c.append(" DEFAULT ").append(v);
        }
        return c.toString();
    }

    /** The driver's {@code createFullType}: the type as given, its length or precision, MySQL's varchar 255 by default. */
    private String fullType(String type, Obj col) {
        Integer length = col.get("length") == null ? null : Code.integer(col.get("length"));
        String lengthText = col.get("length") == null ? null : Code.str(col.get("length"));
        Integer precision = col.get("precision") == null ? null : Code.integer(col.get("precision"));
        Integer scale = col.get("scale") == null ? null : Code.integer(col.get("scale"));
        String normal = type; // the query runners write the type as given
        String size = lengthText != null
                ? "(" + lengthText + ")"
                : precision != null && scale != null
                        ? "(" + precision + "," + scale + ")"
                        : precision != null ? "(" + precision + ")" : normal.equals("varchar") && !pg ? "(255)" : "";
        if (col.get("length") != null && length == null && lengthText == null) {
            return null;
        }
        return normal + size;
    }
}
