package io.migrescue.playbook;

import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The DDL a plan runs, per engine, every identifier through the dialect's quoting. */
final class DdlWriter {
    private final Engine engine;
    private final Dialect dialect;

    DdlWriter(Engine engine) {
        this.engine = engine;
        this.dialect = Dialect.of(engine);
    }

    Engine engine() {
        return engine;
    }

    Dialect dialect() {
        return dialect;
    }

    String table(String schema, String table) {
        return dialect.qualify(schema, table);
    }

    String columns(List<String> columns) {
        return columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }

    /**
     * PostgreSQL renames in place. MySQL/MariaDB have no RENAME for foreign keys: drop and re-add in one ALTER, with
     * foreign key checks off for this session so the re-add is in-place and does not re-scan rows the same key
     * already held.
     */
    List<BoundStatement> renameConstraint(String schema, String table, Constraint c, String newName) {
        if (engine == Engine.POSTGRESQL) {
            return List.of(BoundStatement.of("ALTER TABLE " + table(schema, table) + " RENAME CONSTRAINT "
                    + dialect.quote(c.name()) + " TO " + dialect.quote(newName)));
        }
        if (c.type() == ConstraintType.FOREIGN_KEY) {
            return List.of(
                    BoundStatement.of("SET SESSION foreign_key_checks = 0"),
                    BoundStatement.of(
                            "ALTER TABLE " + table(schema, table) + " DROP FOREIGN KEY " + dialect.quote(c.name())
                                    + ", ADD CONSTRAINT " + dialect.quote(newName) + " " + foreignKeyBody(c)),
                    BoundStatement.of("SET SESSION foreign_key_checks = 1"));
        }
        if (c.type() == ConstraintType.UNIQUE) {
            return List.of(BoundStatement.of("ALTER TABLE " + table(schema, table) + " RENAME INDEX "
                    + dialect.quote(c.name()) + " TO " + dialect.quote(newName)));
        }
        throw new PlanningException("cannot rename " + c.type().name().toLowerCase(Locale.ROOT) + " " + c.name()
                + " on " + engine.displayName());
    }

    List<BoundStatement> dropConstraint(String schema, String table, Constraint c) {
        String alter = "ALTER TABLE " + table(schema, table) + " ";
        if (engine == Engine.POSTGRESQL) {
            return List.of(BoundStatement.of(alter + "DROP CONSTRAINT " + dialect.quote(c.name())));
        }
        return List.of(BoundStatement.of(alter
                + switch (c.type()) {
                    case FOREIGN_KEY -> "DROP FOREIGN KEY " + dialect.quote(c.name());
                    case PRIMARY_KEY -> "DROP PRIMARY KEY";
                    case UNIQUE -> "DROP INDEX " + dialect.quote(c.name());
                    case CHECK ->
                        (engine == Engine.MARIADB ? "DROP CONSTRAINT " : "DROP CHECK ") + dialect.quote(c.name());
                    case EXCLUSION -> throw new PlanningException("exclusion constraints exist only on PostgreSQL");
                }));
    }

    BoundStatement renameTable(String schema, String from, String to) {
        return engine == Engine.POSTGRESQL
                ? BoundStatement.of("ALTER TABLE " + table(schema, from) + " RENAME TO " + dialect.quote(to))
                : BoundStatement.of("RENAME TABLE " + table(schema, from) + " TO " + table(schema, to));
    }

    String foreignKeyBody(Constraint c) {
        var fk = c.foreignKey();
        return "FOREIGN KEY (" + columns(c.columns()) + ") REFERENCES "
                + table(fk.referencedSchema(), fk.referencedTable()) + " (" + columns(fk.referencedColumns()) + ")"
                + action("DELETE", fk.onDelete()) + action("UPDATE", fk.onUpdate());
    }

    /** The name, cut to the engine's limit with a hash when longer (63 bytes on PostgreSQL, 64 characters on MySQL). */
    String fitName(String name) {
        return dialect.fit(name);
    }

    private static String action(String event, String action) {
        return action == null || action.equalsIgnoreCase("NO ACTION") || action.equalsIgnoreCase("RESTRICT")
                ? ""
                : " ON " + event + " " + action.toUpperCase(Locale.ROOT);
    }
}
