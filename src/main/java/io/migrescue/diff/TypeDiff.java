package io.migrescue.diff;

import io.migrescue.model.EnumType;
import io.migrescue.model.Sequence;
import java.util.List;

/** Sequences and enum types, paired like tables (so a sequence that moved schema with its table is still found). */
final class TypeDiff {
    private TypeDiff() {}

    static void sequences(List<Sequence> source, List<Sequence> target, SchemaMapping mapping, List<Difference> out) {
        for (NameMatcher.Match<Sequence> m :
                NameMatcher.match(source, target, Sequence::schema, Sequence::name, mapping)) {
            Subject subject = new Subject.OfSequence(m.source(), m.target(), m.targetSchema());
            if (m.target() == null) {
                out.add(Difference.missing(
                        DifferenceKind.MISSING_SEQUENCE,
                        m.source().qualifiedName(),
                        DiffSide.TARGET,
                        Definitions.sequence(m.source()),
                        subject));
            } else if (m.source() == null) {
                out.add(Difference.missing(
                        DifferenceKind.MISSING_SEQUENCE,
                        m.target().qualifiedName(),
                        DiffSide.SOURCE,
                        Definitions.sequence(m.target()),
                        subject));
            } else {
                String s = Definitions.sequence(m.source());
                String t = Definitions.sequence(m.target());
                if (!s.equals(t)) {
                    out.add(Difference.differs(
                            DifferenceKind.SEQUENCE_DIFFERS, m.source().qualifiedName(), s, t, subject));
                }
            }
        }
    }

    static void enums(List<EnumType> source, List<EnumType> target, SchemaMapping mapping, List<Difference> out) {
        for (NameMatcher.Match<EnumType> m :
                NameMatcher.match(source, target, EnumType::schema, EnumType::name, mapping)) {
            Subject subject = new Subject.OfEnum(m.source(), m.target(), m.targetSchema());
            if (m.target() == null) {
                out.add(Difference.missing(
                        DifferenceKind.MISSING_ENUM,
                        m.source().qualifiedName(),
                        DiffSide.TARGET,
                        labels(m.source()),
                        subject));
            } else if (m.source() == null) {
                out.add(Difference.missing(
                        DifferenceKind.MISSING_ENUM,
                        m.target().qualifiedName(),
                        DiffSide.SOURCE,
                        labels(m.target()),
                        subject));
            } else if (!m.source().labels().equals(m.target().labels())) {
                out.add(Difference.differs(
                        DifferenceKind.ENUM_VALUES_DIFFER,
                        m.source().qualifiedName(),
                        labels(m.source()),
                        labels(m.target()),
                        subject));
            }
        }
    }

    private static String labels(EnumType type) {
        return String.join(", ", type.labels());
    }
}
