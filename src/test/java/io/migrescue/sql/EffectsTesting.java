package io.migrescue.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.sql.Effect.ColumnDef;
import io.migrescue.sql.Effect.ConstraintDef;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Shorthands for effect tests. */
final class EffectsTesting {

    private EffectsTesting() {}

    /** A directory under this package's test resources. */
    static Path resource(String name) {
        try {
            return Path.of(EffectsTesting.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Effect> effects(String sql, Engine engine) {
        return StatementEffects.of(new SqlStatement(1, sql, 1), engine);
    }

    /** The only effect, of the expected kind. */
    static <T extends Effect> T only(Class<T> kind, String sql, Engine engine) {
        List<Effect> effects = effects(sql, engine);
        assertThat(effects).as("effects of %s", sql).hasSize(1);
        assertThat(effects.get(0)).as("effect of %s", sql).isInstanceOf(kind);
        return kind.cast(effects.get(0));
    }

    static ColumnDef column(String name, String type, boolean nullable, String defaultValue) {
        return new ColumnDef(name, type, nullable, defaultValue);
    }

    static ConstraintDef primaryKey(String name, String... columns) {
        return new ConstraintDef(name, "PRIMARY_KEY", List.of(columns), null, null, List.of(), null, null, null);
    }

    static ConstraintDef unique(String name, String... columns) {
        return new ConstraintDef(name, "UNIQUE", List.of(columns), null, null, List.of(), null, null, null);
    }

    static ConstraintDef check(String name, List<String> columns, String expression) {
        return new ConstraintDef(name, "CHECK", columns, null, null, List.of(), null, null, expression);
    }

    static ConstraintDef foreignKey(
            String name,
            List<String> columns,
            String refSchema,
            String refTable,
            List<String> refColumns,
            String onDelete,
            String onUpdate) {
        return new ConstraintDef(
                name, "FOREIGN_KEY", columns, refSchema, refTable, refColumns, onDelete, onUpdate, null);
    }
}
