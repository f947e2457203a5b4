package io.migrescue.sql;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect.ColumnDef;
import io.migrescue.sql.Effect.ConstraintDef;
import io.migrescue.sql.Names.NameAt;
import io.migrescue.sql.Names.QualifiedName;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * ALTER TABLE → one or more effects per action, in the order written.
 * <p>
 * The header ({@code ALTER [ONLINE|IGNORE] TABLE [IF EXISTS] [ONLY] name [*] [WAIT n|NOWAIT]}) is read from tokens
 * and each action is given to JSqlParser on its own as {@code ALTER TABLE name <action>}: JSqlParser 5.3 rejects
 * ONLINE, IGNORE and WAIT, and an action it cannot read then costs only that action (it becomes
 * {@link Effect.Other}), not the whole statement. {@code ALGORITHM=} and {@code LOCK=} say how, not what: they yield
 * nothing. Constraints added with ADD are parsed as the table element they would be in CREATE TABLE (JSqlParser gives
 * ALTER constraints four different shapes and rejects {@code ADD CHECK}); MySQL {@code ADD INDEX} forms are read by
 * {@link IndexStatements}.
 */
final class AlterTableEffects {
    private final String statement;
    private final Engine engine;
    private final String tableText;
    private final QualifiedName table;

    private AlterTableEffects(String statement, Engine engine, String tableText, QualifiedName table) {
        this.statement = statement;
        this.engine = engine;
        this.tableText = tableText;
        this.table = table;
    }

    static List<Effect> of(Tokens t, Engine engine) throws NotUnderstood {
        int i = 1;
        while (t.is(i, "ONLINE") || t.is(i, "OFFLINE") || t.is(i, "IGNORE")) {
            i++;
        }
        i++; // TABLE
        i += t.is(i, "IF", "EXISTS") ? 2 : 0;
        i += t.is(i, "ONLY") ? 1 : 0;
        NameAt name = Names.read(t, i);
        if (name == null) {
            throw new NotUnderstood("no table name in ALTER TABLE");
        }
        AlterTableEffects reader =
                new AlterTableEffects(t.sql(), engine, t.sub(i, name.end()).text(), name.name());
        i = name.end();
        i += t.is(i, "*") ? 1 : 0;
        if (t.is(i, "WAIT")) {
            i += 2;
        } else if (t.is(i, "NOWAIT")) {
            i++;
        }
        List<Effect> effects = new ArrayList<>();
        for (Tokens action : t.from(i).splitTopLevel()) {
            try {
                effects.addAll(reader.action(action));
            } catch (NotUnderstood e) {
                effects.add(
                        new Effect.Other(t.sql(), "ALTER TABLE action `" + action.compact() + "`: " + e.getMessage()));
            }
        }
        if (effects.isEmpty()) {
            throw new NotUnderstood("ALTER TABLE without a schema change (no action, or only ALGORITHM/LOCK)");
        }
        return effects;
    }

    private List<Effect> action(Tokens a) throws NotUnderstood {
        if (a.is(0, "ALGORITHM") || a.is(0, "LOCK")) {
            return List.of();
        }
        if (a.is(0, "ADD")) {
            Tokens def = a.from(a.is(1, "COLUMN") ? 2 : 1);
            if (engine.isMySqlFamily() && IndexStatements.isMySqlIndexDefinition(def)) {
                return List.of(IndexStatements.indexDefinition(def, table));
            }
            if (ConstraintDefs.startsConstraint(def)) {
                return addConstraint(def);
            }
            return columnAction(a, columnStart(a, 1));
        }
        if (a.is(0, "SET", "SCHEMA") && a.size() == 3) { // PostgreSQL: moves the table, JSqlParser does not know it
            String toSchema = Names.unquote(a.get(2).text());
            return List.of(new Effect.RenameTable(table.schema(), table.name(), toSchema, table.name()));
        }
        if (a.is(0, "MODIFY")) {
            return columnAction(a, columnStart(a, 1));
        }
        if (a.is(0, "CHANGE")) {
            return columnAction(a, columnStart(a, 1) + 1);
        }
        return parsed(a, Rewrites.alterAction(a), List.of());
    }

