package io.migrescue.diff.script;

import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.DifferenceKind;
import io.migrescue.diff.QualifiedName;
import io.migrescue.diff.Subject;
import io.migrescue.model.Index;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The changes of one index: created (online where the engine can) or dropped, rebuilt when its definition differs,
 * or renamed. An index whose key has expressions the catalog does not spell out is left to do by hand.
 */
record IndexChanges(Ddl ddl) {
    Change missingIndex(Subject.OfIndex s, Difference d) {
        QualifiedName table = s.tables().targetName();
        Index index = d.missingIn() == DiffSide.TARGET ? s.source() : s.target();
        var create = ddl.createIndex(table, index);
        Step drop = new Step(Phase.DROP_INDEXES, ddl.dropIndex(table, index.name()));
        if (d.missingIn() == DiffSide.TARGET) {
            Optional<Step> online =
                    ddl.createIndexOnline(table, index).map(sql -> new Step(Phase.CONCURRENT_INDEXES, sql));
            return create.map(sql -> Change.of(
                            "create index " + d.object(),
                            List.of(online.orElse(new Step(Phase.CREATE_INDEXES, sql))),
                            List.of(drop)))
                    .orElse(Change.manual(
                            "create index " + d.object(), "its key has expressions the catalog does not spell out"));
        }
        Change change = Change.of(
                "drop index " + d.object(),
                List.of(drop),
                create.map(sql -> List.of(new Step(Phase.CREATE_INDEXES, sql))).orElse(List.of()));
        return create.isPresent()
                ? change
                : change.withRollbackManual("index " + d.object() + " has expression key parts: recreate it by hand");
    }

    Change rebuildIndex(Subject.OfIndex s, String object, Set<DifferenceKind> kinds) {
        QualifiedName table = s.tables().targetName();
        var create = ddl.createIndex(table, s.source());
        var restore = ddl.createIndex(table, s.target());
        String summary = "rebuild index " + object + " (" + ChangePlanner.aspects(kinds) + ")";
        if (create.isEmpty() || restore.isEmpty()) {
            return Change.manual(summary, "its key has expressions the catalog does not spell out");
        }
        return Change.of(
                summary,
                List.of(
                        new Step(
                                Phase.DROP_INDEXES,
                                ddl.dropIndex(table, s.target().name())),
                        new Step(Phase.CREATE_INDEXES, create.get())),
                List.of(
                        new Step(
                                Phase.DROP_INDEXES,
                                ddl.dropIndex(table, s.source().name())),
                        new Step(Phase.CREATE_INDEXES, restore.get())));
    }

    Change renameIndex(Subject.OfIndex s, String object) {
        QualifiedName table = s.tables().targetName();
        return Change.of(
                "rename index " + s.target().name() + " to " + s.source().name() + " on " + table,
                List.of(new Step(
                        Phase.RENAMES,
                        ddl.renameIndex(table, s.target().name(), s.source().name()))),
                List.of(new Step(
                        Phase.RENAMES,
                        ddl.renameIndex(table, s.source().name(), s.target().name()))));
    }
}
