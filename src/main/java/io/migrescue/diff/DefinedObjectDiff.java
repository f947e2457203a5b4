package io.migrescue.diff;

import io.migrescue.model.DefinedObject;
import java.util.List;
import java.util.Locale;

/**
 * Views, materialized views, functions, procedures and triggers: paired by kind, schema (through the mapping) and
 * name, compared by the engine's own printed definition.
 */
final class DefinedObjectDiff {
    private DefinedObjectDiff() {}

    static void compare(
            List<DefinedObject> source, List<DefinedObject> target, SchemaMapping mapping, List<Difference> out) {
        for (NameMatcher.Match<DefinedObject> m :
                NameMatcher.match(source, target, DefinedObject::schema, o -> o.kind() + " " + o.name(), mapping)) {
            Subject subject = new Subject.OfDefined(m.source(), m.target(), m.targetSchema());
            if (m.target() == null) {
                out.add(Difference.missing(
                        missing(m.source()),
                        m.source().qualifiedName(),
                        DiffSide.TARGET,
                        oneLine(m.source().definition()),
                        subject));
            } else if (m.source() == null) {
                out.add(Difference.missing(
                        missing(m.target()),
                        m.target().qualifiedName(),
                        DiffSide.SOURCE,
                        oneLine(m.target().definition()),
                        subject));
            } else if (!m.source()
                    .definition()
                    .strip()
                    .equals(m.target().definition().strip())) {
                out.add(Difference.differs(
                        differs(m.source()),
                        m.source().qualifiedName(),
                        oneLine(m.source().definition()),
                        oneLine(m.target().definition()),
                        subject));
            }
        }
    }

    private static DifferenceKind missing(DefinedObject o) {
        return DifferenceKind.valueOf("MISSING_" + constant(o));
    }

    private static DifferenceKind differs(DefinedObject o) {
        return DifferenceKind.valueOf(constant(o) + "_DIFFERS");
    }

    private static String constant(DefinedObject o) {
        return o.kind().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    /** Definitions span lines; reports show them on one. */
    private static String oneLine(String definition) {
        return definition.strip().replaceAll("\\s+", " ");
    }
}
