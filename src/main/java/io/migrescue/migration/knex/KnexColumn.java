package io.migrescue.migration.knex;

import io.migrescue.sql.Dialect;

/** One column as the builder's modifier chain sets it ({@code .notNullable().defaultTo(…)}), then rendered once. */
final class KnexColumn {
    final String name;
    final String type;
    String nullable;
    String defaultValue;
    String comment = "";
    String position = "";
    String collate = "";
    boolean unsigned;
    boolean alter;

    KnexColumn(String name, String type) {
        this.name = name;
        this.type = type;
    }

    String sql(Dialect d, boolean postgres) {
        return d.quote(name) + " " + type + (unsigned && !type.contains("unsigned") ? " unsigned" : "")
                + (nullable == null ? "" : " " + nullable)
                + (defaultValue == null ? "" : " default " + defaultValue)
                + comment + collate + position;
    }
}
