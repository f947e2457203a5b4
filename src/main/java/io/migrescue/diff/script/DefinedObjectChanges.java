package io.migrescue.diff.script;

import io.migrescue.diff.DiffSide;
import io.migrescue.diff.Difference;
import io.migrescue.diff.Subject;
import io.migrescue.model.DefinedObject;
import io.migrescue.sql.Dialect;

import java.util.List;

/**
 * Fixes for views, materialized views, functions, procedures and triggers: created from the source's definition,
 * dropped, or (changed) dropped and created again; a changed function, procedure or comment is replaced in place, so
 * what calls it stays. A source object whose schema maps to another in the target is left to do by hand: its printed
 * definition names the source's schemas (on MySQL and MariaDB, whose definitions are read with their own schema's
 * names quoted, those names are renamed to the target's). A routine whose statement does not replace it (MySQL's) is
 * dropped and created again. Partitioning has changes of its own ({@link MySqlPartitionChanges}). Drops run before
 * the tables change and creates after (see {@link Phase}).
 * Nothing here holds rows: a materialized view is filled again by its query.
 */
final class DefinedObjectChanges {
    private DefinedObjectChanges() {
    }

    static Change of(Difference d, Dialect dialect) {
        Subject.OfDefined s = (Subject.OfDefined) d.subject();
        if (dialect.engine().isMySqlFamily() && s.source() != null && !s.source().schema().equals(s.targetSchema())) {
            // MySQL definitions write their own schema's names quoted: the target's can take their place
            s = new Subject.OfDefined(inSchema(s.source(), s.targetSchema(), dialect), s.target(), s.targetSchema());
        }
        DefinedObject present = s.source() != null ? s.source() : s.target();
        String what = present.kind() + " " + d.object();
        if (present.kind().equals("partitioning")) {
            return MySqlPartitionChanges.of(s, d.object());
        }
        if (s.source() != null && !s.source().schema().equals(s.targetSchema())) {
            return Change.manual(what, "it is in schema " + s.targetSchema()
                    + " in the target and its definition names " + s.source().schema() + ": write it for that schema");
        }
        if (d.missingIn() == DiffSide.TARGET) {
            return Change.of("create " + what, List.of(create(s.source())), List.of(drop(s.source())));
        }
        if (d.missingIn() == DiffSide.SOURCE) {
            return Change.of("drop " + what, List.of(drop(s.target())), List.of(create(s.target())));
        }
        if (isRoutine(present) && s.source().create().startsWith("CREATE OR REPLACE") || isComment(present)) {
            return Change.of("replace " + what, List.of(create(s.source())), List.of(create(s.target())));
        }
        return Change.of("recreate " + what + " as the source defines it",
                List.of(drop(s.target()), create(s.source())), List.of(drop(s.source()), create(s.target())));
    }

    /** A MySQL object's statements for another schema: its quoted schema-qualified names renamed. */
    private static DefinedObject inSchema(DefinedObject o, String schema, Dialect dialect) {
        String from = dialect.quote(o.schema()) + ".";
        String to = dialect.quote(schema) + ".";
        return new DefinedObject(o.kind(), schema, o.name(), o.definition(), o.create().replace(from, to),
                o.drop().replace(from, to));
    }

    private static boolean isRoutine(DefinedObject o) {
        return o.kind().equals("function") || o.kind().equals("procedure");
    }

    private static boolean isComment(DefinedObject o) {
        return o.kind().equals("comment");
    }

    private static Step create(DefinedObject o) {
        Phase phase = isComment(o) ? Phase.COMMENTS : isRoutine(o) ? Phase.CREATE_ROUTINES
                : o.kind().equals("trigger") ? Phase.CREATE_TRIGGERS : Phase.CREATE_VIEWS;
        return new Step(phase, o.create());
    }

    private static Step drop(DefinedObject o) {
        Phase phase = isComment(o) ? Phase.COMMENTS : isRoutine(o) ? Phase.DROP_ROUTINES
                : o.kind().equals("trigger") ? Phase.DROP_TRIGGERS : Phase.DROP_VIEWS;
        return new Step(phase, o.drop());
    }
}
