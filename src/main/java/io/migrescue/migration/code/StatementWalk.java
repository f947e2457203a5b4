package io.migrescue.migration.code;

import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Node.Func;
import java.util.List;

/**
 * Reading a JavaScript {@code up} body statement by statement, as the Knex, Sequelize and TypeORM readers do: the
 * statements in order, and the functions a wrapper call runs (a transaction, {@code Promise.all}, a helper) read the
 * same way, in order.
 */
public interface StatementWalk {
    /** Renders one statement (or says it is not understood). */
    void statement(Node n);

    default void run(List<Node> body) {
        for (Node n : body) {
            statement(n);
        }
    }

    /** Reads the functions {@code c} is given, in order, when it is given any; says whether it was. */
    default boolean wrapped(Call c) {
        if (c.args().stream().noneMatch(a -> a instanceof Func)) {
            return false;
        }
        c.args().stream().filter(a -> a instanceof Func).forEach(a -> run(((Func) a).body()));
        return true;
    }
}
