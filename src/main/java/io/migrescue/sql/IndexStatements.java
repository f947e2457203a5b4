package io.migrescue.sql;

import io.migrescue.sql.Names.NameAt;
import io.migrescue.sql.Names.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code CREATE INDEX}, {@code DROP INDEX} and MySQL index definitions ({@code KEY …} in CREATE TABLE, {@code ADD
 * INDEX …} in ALTER TABLE), read from tokens.
 * <p>
 * Why not JSqlParser here: 5.3 rejects most real index DDL ({@code CONCURRENTLY}, {@code ON ONLY}, {@code FULLTEXT}
 * and {@code SPATIAL}, unnamed PostgreSQL indexes, {@code WHERE x IS NULL}, {@code INCLUDE}, {@code ALGORITHM=} and
 * {@code LOCK=}, key parts such as {@code a(10) DESC}, unnamed {@code KEY (a)}, {@code DROP INDEX i ON `t`}, several
 * indexes in one DROP), misreads {@code KEY ix USING BTREE (a)} in CREATE TABLE as a column named KEY, and reduces the
 * key {@code lower(email)} to {@code lower}. These statements have a small grammar, so reading it directly is simpler
 * and safer than layers of rewrites. Everything after the key list (predicates, options) has no bearing on the effect.
 */
final class IndexStatements {

    private IndexStatements() {}

    /**
     * {@code CREATE [OR REPLACE] [UNIQUE|FULLTEXT|SPATIAL] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] [USING m]
     * ON [ONLY] table [USING m] (keys) …}
     */
    static Effect.CreateIndex createIndex(Tokens t) throws NotUnderstood {
        int i = t.is(1, "OR", "REPLACE") ? 3 : 1;
        boolean unique = false;
        String method = null;
        if (t.is(i, "UNIQUE")) {
            unique = true;
            i++;
        } else if (t.is(i, "FULLTEXT") || t.is(i, "SPATIAL")) {
            method = t.get(i).text().toLowerCase(Locale.ROOT);
            i++;
        }
        if (!t.is(i, "INDEX")) {
            throw new NotUnderstood("not a CREATE INDEX statement");
        }
        i++;
        boolean concurrently = t.is(i, "CONCURRENTLY");
        i += concurrently ? 1 : 0;
        i += t.is(i, "IF", "NOT", "EXISTS") ? 3 : 0;
        String name = null;
        if (!t.is(i, "ON") && !t.is(i, "USING")) {
            NameAt index = Names.read(t, i);
            if (index == null) {
                throw new NotUnderstood("no index name or ON where expected");
            }
            name = index.name().name();
            i = index.end();
        }
        if (t.is(i, "USING")) {
            method = lower(t, i + 1);
            i += 2;
        }
        if (!t.is(i, "ON")) {
            throw new NotUnderstood("no ON <table> in CREATE INDEX");
        }
        i += t.is(i + 1, "ONLY") ? 2 : 1;
        NameAt table = Names.read(t, i);
        if (table == null) {
            throw new NotUnderstood("no table name after ON");
        }
        i = table.end();
        if (t.is(i, "USING")) {
            method = lower(t, i + 1);
            i += 2;
        }
        List<String> keys = keysAt(t, i);
        QualifiedName on = table.name();
        return new Effect.CreateIndex(on.schema(), on.name(), name, keys, unique, concurrently, method);
    }

    /**
     * {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, name…] [ON table] …}: PostgreSQL names the index (schema
     * optional), MySQL names the table with ON.
     */
    static List<Effect> dropIndex(Tokens t) throws NotUnderstood {
        int i = 2;
        i += t.is(i, "CONCURRENTLY") ? 1 : 0;
        i += t.is(i, "IF", "EXISTS") ? 2 : 0;
        List<QualifiedName> names = new ArrayList<>();
        while (true) {
            NameAt index = Names.read(t, i);
            if (index == null) {
                throw new NotUnderstood("no index name in DROP INDEX");
            }
            names.add(index.name());
            i = index.end();
            if (!t.is(i, ",")) {
                break;
            }
            i++;
        }
        QualifiedName table = null;
        if (t.is(i, "ON")) {
            NameAt on = Names.read(t, i + 1);
            table = on == null ? null : on.name();
        }
        List<Effect> effects = new ArrayList<>();
        for (QualifiedName index : names) {
            effects.add(
                    table != null
                            ? new Effect.DropIndex(table.schema(), table.name(), index.name())
                            : new Effect.DropIndex(index.schema(), null, index.name()));
        }
        return effects;
    }

