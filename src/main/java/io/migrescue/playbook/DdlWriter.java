package io.migrescue.playbook;

import io.migrescue.diff.QualifiedName;
import io.migrescue.diff.script.Ddl;
import io.migrescue.model.Constraint;
import io.migrescue.model.ConstraintType;
import io.migrescue.model.Engine;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The DDL a plan runs, as bound statements: the fix script's {@link Ddl} writes it (one DDL writer for diff and
 * playbooks); this adds what only a plan needs (session settings around a step, refusals as planning errors).
 */
final class DdlWriter {
    private final Engine engine;
    private final Dialect dialect;
    private final Ddl ddl;

    DdlWriter(Engine engine) {
        this.engine = engine;
        this.dialect = Dialect.of(engine);
        this.ddl = Ddl.of(engine);
    }

    Engine engine() {
        return engine;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Where an operator's value goes into a column of {@code type}: a bound parameter, cast on PostgreSQL, which does
     * not cast a text parameter to the column's type by itself.
     */
    String boundValue(String type) {
        return engine == Engine.POSTGRESQL ? "CAST(? AS " + type + ")" : "?";
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
        QualifiedName name = new QualifiedName(schema, table);
        if (engine != Engine.POSTGRESQL
                && c.type() != ConstraintType.FOREIGN_KEY
                && c.type() != ConstraintType.UNIQUE) {
            throw new PlanningException("cannot rename " + c.type().name().toLowerCase(Locale.ROOT) + " " + c.name()
                    + " on " + engine.displayName());
        }
        QualifiedName referenced = c.foreignKey() == null
                ? null
                : new QualifiedName(
                        c.foreignKey().referencedSchema(), c.foreignKey().referencedTable());
        List<BoundStatement> rename = ddl.renameConstraint(name, c, newName, referenced).stream()
                .map(BoundStatement::of)
                .toList();
        if (engine == Engine.POSTGRESQL || c.type() != ConstraintType.FOREIGN_KEY) {
            return rename;
        }
        return withoutForeignKeyChecks(rename);
    }

    /** MySQL/MariaDB: the statements with this session's foreign key checks off around them (and on again after). */
    static List<BoundStatement> withoutForeignKeyChecks(List<BoundStatement> statements) {
        var out = new java.util.ArrayList<BoundStatement>();
        out.add(BoundStatement.of("SET SESSION foreign_key_checks = 0"));
        out.addAll(statements);
        out.add(BoundStatement.of("SET SESSION foreign_key_checks = 1"));
        return List.copyOf(out);
    }

    List<BoundStatement> dropConstraint(String schema, String table, Constraint c) {
        if (engine != Engine.POSTGRESQL && c.type() == ConstraintType.EXCLUSION) {
            throw new PlanningException("exclusion constraints exist only on PostgreSQL");
        }
        return List.of(BoundStatement.of(ddl.dropConstraint(new QualifiedName(schema, table), c)));
    }

    BoundStatement renameTable(String schema, String from, String to) {
        return BoundStatement.of(ddl.renameTable(new QualifiedName(schema, from), to));
    }

    BoundStatement dropTable(String schema, String table) {
        return BoundStatement.of(ddl.dropTable(new QualifiedName(schema, table)));
    }

    BoundStatement dropColumn(String schema, String table, String column) {
        return BoundStatement.of(ddl.dropColumn(new QualifiedName(schema, table), column));
    }

    BoundStatement renameColumn(String schema, String table, String from, String to) {
        return BoundStatement.of(ddl.renameColumn(new QualifiedName(schema, table), from, to));
    }

    BoundStatement dropIndex(String schema, String table, String index) {
        return BoundStatement.of(ddl.dropIndex(new QualifiedName(schema, table), index));
    }

    BoundStatement renameIndex(String schema, String table, String index, String to) {
        return BoundStatement.of(ddl.renameIndex(new QualifiedName(schema, table), index, to));
    }

    /** PostgreSQL: DROP INDEX CONCURRENTLY IF EXISTS. */
    BoundStatement dropIndexOnline(String schema, String index) {
        return BoundStatement.of(ddl.dropIndexOnline(new QualifiedName(schema, null), index)
                .orElseThrow(() -> new PlanningException("no online index drop on " + engine.displayName())));
    }

    /** PostgreSQL: checks the rows against a constraint added NOT VALID. */
    BoundStatement validateConstraint(String schema, String table, String constraint) {
        return BoundStatement.of(ddl.validateConstraint(new QualifiedName(schema, table), constraint)
                .orElseThrow(() -> new PlanningException("no VALIDATE CONSTRAINT on " + engine.displayName())));
    }

    /** The name, cut to the engine's limit with a hash when longer (63 bytes on PostgreSQL, 64 characters on MySQL). */
    String fitName(String name) {
        return dialect.fit(name);
    }
}
