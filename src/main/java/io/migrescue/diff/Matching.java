package io.migrescue.diff;

import io.migrescue.model.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tables of the two sides as paired by {@link NameMatcher}, and how a source table is named in the target. */
public final class Matching {
    private final SchemaMapping mapping;
    private final List<TablePair> pairs;
    private final Map<QualifiedName, TablePair> bySource = new HashMap<>();

    Matching(SchemaMapping mapping, List<Table> source, List<Table> target) {
        this.mapping = mapping;
        this.pairs = NameMatcher.match(source, target, Table::schema, Table::name, mapping).stream()
                .map(m -> new TablePair(m.source(), m.target(), m.targetSchema()))
                .toList();
        pairs.stream()
                .filter(p -> p.source() != null)
                .forEach(p -> bySource.put(
                        new QualifiedName(p.source().schema(), p.source().name()), p));
    }

    public SchemaMapping mapping() {
        return mapping;
    }

    /** Source tables first (in catalog order, matched or not), then the tables only the target has. */
    public List<TablePair> pairs() {
        return pairs;
    }

    /** Matched tables that live in another schema than their source schema maps to. */
    public List<TablePair> moved() {
        return pairs.stream()
                .filter(TablePair::matched)
                .filter(p ->
                        !p.target().schema().equals(mapping.targetFor(p.source().schema())))
                .toList();
    }

    /**
     * The target's name for a table the source names (a foreign key's referenced table): its match, or where it would
     * be created; a table outside the source's scope keeps its name in the corresponding schema.
     */
    public QualifiedName inTarget(String sourceSchema, String table) {
        TablePair pair = bySource.get(new QualifiedName(sourceSchema, table));
        if (pair != null) {
            return new QualifiedName(pair.targetSchema(), table);
        }
        if (!mapping.sourceScope().contains(sourceSchema)) {
            return new QualifiedName(sourceSchema, table); // e.g. Supabase's auth.users: the same schema on both sides
        }
        return new QualifiedName(mapping.targetFor(sourceSchema), table);
    }
}
