package io.migrescue.migration.knex;

import io.migrescue.migration.code.Code;
import io.migrescue.migration.code.Node;
import io.migrescue.migration.code.Node.Call;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * A foreign key as its modifier chain states it: {@code .references('users.id')} or
 * {@code .references('id').inTable('users')}, {@code .onDelete}, {@code .onUpdate}, {@code .withKeyName}. Read apart
 * from its SQL ({@link KnexTableSql#foreignKey}) because {@code t.foreign(…)} and a column's {@code .references(…)}
 * both state one.
 */
record KnexForeignKey(String refTable, List<String> refCols, String onDelete, String onUpdate, String name) {

    /**
     * The key {@code calls} state, or null when they do not say what it references; a modifier it does not know goes
     * to {@code notUnderstood} with its line, and the key is read on.
     */
    static KnexForeignKey read(List<Call> calls, String keyName, int line, ObjIntConsumer<Node> notUnderstood) {
        String refTable = null;
        List<String> refCols = null;
        String onDelete = null;
        String onUpdate = null;
        String name = keyName;
        for (Call m : calls) {
            switch (m.name()) {
                case "references" -> {
                    List<String> refs = Code.names(m.arg(0));
                    if (refs == null) {
                        return null;
                    }
                    if (refs.size() == 1 && refs.get(0).contains(".")) {
                        String r = refs.get(0);
                        refTable = r.substring(0, r.lastIndexOf('.'));
                        refCols = List.of(r.substring(r.lastIndexOf('.') + 1));
                    } else {
                        refCols = refs;
                    }
                }
                case "inTable" -> refTable = Code.str(m.arg(0));
                case "onDelete" -> onDelete = Code.str(m.arg(0));
                case "onUpdate" -> onUpdate = Code.str(m.arg(0));
                case "withKeyName" -> name = Code.str(m.arg(0));
                case "deferrable" -> notUnderstood.accept(m, line);
                default -> notUnderstood.accept(m, m.line());
            }
        }
        return refTable == null || refCols == null
                ? null
                : new KnexForeignKey(refTable, refCols, onDelete, onUpdate, name);
    }
}
