package io.migrescue.sql;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect.ColumnDef;
import io.migrescue.sql.Effect.ConstraintDef;
import io.migrescue.sql.Names.NameAt;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;

/**
 * Column definitions, in CREATE TABLE and in ALTER TABLE ADD / MODIFY / CHANGE. JSqlParser splits name, type and
 * attributes. Two parts are read from the tokens instead: the default, because JSqlParser rewrites it
 * ({@code nextval('s'::regclass)} becomes {@code NextVal( 's'::regclass)}) and spreads it over loose words; and an
 * inline {@code REFERENCES} clause, which JSqlParser 5.3 rejects with {@code ON UPDATE SET NULL} or a table named
 * {@code parent}, so it is cut out before parsing.
 */
final class ColumnDefs {

    /** A column definition ready for JSqlParser, with what was read from its tokens. */
    record Prepared(String sql, String defaultValue, ConstraintDef references) {}

    /** The column and the constraints written on it. */
    record Read(ColumnDef column, List<ConstraintDef> constraints) {}

    /** Words that end a default expression when they appear at its level. */
    private static final Set<String> AFTER_DEFAULT = Set.of(
            "NOT",
            "NULL",
            "CONSTRAINT",
            "PRIMARY",
            "UNIQUE",
            "REFERENCES",
            "CHECK",
            "COLLATE",
            "COMMENT",
            "ON",
            "AUTO_INCREMENT",
            "GENERATED",
            "AFTER",
            "FIRST",
            "VISIBLE",
            "INVISIBLE",
            "CHARACTER",
            "STORAGE",
            "COLUMN_FORMAT",
            "AS",
            "KEY",
            "SERIAL");

    private static final Set<String> SERIAL_TYPES =
            Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8");

    private ColumnDefs() {}

    /** {@code column} starts with the column name. */
    static Prepared prepare(Tokens column) throws NotUnderstood {
        BitSet drop = new BitSet();
        ConstraintDef references = null;
        int ref = column.find("REFERENCES", 1);
        if (ref > 0) {
            int start = ref >= 2 && column.is(ref - 2, "CONSTRAINT") ? ref - 2 : ref;
            String name = start < ref ? Names.unquote(column.get(ref - 1).text()) : null;
            int end = referencesEnd(column, ref);
            references = references(column.sub(ref, end), name);
            drop.set(start, end);
        }
        return new Prepared(Rewrites.element(column, drop), defaultValue(column), references);
    }

    static Read read(ColumnDefinition definition, Prepared prepared, Engine engine) {
        String name = Names.unquote(definition.getColumnName());
        List<String> specs = definition.getColumnSpecs() == null ? List.of() : definition.getColumnSpecs();
        String type = type(definition.getColDataType(), specs, engine);
        List<ConstraintDef> constraints = new ArrayList<>();
        boolean notNull = false;
        boolean identity = false;
        String constraintName = null;
        for (int k = 0; k < specs.size(); k++) {
            String spec = specs.get(k).toUpperCase(Locale.ROOT);
            String next = k + 1 < specs.size() ? specs.get(k + 1).toUpperCase(Locale.ROOT) : "";
            switch (spec) {
                case "NOT" -> notNull |= next.equals("NULL");
                case "CONSTRAINT" -> constraintName = k + 1 < specs.size() ? Names.unquote(specs.get(++k)) : null;
                case "PRIMARY" -> {
                    constraints.add(simple(constraintName, "PRIMARY_KEY", name));
                    constraintName = null;
                }
                case "UNIQUE" -> {
                    constraints.add(simple(constraintName, "UNIQUE", name));
                    constraintName = null;
                }
                case "CHECK" -> {
                    String expression = k + 1 < specs.size() ? unwrap(specs.get(++k), engine) : null;
                    constraints.add(new ConstraintDef(
                            constraintName, "CHECK", List.of(name), null, null, List.of(), null, null, expression));
                    constraintName = null;
                }
                case "IDENTITY" -> identity = true;
                default -> {}
            }
        }
        if (prepared.references() != null && inlineReferencesCount(engine)) {
            ConstraintDef r = prepared.references();
            constraints.add(new ConstraintDef(
                    r.name(),
                    r.kind(),
                    List.of(name),
                    r.referencedSchema(),
                    r.referencedTable(),
                    r.referencedColumns(),
                    r.onDelete(),
                    r.onUpdate(),
                    null));
        }
        boolean primaryKey = constraints.stream().anyMatch(c -> c.kind().equals("PRIMARY_KEY"));
        String baseType = definition.getColDataType().getDataType().toUpperCase(Locale.ROOT);
        // PostgreSQL makes serial and identity columns NOT NULL; every engine does so for primary key columns
        boolean nullable = !(notNull
                || primaryKey
                || SERIAL_TYPES.contains(baseType)
                || (identity && engine == Engine.POSTGRESQL));
        return new Read(new ColumnDef(name, type, nullable, prepared.defaultValue()), constraints);
    }

    /**
     * MySQL parses and ignores REFERENCES written on a column (its manual: "MySQL parses but ignores inline
     * REFERENCES specifications"); PostgreSQL and MariaDB (since 10.5) create the foreign key.
     */
    private static boolean inlineReferencesCount(Engine engine) {
        return engine != Engine.MYSQL;
    }

