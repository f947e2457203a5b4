package io.migrescue.app;

import io.migrescue.failure.MigrescueException;
import io.migrescue.model.DatabaseInfo;
import java.util.List;

/** Which schemas (PostgreSQL) or databases (MySQL/MariaDB) a command looks at. */
public final class Scope {
    private Scope() {}

    /** The schemas asked for with {@code --schema}, else the connection's current one. */
    public static List<String> resolve(DatabaseInfo info, List<String> requested) {
        if (requested != null && !requested.isEmpty()) {
            return requested.stream().distinct().toList();
        }
        if (info.schema() == null || info.schema().isEmpty()) {
            throw MigrescueException.usage(
                    info.engine().isMySqlFamily()
                            ? "no database selected: name one in the URL (…:3306/app) or with --schema"
                            : "the connection has no current schema: name one with --schema");
        }
        return List.of(info.schema());
    }
}
