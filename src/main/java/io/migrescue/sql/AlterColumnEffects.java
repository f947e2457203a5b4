package io.migrescue.sql;

import io.migrescue.model.Engine;
import io.migrescue.sql.Names.QualifiedName;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;

/**
 * One ALTER TABLE action on a column: PostgreSQL {@code ALTER [COLUMN] c TYPE t | SET NOT NULL | DROP NOT NULL},
 * and {@code SET DEFAULT x | DROP DEFAULT} in both families. JSqlParser 5.3 reads SET NOT NULL as a column of type {@code SET} with attributes
 * {@code NOT NULL}, and DROP NOT NULL as attributes {@code DROP NOT NULL} without a type.
 */
final class AlterColumnEffects {
    private AlterColumnEffects() {}

    static Effect of(AlterExpression e, Tokens a, QualifiedName table, Engine engine) throws NotUnderstood {
        String schema = table.schema();
        String name = table.name();
        if (e.getColumnSetDefaultList() != null && !e.getColumnSetDefaultList().isEmpty()) {
            int at = a.find("DEFAULT", 1);
            String value = a.from(at + 1).compact();
            return new Effect.SetColumnDefault(
                    schema,
                    name,
                    Names.unquote(e.getColumnSetDefaultList().get(0).getColumnName()),
                    value.equalsIgnoreCase("NULL") ? null : value);
        }
        if (e.getColumnDropDefaultList() != null
                && !e.getColumnDropDefaultList().isEmpty()) {
            return new Effect.SetColumnDefault(
                    schema,
                    name,
                    Names.unquote(e.getColumnDropDefaultList().get(0).getColumnName()),
                    null);
        }
        ColumnDefinition definition = single(e);
        String column = Names.unquote(definition.getColumnName());
        List<String> specs = definition.getColumnSpecs() == null
                ? List.of()
                : definition.getColumnSpecs().stream()
                        .map(s -> s.toUpperCase(Locale.ROOT))
                        .toList();
        String type = definition.getColDataType() == null
                ? null
                : definition.getColDataType().getDataType();
        if (type == null && specs.equals(List.of("DROP", "NOT", "NULL"))) {
            return new Effect.ModifyColumn(schema, name, column, null, null, true);
        }
        if ("SET".equalsIgnoreCase(type)) {
            if (specs.equals(List.of("NOT", "NULL"))) {
                return new Effect.ModifyColumn(schema, name, column, null, null, false);
            }
            throw new NotUnderstood("ALTER COLUMN SET " + String.join(" ", specs) + " is not tracked");
        }
        if (type == null) {
            throw new NotUnderstood("ALTER COLUMN change not tracked");
        }
        return new Effect.ModifyColumn(
                schema,
                name,
                column,
                null,
                ColumnDefs.type(
                        definition.getColDataType(),
                        definition.getColumnSpecs() == null ? List.of() : definition.getColumnSpecs(),
                        engine),
                null);
    }

    /** The one column definition of a MODIFY, CHANGE or ALTER COLUMN action. */
    static ColumnDefinition single(AlterExpression e) throws NotUnderstood {
        if (e.getColDataTypeList() == null || e.getColDataTypeList().size() != 1) {
            throw new NotUnderstood("JSqlParser did not read the column definition");
        }
        return e.getColDataTypeList().get(0);
    }
}
