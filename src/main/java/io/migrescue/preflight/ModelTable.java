package io.migrescue.preflight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One table of the simulated schema: what the live catalog holds, changed by the pending statements simulated so far.
 * Keys of the maps are names as the engine compares them ({@link SchemaModel#key}).
 */
final class ModelTable {
    /** A column; {@code liveName} is its name in the live table (its rows can be asked about), null for a new one. */
    record Col(String name, String type, boolean nullable, boolean hasDefault, String liveName) {
        boolean live() {
            return liveName != null;
        }
    }

    /** An index, or the index a primary key or unique constraint makes. */
    record Idx(String name, List<String> columns, boolean unique, boolean primary) {}

    /** A constraint: kind as in {@code Effect.ConstraintDef} (PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, …). */
    record Con(
            String name,
            String kind,
            List<String> columns,
            String refSchema,
            String refTable,
            List<String> refColumns,
            String onDelete,
            String onUpdate) {}

    final String schema;
    String name;
    /** The live table's schema and name (it keeps them across a simulated rename), null for a table a pending one makes. */
    final String liveSchema;

    final String liveName;
    /** False for a CREATE TABLE … AS / LIKE whose columns the reader does not know: no column is then "missing". */
    boolean columnsKnown = true;
    /** A constraint or index the engine names itself was added: a DROP of a name not found may still be right. */
    boolean engineNamed;
    /** The pending migration that creates this table, null for a live one. */
    String createdBy;

    final Map<String, Col> columns = new LinkedHashMap<>();
    final Map<String, Idx> indexes = new LinkedHashMap<>();
    final Map<String, Con> constraints = new LinkedHashMap<>();

    ModelTable(String schema, String name, String liveSchema, String liveName) {
        this.schema = schema;
        this.name = name;
        this.liveSchema = liveSchema;
        this.liveName = liveName;
    }

    /** The evidence of a DROP or RENAME naming one of its {@code what} it does not hold: the names it does hold. */
    List<String> held(String what, Stream<String> names) {
        return List.of(what + " of " + name + ": " + String.join(", ", names.toList()));
    }

    boolean live() {
        return liveName != null;
    }

    List<Con> constraintsOfKind(String kind) {
        List<Con> out = new ArrayList<>();
        constraints.values().stream().filter(c -> kind.equals(c.kind())).forEach(out::add);
        return out;
    }

    /** The primary key's columns, or empty. */
    List<String> primaryKey() {
        for (Con c : constraints.values()) {
            if ("PRIMARY_KEY".equals(c.kind())) {
                return c.columns();
            }
        }
        for (Idx i : indexes.values()) {
            if (i.primary()) {
                return i.columns();
            }
        }
        return List.of();
    }
}
