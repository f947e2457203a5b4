package io.migrescue.migration.django;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A model in the migration state: its table and fields, and its unique_together. */
final class DjangoModel {
    /** The Meta options of a CreateModel this reader understands (the others change the table). */
    static final Set<String> OPTIONS = Set.of(
            "db_table",
            "unique_together",
            "indexes",
            "constraints",
            "verbose_name",
            "verbose_name_plural",
            "ordering",
            "abstract",
            "managed",
            "permissions",
            "default_permissions",
            "get_latest_by",
            "default_related_name",
            "swappable",
            "base_manager_name",
            "default_manager_name");

    final String app;
    String name;
    String table;
    final Map<String, DjangoField> fields = new LinkedHashMap<>();
    List<List<String>> uniqueTogether = new ArrayList<>();
    /** A model this reader only knows by name (Django's own auth.User): its primary key is assumed an AutoField. */
    final boolean external;

    DjangoModel(String app, String name, String table, boolean external) {
        this.app = app;
        this.name = name;
        this.table = table;
        this.external = external;
    }

    DjangoField pk() {
        return fields.values().stream()
                .filter(DjangoField::primaryKey)
                .findFirst()
                .orElseThrow(DjangoOps.NotUnderstood::new);
    }

    DjangoField field(String name) {
        DjangoField f = fields.get(name);
        if (f == null) {
            throw new DjangoOps.NotUnderstood();
        }
        return f;
    }

    /** The column of a field named in unique_together or an index ({@code customer} → {@code customer_id}). */
    String column(String field) {
        return field(field).column();
    }
}