    /** After ADD|MODIFY|CHANGE [COLUMN] [IF [NOT] EXISTS]. */
    private static int columnStart(Tokens a, int i) {
        i += a.is(i, "COLUMN") ? 1 : 0;
        if (a.is(i, "IF", "NOT", "EXISTS")) {
            return i + 3;
        }
        return a.is(i, "IF", "EXISTS") ? i + 2 : i;
    }

    /** ADD / MODIFY / CHANGE: the column definition(s) are prepared like CREATE TABLE columns. */
    private List<Effect> columnAction(Tokens a, int definitionAt) throws NotUnderstood {
        List<ColumnDefs.Prepared> prepared = new ArrayList<>();
        // JSqlParser knows ADD COLUMN IF NOT EXISTS but not MariaDB's ADD IF NOT EXISTS or MODIFY IF EXISTS;
        // whether the column existed before is not part of the effect
        Tokens keywords = a.sub(0, definitionAt);
        String head = keywords.rewritten(i -> keywords.is(i, "IF") || keywords.is(i, "NOT") || keywords.is(i, "EXISTS")
                ? null
                : keywords.get(i).text());
        String definitions;
        if (a.is(definitionAt, "(")) { // ADD (a int, b int)
            List<String> parts = new ArrayList<>();
            for (Tokens column :
                    a.sub(definitionAt + 1, a.closing(definitionAt)).splitTopLevel()) {
                ColumnDefs.Prepared p = ColumnDefs.prepare(column);
                prepared.add(p);
                parts.add(p.sql());
            }
            definitions = "(" + String.join(", ", parts) + ")";
        } else {
            ColumnDefs.Prepared p = ColumnDefs.prepare(a.from(definitionAt));
            prepared.add(p);
            definitions = p.sql();
        }
        return parsed(a, head + " " + definitions, prepared);
    }

    private List<Effect> parsed(Tokens a, String action, List<ColumnDefs.Prepared> prepared) throws NotUnderstood {
        Alter alter = JSql.parse("ALTER TABLE " + tableText + " " + action, Alter.class);
        List<AlterExpression> expressions = alter.getAlterExpressions();
        if (expressions == null || expressions.size() != 1) {
            throw new NotUnderstood(
                    "JSqlParser read it as " + (expressions == null ? 0 : expressions.size()) + " actions");
        }
        return effects(expressions.get(0), a, prepared);
    }

    private List<Effect> effects(AlterExpression e, Tokens a, List<ColumnDefs.Prepared> prepared) throws NotUnderstood {
        String schema = table.schema();
        String name = table.name();
        return switch (e.getOperation()) {
            case ADD -> addColumns(e, prepared);
            case MODIFY, CHANGE -> {
                ColumnDefinition definition = AlterColumnEffects.single(e);
                ColumnDefs.Read read = ColumnDefs.read(definition, prepared.get(0), engine);
                ColumnDef column = read.column();
                String old = e.getColumnOldName() != null ? Names.unquote(e.getColumnOldName()) : column.name();
                String newName = old.equals(column.name()) ? null : column.name();
                // MODIFY and CHANGE restate the whole column: no NOT NULL means nullable
                yield List.of(new Effect.ModifyColumn(schema, name, old, newName, column.type(), column.nullable()));
            }
            case DROP -> List.of(drop(e));
            case DROP_PRIMARY_KEY -> List.of(new Effect.DropConstraint(schema, name, "PRIMARY")); // MySQL's PK name
            case ALTER -> List.of(AlterColumnEffects.of(e, a, table, engine));
            case RENAME ->
                List.of(new Effect.RenameColumn(
                        schema, name, Names.unquote(e.getColumnOldName()), Names.unquote(e.getColumnName())));
            case RENAME_TABLE -> {
                // PostgreSQL keeps the table in its schema; MySQL puts an unqualified new name in the current database
                String toSchema = engine == Engine.POSTGRESQL ? schema : null;
                yield List.of(new Effect.RenameTable(schema, name, toSchema, Names.unquote(e.getNewTableName())));
            }
            case RENAME_INDEX, RENAME_KEY ->
                List.of(new Effect.RenameIndex(
                        schema,
                        name,
                        Names.unquote(e.getOldIndex().getName()),
                        Names.unquote(e.getIndex().getName())));
            case RENAME_CONSTRAINT ->
                List.of(new Effect.RenameConstraint(
                        schema,
                        name,
                        Names.unquote(e.getOldIndex().getName()),
                        Names.unquote(e.getIndex().getName())));
            default -> throw new NotUnderstood("not a change this tool tracks");
        };
    }

