package io.migrescue.sql;

import io.migrescue.model.Engine;
import io.migrescue.sql.Names.NameAt;
import io.migrescue.sql.Names.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * What a DDL statement means to do, as {@link Effect}s that can be checked against the live catalog one by one.
 * <p>
 * Understood: CREATE TABLE, DROP TABLE, RENAME TABLE, ALTER TABLE (columns, constraints, MySQL indexes, renames),
 * CREATE INDEX, DROP INDEX, in PostgreSQL, MySQL and MariaDB syntax. Everything else, and anything these readers
 * cannot parse, is one {@link Effect.Other} with the reason; this never throws and never returns an empty list. In an
 * ALTER TABLE, an action that cannot be read becomes an Other of its own and the other actions keep their effects.
 * <p>
 * Conventions: an index written as an index ({@code KEY}, {@code INDEX}, {@code UNIQUE KEY} in MySQL, CREATE INDEX)
 * is a {@link Effect.CreateIndex}; a constraint written as one ({@code CONSTRAINT …}, {@code PRIMARY KEY},
 * {@code UNIQUE (…)}, {@code FOREIGN KEY}, {@code CHECK}, inline column constraints) is a
 * {@link Effect.ConstraintDef}, even though both engines back unique constraints with an index and MySQL lists a
 * unique index as a constraint. CREATE TABLE … LIKE / AS SELECT yields a table with empty column and constraint
 * lists: the columns come from elsewhere. ON DELETE / ON UPDATE are null when not written (the engine default
 * applies). MySQL's {@code DROP PRIMARY KEY} drops the constraint named {@code PRIMARY}.
 */
public final class StatementEffects {

    private StatementEffects() {}

    public static List<Effect> of(SqlStatement statement, Engine engine) {
        String sql = statement.sql();
        // quoted names are hidden from the readers and JSqlParser, then given back (see NameMask)
        NameMask mask = NameMask.of(sql, engine);
        try {
            return read(Tokens.of(mask.text(), engine), engine).stream()
                    .map(e -> mask.restore(e, sql))
                    .toList();
        } catch (NotUnderstood e) {
            return List.of(new Effect.Other(sql, mask.unmask(e.getMessage())));
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new Effect.Other(sql, "could not be read: " + e));
        }
    }

    private static List<Effect> read(Tokens t, Engine engine) throws NotUnderstood {
        if (t.is(0, "CREATE")) {
            int i = 1;
            i += t.is(i, "OR", "REPLACE") ? 2 : 0;
            i += t.is(i, "GLOBAL") || t.is(i, "LOCAL") ? 1 : 0;
            if (t.is(i, "TEMPORARY") || t.is(i, "TEMP")) {
                return other(t, "a temporary table is gone when the session ends");
            }
            i += t.is(i, "UNLOGGED") ? 1 : 0;
            if (t.is(i, "TABLE")) {
                i++;
                i += t.is(i, "IF", "NOT", "EXISTS") ? 3 : 0;
                return CreateTableEffects.of(t, i, engine);
            }
            if (t.is(i, "INDEX") || t.is(i + 1, "INDEX")) {
                return List.of(IndexStatements.createIndex(t));
            }
        } else if (t.is(0, "ALTER")) {
            int i = 1;
            while (t.is(i, "ONLINE") || t.is(i, "OFFLINE") || t.is(i, "IGNORE")) {
                i++;
            }
            if (t.is(i, "TABLE")) {
                return AlterTableEffects.of(t, engine);
            }
        } else if (t.is(0, "DROP", "TABLE")) {
            return dropTable(t, 2);
        } else if (t.is(0, "DROP", "TEMPORARY", "TABLE")) {
            return other(t, "a temporary table is not part of the schema");
        } else if (t.is(0, "DROP", "INDEX")) {
            return IndexStatements.dropIndex(t);
        } else if (t.is(0, "RENAME", "TABLE")) {
            return renameTable(t);
        }
        return other(t, "not a table or index change this tool tracks");
    }

    private static List<Effect> other(Tokens t, String why) {
        int n = 0;
        while (n < 2 && n < t.size() && t.get(n).type() == Tokens.Type.WORD) {
            n++;
        }
        String words = t.sub(0, n).compact().toUpperCase(Locale.ROOT);
        return List.of(new Effect.Other(t.sql(), words.isEmpty() ? why : words + ": " + why));
    }

    /**
     * {@code DROP TABLE [IF EXISTS] a, b … [WAIT n|NOWAIT] [CASCADE|RESTRICT]}: JSqlParser 5.3 takes one table per
     * DROP TABLE and rejects WAIT/NOWAIT, so each name is parsed as a statement of its own.
     */
    private static List<Effect> dropTable(Tokens t, int i) throws NotUnderstood {
        boolean ifExists = t.is(i, "IF", "EXISTS");
        i += ifExists ? 2 : 0;
        List<Effect> effects = new ArrayList<>();
        while (true) {
            NameAt name = Names.read(t, i);
            if (name == null) {
                throw new NotUnderstood("no table name in DROP TABLE");
            }
            Drop drop = JSql.parse(
                    "DROP TABLE " + (ifExists ? "IF EXISTS " : "")
                            + t.sub(i, name.end()).text(),
                    Drop.class);
            QualifiedName table = Names.of(drop.getName());
            effects.add(new Effect.DropTable(table.schema(), table.name(), drop.isIfExists()));
            i = name.end();
            if (!t.is(i, ",")) {
                return effects;
            }
            i++;
        }
    }

    /** MySQL {@code RENAME TABLE a TO b [, c TO d]}: renames happen in order, so a swap through a temporary works. */
    private static List<Effect> renameTable(Tokens t) throws NotUnderstood {
        RenameTableStatement rename = JSql.parse(t.sql(), RenameTableStatement.class);
        List<Effect> effects = new ArrayList<>();
        for (Map.Entry<Table, Table> pair : rename.getTableNames()) {
            QualifiedName from = Names.of(pair.getKey());
            QualifiedName to = Names.of(pair.getValue());
            effects.add(new Effect.RenameTable(from.schema(), from.name(), to.schema(), to.name()));
        }
        return effects;
    }
}
