package io.migrescue.diff.script;

import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.Subject;
import io.migrescue.model.DefinedObject;
import io.migrescue.sql.Dialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fixes for objects known by their definition (views, routines, triggers, comments, domains, composite types,
 * extensions, policies, row security, partitions, privileges): created from the source's definition, dropped, or
 * (changed) dropped and created again; changed in place where the engine can (a function, procedure or comment is
 * replaced, so what calls it stays; a domain or composite type is altered; an extension updated; a partition detached
 * and attached with its new bound). A source object whose schema maps to another in the target is left to do by hand:
 * its printed definition names the source's schemas (on MySQL and MariaDB, whose definitions are read with their own
 * schema's names quoted, those names are renamed to the target's). A routine whose statement does not replace it
 * (MySQL's) is dropped and created again. MySQL partitioning has changes of its own ({@link MySqlPartitionChanges}).
 * A dropped partition loses its rows.
 */
final class DefinedObjectChanges {
    /** kind → {create phase, drop phase}; views and materialized views are the default */
    private static final Map<String, Phase[]> PHASES = Map.ofEntries(
            Map.entry("function", new Phase[] {Phase.CREATE_ROUTINES, Phase.DROP_ROUTINES}),
            Map.entry("procedure", new Phase[] {Phase.CREATE_ROUTINES, Phase.DROP_ROUTINES}),
            Map.entry("trigger", new Phase[] {Phase.CREATE_TRIGGERS, Phase.DROP_TRIGGERS}),
            Map.entry("comment", new Phase[] {Phase.COMMENTS, Phase.COMMENTS}),
            Map.entry("domain", new Phase[] {Phase.DOMAINS, Phase.DROP_DOMAINS}),
            Map.entry("composite type", new Phase[] {Phase.DOMAINS, Phase.DROP_DOMAINS}),
            Map.entry("extension", new Phase[] {Phase.EXTENSIONS, Phase.DROP_EXTENSIONS}),
            Map.entry("policy", new Phase[] {Phase.CREATE_POLICIES, Phase.DROP_POLICIES}),
            Map.entry("row security", new Phase[] {Phase.CREATE_POLICIES, Phase.DROP_POLICIES}),
            Map.entry("partition", new Phase[] {Phase.PARTITIONS, Phase.DROP_PARTITIONS}),
            Map.entry("identity options", new Phase[] {Phase.IDENTITY_OPTIONS, Phase.DROP_IDENTITY_OPTIONS}));

    private static final Phase[] VIEWS = {Phase.CREATE_VIEWS, Phase.DROP_VIEWS};
    private static final Phase[] PRIVILEGES = {Phase.PRIVILEGES, Phase.PRIVILEGES};

    private DefinedObjectChanges() {}

    static Change of(Difference d, Dialect dialect) {
        Subject.OfDefined s = (Subject.OfDefined) d.subject();
        if (dialect.engine().isMySqlFamily()
                && s.source() != null
                && !s.source().schema().equals(s.targetSchema())) {
            // MySQL definitions write their own schema's names quoted: the target's can take their place
            s = new Subject.OfDefined(inSchema(s.source(), s.targetSchema(), dialect), s.target(), s.targetSchema());
        }
        DefinedObject present = s.source() != null ? s.source() : s.target();
        String what = present.kind() + " " + d.object();
        if (present.kind().equals("partitioning")) {
            return MySqlPartitionChanges.of(s, d.object());
        }
        if (s.source() != null && !s.source().schema().equals(s.targetSchema())) {
            return Change.manual(
                    what,
                    "it is in schema " + s.targetSchema() + " in the target and its definition names "
                            + s.source().schema() + ": write it for that schema");
        }
        if (d.missingIn() == DiffSide.TARGET) {
            return Change.of("create " + what, List.of(create(s.source())), List.of(drop(s.source())));
        }
        if (d.missingIn() == DiffSide.SOURCE) {
            Change drop = Change.of("drop " + what, List.of(drop(s.target())), List.of(create(s.target())));
            return present.kind().equals("partition")
                    ? Change.of("drop " + what + " and its rows", drop.forward(), drop.rollback())
                            .asDestructive()
                    : drop;
        }
        return changed(s.source(), s.target(), what);
    }

    private static Change changed(DefinedObject source, DefinedObject target, String what) {
        String kind = source.kind();
        if (isRoutine(source) && source.create().startsWith("CREATE OR REPLACE")
                || kind.equals("comment")
                || kind.equals("identity options")) {
            return Change.of("replace " + what, List.of(create(source)), List.of(create(target)));
        }
        if (kind.equals("domain") || kind.equals("composite type")) {
            var forward = TypeAlterations.alter(source, target);
            var backward = TypeAlterations.alter(target, source);
            if (forward.isPresent() && backward.isPresent()) {
                Change alter = Change.of(
                        "alter " + what, steps(forward.get(), Phase.DOMAINS), steps(backward.get(), Phase.DOMAINS));
                return kind.equals("domain")
                        ? alter
                        : alter.withWarning("PostgreSQL cannot alter the attributes of a "
                                + "composite type a table column uses: it fails then");
            }
        }
        if (kind.equals("extension")) {
            return Change.of(
                            "update " + what + " to the source's " + source.definition(),
                            replace(source),
                            List.of(new Step(Phase.EXTENSIONS, target.drop()), create(target)))
                    .withWarning("the rollback drops the extension and creates it again at its old version "
                            + "(extensions have no downgrade): it fails while objects use it");
        }
        if (kind.equals("partition")) {
            return Change.of(
                    "detach and attach " + what + " with the source's bound", replace(source), replace(target));
        }
        Change recreate = Change.of(
                "recreate " + what + " as the source defines it",
                List.of(drop(target), create(source)),
                List.of(drop(source), create(target)));
        return kind.equals("domain")
                ? recreate.withWarning("its base type changed: dropping it fails while columns use it")
                : recreate;
    }

    /** Dropped before and created again after a change to something it depends on (it is the same on both sides). */
    static Change around(DefinedObject dependent, String because) {
        return Change.of(
                "recreate " + dependent.kind() + " " + dependent.qualifiedName() + " around " + because,
                List.of(drop(dependent), create(dependent)),
                List.of(drop(dependent), create(dependent)));
    }

    /** A MySQL object's statements for another schema: its quoted schema-qualified names renamed. */
    private static DefinedObject inSchema(DefinedObject o, String schema, Dialect dialect) {
        String from = dialect.quote(o.schema()) + ".";
        String to = dialect.quote(schema) + ".";
        return new DefinedObject(
                o.kind(),
                schema,
                o.name(),
                o.definition(),
                o.create().replace(from, to),
                o.drop().replace(from, to));
    }

    private static boolean isRoutine(DefinedObject o) {
        return o.kind().equals("function") || o.kind().equals("procedure");
    }

    private static List<Step> replace(DefinedObject o) {
        return steps(Arrays.asList(o.replace().split(";\n")), phases(o)[0]);
    }

    private static List<Step> steps(List<String> sql, Phase phase) {
        List<Step> out = new ArrayList<>();
        sql.forEach(s -> out.add(new Step(phase, s)));
        return out;
    }

    private static Phase[] phases(DefinedObject o) {
        return o.kind().equals("privilege") ? PRIVILEGES : PHASES.getOrDefault(o.kind(), VIEWS);
    }

    static Step create(DefinedObject o) {
        return new Step(phases(o)[0], o.create());
    }

    static Step drop(DefinedObject o) {
        return new Step(phases(o)[1], o.drop());
    }
}
