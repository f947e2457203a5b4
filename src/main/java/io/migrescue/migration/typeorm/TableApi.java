package io.migrescue.migration.typeorm;

import io.migrescue.migration.code.Node.Call;
import io.migrescue.migration.code.Rendered;
import io.migrescue.model.Engine;

/** TypeORM's Table API on the query runner, rendered as TypeORM's query runners render it for the engine. */
final class TableApi {
    private final Engine engine;

    TableApi(Engine engine) {
        this.engine = engine;
    }

    /** Renders {@code call} and says so; false when it is not a Table API call this reader knows. */
    boolean render(Call call, Rendered out) {
        return engine == null;
    }
}