    /**
     * Whether this MySQL table element or ADD action (without ADD) defines an index rather than a constraint:
     * {@code KEY|INDEX …}, {@code FULLTEXT|SPATIAL …}, {@code UNIQUE KEY|INDEX …}, {@code UNIQUE name (…)}. A bare
     * {@code UNIQUE (…)} is a unique constraint.
     */
    static boolean isMySqlIndexDefinition(Tokens def) {
        if (def.is(0, "KEY") || def.is(0, "INDEX") || def.is(0, "FULLTEXT") || def.is(0, "SPATIAL")) {
            return true;
        }
        return def.is(0, "UNIQUE")
                && (def.is(1, "KEY")
                        || def.is(1, "INDEX")
                        || (def.size() > 2 && def.get(1).isName() && def.get(2).isSymbol("(")));
    }

    /** {@code [UNIQUE] [FULLTEXT|SPATIAL] [INDEX|KEY] [IF NOT EXISTS] [name] [USING m] (keys) [USING m] …}. */
    static Effect.CreateIndex indexDefinition(Tokens def, QualifiedName table) throws NotUnderstood {
        int i = 0;
        boolean unique = def.is(i, "UNIQUE");
        i += unique ? 1 : 0;
        String method = null;
        if (def.is(i, "FULLTEXT") || def.is(i, "SPATIAL")) {
            method = def.get(i).text().toLowerCase(Locale.ROOT);
            i++;
        }
        i += def.is(i, "INDEX") || def.is(i, "KEY") ? 1 : 0;
        i += def.is(i, "IF", "NOT", "EXISTS") ? 3 : 0;
        String name = null;
        if (i < def.size() && def.get(i).isName() && !def.is(i, "USING")) {
            name = Names.unquote(def.get(i).text());
            i++;
        }
        if (def.is(i, "USING")) {
            method = lower(def, i + 1);
            i += 2;
        }
        List<String> keys = keysAt(def, i);
        int after = def.closing(i) + 1;
        if (def.is(after, "USING")) {
            method = lower(def, after + 1);
        }
        return new Effect.CreateIndex(table.schema(), table.name(), name, keys, unique, false, method);
    }

    /** The keys of the parenthesised list at {@code open}. */
    private static List<String> keysAt(Tokens t, int open) throws NotUnderstood {
        if (!t.is(open, "(")) {
            throw new NotUnderstood("no key list where expected");
        }
        List<String> keys = new ArrayList<>();
        for (Tokens key : t.sub(open + 1, t.closing(open)).splitTopLevel()) {
            keys.add(key(key));
        }
        return keys;
    }

    /**
     * A plain column ({@code a}, {@code `a`(10)}, {@code a DESC}, {@code a COLLATE "C"}, {@code a text_pattern_ops})
     * gives its name; an expression gives its text as written, without outer parentheses or sort order, as the
     * catalog lists expression keys.
     */
    static String key(Tokens key) {
        boolean prefixLength =
                key.size() >= 4 && key.is(1, "(") && key.get(2).type() == Tokens.Type.NUMBER && key.is(3, ")");
        if (key.get(0).isName()
                && (key.size() == 1 || prefixLength || key.get(1).type() == Tokens.Type.WORD)) {
            return Names.unquote(key.get(0).text());
        }
        int end = key.size();
        while (end > 1
                && (key.is(end - 1, "ASC")
                        || key.is(end - 1, "DESC")
                        || key.is(end - 1, "FIRST")
                        || key.is(end - 1, "LAST")
                        || key.is(end - 1, "NULLS"))) {
            end--;
        }
        Tokens expression = key.sub(0, end);
        if (expression.is(0, "(") && expression.closing(0) == end - 1) {
            expression = expression.sub(1, end - 1);
        }
        return expression.compact();
    }

    private static String lower(Tokens t, int i) {
        return i < t.size() ? Names.unquote(t.get(i).text()).toLowerCase(Locale.ROOT) : null;
    }
}