    private List<Effect> addColumns(AlterExpression e, List<ColumnDefs.Prepared> prepared) throws NotUnderstood {
        List<AlterExpression.ColumnDataType> definitions = e.getColDataTypeList();
        if (definitions == null || definitions.size() != prepared.size()) {
            throw new NotUnderstood("JSqlParser did not read the column definition");
        }
        List<Effect> effects = new ArrayList<>();
        for (int k = 0; k < definitions.size(); k++) {
            ColumnDefs.Read read = ColumnDefs.read(definitions.get(k), prepared.get(k), engine);
            effects.add(new Effect.AddColumn(table.schema(), table.name(), read.column()));
            read.constraints().forEach(c -> effects.add(new Effect.AddConstraint(table.schema(), table.name(), c)));
        }
        return effects;
    }

    private Effect drop(AlterExpression e) throws NotUnderstood {
        if (e.getColumnName() != null) {
            return new Effect.DropColumn(table.schema(), table.name(), Names.unquote(e.getColumnName()));
        }
        if (e.getConstraintName() != null) {
            return new Effect.DropConstraint(table.schema(), table.name(), Names.unquote(e.getConstraintName()));
        }
        if (e.getIndex() != null && e.getIndex().getName() != null) {
            return new Effect.DropIndex(
                    table.schema(), table.name(), Names.unquote(e.getIndex().getName()));
        }
        throw new NotUnderstood("DROP of something this tool does not track");
    }

    /**
     * {@code ADD [CONSTRAINT c] PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK …}, parsed as a CREATE TABLE element; PostgreSQL
     * {@code ADD CONSTRAINT c UNIQUE|PRIMARY KEY USING INDEX i} turns index i into constraint c (renaming it).
     */
    private List<Effect> addConstraint(Tokens def) throws NotUnderstood {
        String schema = table.schema();
        String name = table.name();
        if (ConstraintDefs.isExclusion(def)) {
            return List.of(new Effect.AddConstraint(schema, name, ConstraintDefs.exclusion(def)));
        }
        int using = def.find("USING", 1);
        if (using > 0 && def.is(using + 1, "INDEX")) {
            return usingIndex(def, using);
        }
        String element = Rewrites.element(def, new BitSet());
        CreateTable parsed = JSql.parse("CREATE TABLE t (x int, " + element + ")", CreateTable.class);
        if (parsed.getIndexes() == null || parsed.getIndexes().size() != 1) {
            throw new NotUnderstood("JSqlParser did not read one constraint");
        }
        ConstraintDef constraint = ConstraintDefs.of(parsed.getIndexes().get(0), engine);
        return List.of(new Effect.AddConstraint(schema, name, constraint));
    }

    private List<Effect> usingIndex(Tokens def, int using) throws NotUnderstood {
        if (!def.is(0, "CONSTRAINT") || using + 2 >= def.size()) {
            throw new NotUnderstood("USING INDEX without a constraint name");
        }
        String constraintName = Names.unquote(def.get(1).text());
        String kind = def.is(2, "PRIMARY") ? "PRIMARY_KEY" : "UNIQUE";
        String index = Names.unquote(def.get(using + 2).text());
        List<Effect> effects = new ArrayList<>();
        // the columns are the index's: unknown here
        effects.add(new Effect.AddConstraint(
                table.schema(),
                table.name(),
                new ConstraintDef(constraintName, kind, List.of(), null, null, List.of(), null, null, null)));
        if (!index.equals(constraintName)) {
            effects.add(new Effect.RenameIndex(table.schema(), table.name(), index, constraintName));
        }
        return effects;
    }
}