    /**
     * The type as written, compact ({@code varchar(10)}, {@code decimal(5,2) unsigned}, {@code enum('a','b')},
     * {@code timestamp(3) without time zone}, {@code text[]}), quotes removed from type names; character set and
     * collation are not part of it.
     */
    static String type(ColDataType type, List<String> specs, Engine engine) {
        StringBuilder text = new StringBuilder(type.getDataType());
        List<String> args = type.getArgumentsStringList();
        if (args != null && !args.isEmpty()) {
            text.append('(').append(String.join(",", args)).append(')');
        }
        if (type.getArrayData() != null) {
            type.getArrayData()
                    .forEach(size ->
                            text.append('[').append(size == null ? "" : size).append(']'));
        }
        // JSqlParser puts UNSIGNED / ZEROFILL after a parenthesised type among the attributes
        for (String spec : specs) {
            String upper = spec.toUpperCase(Locale.ROOT);
            if (!upper.equals("UNSIGNED") && !upper.equals("SIGNED") && !upper.equals("ZEROFILL")) {
                break;
            }
            text.append(' ').append(spec);
        }
        return compactType(Tokens.of(text.toString(), engine));
    }

    private static String compactType(Tokens t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            Tokens.Token token = t.get(i);
            boolean glued = i == 0
                    || token.isSymbol("(")
                    || token.isSymbol(")")
                    || token.isSymbol(",")
                    || token.isSymbol("[")
                    || token.isSymbol("]")
                    || token.isSymbol(".")
                    || t.get(i - 1).isSymbol("(")
                    || t.get(i - 1).isSymbol(",")
                    || t.get(i - 1).isSymbol("[")
                    || t.get(i - 1).isSymbol(".");
            b.append(glued ? "" : " ")
                    .append(token.type() == Tokens.Type.QUOTED ? Names.unquote(token.text()) : token.text());
        }
        return b.toString();
    }

    /** The default as written, or null when there is none or it is NULL. */
    private static String defaultValue(Tokens column) {
        int at = column.find("DEFAULT", 1);
        while (at > 0 && column.is(at - 1, "BY")) { // GENERATED BY DEFAULT AS IDENTITY
            at = column.find("DEFAULT", at + 1);
        }
        if (at < 0) {
            return null;
        }
        int end = at + 1;
        while (end < column.size()
                && !(column.atTop(end)
                        && end > at + 1
                        && AFTER_DEFAULT.contains(column.get(end).upper())
                        && column.get(end).type() == Tokens.Type.WORD)) {
            end++;
        }
        String value = column.sub(at + 1, end).compact();
        return value.isEmpty() || value.equalsIgnoreCase("NULL") ? null : value;
    }

    /** Index after {@code REFERENCES t [(cols)] [MATCH x] [ON DELETE|UPDATE action]…}. */
    private static int referencesEnd(Tokens t, int ref) {
        NameAt table = Names.read(t, ref + 1);
        int i = table == null ? ref + 1 : table.end();
        if (t.is(i, "(")) {
            i = t.closing(i) + 1;
        }
        while (i < t.size()) {
            if (t.is(i, "MATCH")) {
                i += 2;
            } else if (t.is(i, "ON") && i + 2 < t.size()) {
                i = actionEnd(t, i + 2);
            } else {
                break;
            }
        }
        return Math.min(i, t.size());
    }

    /** After CASCADE | RESTRICT | NO ACTION | SET NULL | SET DEFAULT, and PostgreSQL's column list after SET NULL. */
    private static int actionEnd(Tokens t, int i) {
        int end = t.is(i, "NO") || t.is(i, "SET") ? i + 2 : i + 1;
        return t.is(end, "(") ? t.closing(end) + 1 : end;
    }

    /** {@code REFERENCES t [(cols)] …} → a foreign key without its own columns yet. */
    private static ConstraintDef references(Tokens r, String name) throws NotUnderstood {
        NameAt table = Names.read(r, 1);
        if (table == null) {
            throw new NotUnderstood("no table after REFERENCES");
        }
        int i = table.end();
        List<String> columns = new ArrayList<>();
        if (r.is(i, "(")) {
            for (Tokens column : r.sub(i + 1, r.closing(i)).splitTopLevel()) {
                columns.add(Names.unquote(column.get(0).text()));
            }
        }
        String onDelete = action(r, "DELETE");
        String onUpdate = action(r, "UPDATE");
        return new ConstraintDef(
                name,
                "FOREIGN_KEY",
                List.of(),
                table.name().schema(),
                table.name().name(),
                columns,
                onDelete,
                onUpdate,
                null);
    }

    private static String action(Tokens r, String event) {
        for (int i = 0; i + 2 < r.size(); i++) {
            if (r.is(i, "ON", event)) {
                int words =
                        r.is(i + 2, "NO") || r.is(i + 2, "SET") ? 2 : 1; // not PostgreSQL's column list after SET NULL
                return r.sub(i + 2, Math.min(i + 2 + words, r.size())).compact().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static ConstraintDef simple(String name, String kind, String column) {
        return new ConstraintDef(name, kind, List.of(column), null, null, List.of(), null, null, null);
    }

    /** {@code (a > 0)} → {@code a > 0}; {@code (a) AND (b)} stays as it is. */
    static String unwrap(String expression, Engine engine) {
        Tokens t = Tokens.of(expression, engine);
        if (t.size() >= 2 && t.is(0, "(") && t.closing(0) == t.size() - 1) {
            return expression
                    .substring(t.get(1).start(), t.get(t.size() - 1).start())
                    .strip();
        }
        return expression.strip();
    }
}
