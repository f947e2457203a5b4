package io.migrescue.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pairs schema objects (tables, sequences, enum types) of the two sides. First in the corresponding schema (same
 * name, see {@link SchemaMapping}); then, among the objects left, by name alone when exactly one object on each side
 * has it: that is a table moved to another schema (field report 01: prod's {@code myschema.elections} is local's
 * {@code public.elections}). A name held by several objects on one side is never guessed at: those are reported
 * missing. Objects are kept by identity: a table record's own hash walks all its columns, indexes and constraints.
 */
final class NameMatcher {
    private NameMatcher() {}

    /** @param targetSchema where the object is, or would be created, in the target */
    record Match<T>(T source, T target, String targetSchema) {}

    static <T> List<Match<T>> match(
            List<T> source,
            List<T> target,
            Function<T, String> schema,
            Function<T, String> name,
            SchemaMapping mapping) {
        Map<QualifiedName, T> targetByName = new LinkedHashMap<>();
        target.forEach(t -> targetByName.put(new QualifiedName(schema.apply(t), name.apply(t)), t));
        Map<T, T> paired = new IdentityHashMap<>();
        Set<T> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        for (T s : source) {
            T t = targetByName.get(new QualifiedName(mapping.targetFor(schema.apply(s)), name.apply(s)));
            if (t != null && taken.add(t)) {
                paired.put(s, t);
            }
        }
        Map<String, List<T>> sourceLeft =
                byName(source.stream().filter(s -> !paired.containsKey(s)).toList(), name);
        Map<String, List<T>> targetLeft =
                byName(target.stream().filter(t -> !taken.contains(t)).toList(), name);
        sourceLeft.forEach((n, list) -> {
            List<T> candidates = targetLeft.getOrDefault(n, List.of());
            if (list.size() == 1 && candidates.size() == 1) {
                paired.put(list.get(0), candidates.get(0));
                taken.add(candidates.get(0));
            }
        });
        List<Match<T>> matches = new ArrayList<>();
        for (T s : source) {
            T t = paired.get(s);
            matches.add(new Match<>(s, t, t != null ? schema.apply(t) : mapping.targetFor(schema.apply(s))));
        }
        for (T t : target) {
            if (!taken.contains(t)) {
                matches.add(new Match<>(null, t, schema.apply(t)));
            }
        }
        return matches;
    }

    private static <T> Map<String, List<T>> byName(List<T> objects, Function<T, String> name) {
        Map<String, List<T>> map = new LinkedHashMap<>();
        objects.forEach(
                o -> map.computeIfAbsent(name.apply(o), k -> new ArrayList<>()).add(o));
        return map;
    }
}
