package io.migrescue.diff.script;

import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.DifferenceKind;
import io.migrescue.diff.Subject;
import io.migrescue.model.DefinedObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a fix script by the engine's dependency catalog ({@code pg_depend}, read into {@link DefinedObject#needs()}),
 * not by kind alone: objects that depend on a column whose type changes or that goes (a view, materialized view,
 * policy or trigger over it, and what depends on those) are dropped before the change and created again after it,
 * with their comments and privileges; and objects of one phase are created in dependency order (what each needs
 * first) and dropped the other way round. {@link Phase} orders what the catalog does not relate.
 */
final class DependencyOrder {
    /** Functions and procedures depend on a column only through a SQL-standard body (BEGIN ATOMIC). */
    private static final Set<String> RECREATABLE =
            Set.of("view", "materialized view", "policy", "trigger", "function", "procedure");

    private final Map<String, DefinedObject> targetByKey = new LinkedHashMap<>();
    private final List<DefinedObject> target;

    DependencyOrder(List<DefinedObject> targetObjects) {
        this.target = targetObjects;
        targetObjects.forEach(o -> targetByKey.put(o.key(), o));
    }

    /**
     * @param changes the planned changes
     * @param origins for each change, the difference(s) it came from
     * @return the changes, with the dependents of changed columns recreated around them, defined objects in
     *         dependency order
     */
    List<Change> order(List<Change> changes, List<List<Difference>> origins) {
        Map<Change, DefinedObject> objects = new IdentityHashMap<>();
        Set<String> handled = new HashSet<>();
        Map<String, String> touched = new LinkedHashMap<>();
        List<DefinedObject> recreated = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            for (Difference d : origins.get(i)) {
                if (d.subject() instanceof Subject.OfDefined s) {
                    DefinedObject present = s.source() != null ? s.source() : s.target();
                    objects.put(change, present);
                    if (s.target() != null) {
                        handled.add(s.target().key());
                        if (s.source() != null && change.summary().startsWith("recreate ")) {
                            recreated.add(s.target());
                        }
                    }
                } else if (d.subject() instanceof Subject.OfColumn c && c.target() != null && touches(d, change)) {
                    String column = c.tables().targetSchema() + "." + c.tables().name() + "."
                            + c.target().name();
                    touched.put("column " + column, "the change of column " + d.object());
                }
            }
        }
        List<Change> out = new ArrayList<>();
        List<Change> defined = new ArrayList<>();
        changes.forEach(c -> (objects.containsKey(c) ? defined : out).add(c));
        Set<String> differing = new HashSet<>();
        origins.forEach(ds -> ds.forEach(d -> {
            if (d.subject() instanceof Subject.OfDefined s && s.target() != null) {
                differing.add(s.target().key());
            }
        }));
        for (DefinedObject view : recreated) {
            restore(view, differing, objects, defined);
        }
        for (DefinedObject dependent : dependents(touched, handled)) {
            String because = touched.entrySet().stream()
                    .filter(e -> needsTransitively(dependent, e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("a change it depends on");
            Change around = DefinedObjectChanges.around(dependent, because);
            objects.put(around, dependent);
            defined.add(around);
            restore(dependent, differing, objects, defined);
        }
        out.addAll(sorted(defined, objects));
        return out;
    }

    /** The comments and privileges a recreated view loses with its drop, set again (those not changed anyway). */
    private void restore(
            DefinedObject view, Set<String> differing, Map<Change, DefinedObject> objects, List<Change> defined) {
        for (DefinedObject attached : attached(view)) {
            if (differing.contains(attached.key())) {
                continue;
            }
            List<Step> set = List.of(DefinedObjectChanges.create(attached));
            Change again = Change.of(
                    "restore " + attached.kind() + " " + attached.qualifiedName() + " (its object is " + "recreated)",
                    set,
                    set);
            objects.put(again, attached);
            defined.add(again);
        }
    }

    /** A column whose type changes, that goes, or that is dropped and added again (a generated one). */
    private static boolean touches(Difference d, Change change) {
        return d.kind() == DifferenceKind.COLUMN_TYPE_DIFFERS
                || d.kind() == DifferenceKind.MISSING_COLUMN && d.missingIn() == DiffSide.SOURCE
                || change.forward().stream().anyMatch(s -> s.sql().contains(" DROP COLUMN "));
    }

    /** Target objects that need a touched column (directly or through another such object), not already recreated. */
    private List<DefinedObject> dependents(Map<String, String> touched, Set<String> handled) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(touched.keySet());
        while (!queue.isEmpty()) {
            String key = queue.poll();
            for (DefinedObject o : target) {
                if (RECREATABLE.contains(o.kind())
                        && o.needs().contains(key)
                        && !handled.contains(o.key())
                        && reached.add(o.key())) {
                    queue.add(o.key());
                }
            }
        }
        return reached.stream().map(targetByKey::get).toList();
    }

    private boolean needsTransitively(DefinedObject o, String key) {
        Set<String> seen = new HashSet<>();
        Deque<DefinedObject> queue = new ArrayDeque<>(List.of(o));
        while (!queue.isEmpty()) {
            DefinedObject next = queue.poll();
            if (next.needs().contains(key)) {
                return true;
            }
            next.needs().stream()
                    .filter(seen::add)
                    .map(targetByKey::get)
                    .filter(x -> x != null)
                    .forEach(queue::add);
        }
        return false;
    }

    /** Comments and privileges on a view (or on its columns): dropping the view drops them. */
    private List<DefinedObject> attached(DefinedObject o) {
        if (!o.kind().endsWith("view")) {
            return List.of();
        }
        return target.stream()
                .filter(a -> a.schema().equals(o.schema())
                        && (a.kind().equals("comment")
                                        && (a.name().equals(o.name())
                                                || a.name().startsWith(o.name() + "."))
                                || a.kind().equals("privilege")
                                        && (a.name().startsWith(o.name() + " to ")
                                                || a.name().startsWith(o.name() + "."))))
                .toList();
    }

    /** Stable topological order: an object after what it needs, otherwise as planned. */
    private static List<Change> sorted(List<Change> changes, Map<Change, DefinedObject> objects) {
        List<Change> out = new ArrayList<>();
        Set<Change> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Change> visiting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Change c : changes) {
            visit(c, changes, objects, out, done, visiting);
        }
        return out;
    }

    private static void visit(
            Change c,
            List<Change> all,
            Map<Change, DefinedObject> objects,
            List<Change> out,
            Set<Change> done,
            Set<Change> visiting) {
        if (done.contains(c) || !visiting.add(c)) {
            return; // a cycle is left in planned order
        }
        List<String> needs = objects.get(c).needs();
        for (Change other : all) {
            if (other != c && needs.contains(objects.get(other).key())) {
                visit(other, all, objects, out, done, visiting);
            }
        }
        done.add(c);
        out.add(c);
    }
}
