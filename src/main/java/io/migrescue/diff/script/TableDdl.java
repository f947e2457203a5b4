package io.migrescue.diff.script;

import io.migrescue.diff.Indexes;
import io.migrescue.diff.QualifiedName;
import io.migrescue.model.Constraint;
import io.migrescue.model.Engine;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as a reference database has it, recreated in a target schema: the statements {@code create-missing-table}
 * runs when the reference is a database rather than migration files (the same writers as {@code diff --format sql}).
 */
public final class TableDdl {
    private TableDdl() {}

    /** CREATE TABLE, then its own indexes, then its foreign keys, which point at tables of the same name in {@code schema}. */
    public static List<String> create(Engine engine, String schema, Table table) {
        Ddl ddl = Ddl.of(engine);
        QualifiedName name = new QualifiedName(schema, table.name());
        List<String> statements = new ArrayList<>();
        statements.add(ddl.createTable(name, table));
        for (Index index : Indexes.own(table)) {
            ddl.createIndex(name, index).ifPresent(statements::add);
        }
        for (Constraint fk : table.foreignKeys()) {
            statements.add(ddl.addConstraint(
                    name, fk, new QualifiedName(schema, fk.foreignKey().referencedTable())));
        }
        return statements;
    }
}
