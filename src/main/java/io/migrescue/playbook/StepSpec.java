package io.migrescue.playbook;

import java.util.List;
import java.util.Set;

/**
 * One typed step of a playbook, as written in YAML with {@code ${param}} templates still in it. The vocabulary is
 * small on purpose: a playbook is data, not a program. SQL is never written here except in {@link Sql}, where
 * {@code {param}} is an identifier (quoted by the dialect) and {@code :param} a bound value.
 */
public sealed interface StepSpec {
    /** The kind's name as a playbook writes it ({@link StepKind}). */
    default String kind() {
        return StepKind.of(this).id();
    }

    /**
     * What this kind of step does that cannot be taken back by running the migration again (renames or drops a live
     * table, deletes or rewrites rows, ends a session), or null when it does none of that. Such a step never runs on a
     * ranking alone: the playbook must bind it to a parameter declared {@code decision}, which a person answers in the
     * shell or gives with {@code --param} (the loader refuses a playbook that does not).
     */
    default String disrupts() {
        return StepKind.of(this).disrupts();
    }

    record Backup(List<String> tables, boolean data) implements StepSpec {}

    record Explain(String text) implements StepSpec {}

    /** Rename a constraint (MySQL/MariaDB foreign keys: drop and re-add under the new name, one ALTER). */
    record RenameConstraint(String table, String from, String to) implements StepSpec {}

    /** Free every constraint name the failed statement wants that {@code table} holds, renaming each with {@code suffix}. */
    record FreeConstraintNames(String table, String suffix) implements StepSpec {}

    /** Create a missing table from its CREATE TABLE in the migration files ({@code source: migrations}). */
    record CreateTableFrom(String table, String source) implements StepSpec {}

    record DropConstraint(String table, String name) implements StepSpec {}

    record RenameTable(String from, String to) implements StepSpec {}

    /**
     * PostgreSQL: drop an INVALID index (DROP INDEX CONCURRENTLY) and build it again CONCURRENTLY, as the failed migration
     * wrote it (else as the catalog defines it); a unique one only when no duplicate keys remain. When the index is the
     * failed migration's, its remaining statements run too.
     */
    record RebuildIndex(String table, String index) implements StepSpec {}

    /**
     * Give the columns of the foreign key the failed statement adds the type of the columns they reference. On a table
     * the failed migration created and left empty, the migration's column is changed; on a live table it is widened
     * after a check that every value fits, which {@code widen} (a decision) allows.
     */
    record AlignFkColumns(String widen) implements StepSpec {}

    /** Run the statements of the failed migration that are not in effect (optionally skipping the failed one). */
    record FinishMigration(boolean skipFailed) implements StepSpec {}

    /** Undo the statements of the failed migration that are in effect, newest first. */
    record RevertMigration(String tables) implements StepSpec {}

    /**
     * A dirty version settled the way the statement map points: {@code forward} (run what is missing, mark the
     * version clean) or {@code back} (undo what took effect, force the previous version); {@code auto} decides.
     */
    record SettleDirty(String direction, String tables) implements StepSpec {}

    /**
     * Make child rows satisfy a foreign key: {@code delete}, {@code set-null} or {@code insert-parents}. Rows of other
     * tables that reference orphans to be deleted get {@code grandchildren} ({@code delete} or {@code set-null}; null
     * when not given: asked only when such rows can exist).
     */
    record FixOrphans(String policy, String grandchildren) implements StepSpec {
        public FixOrphans(String policy) {
            this(policy, null);
        }
    }

    /**
     * Keep one row per duplicate key: {@code first} or {@code last} by primary key. Rows of other tables that reference
     * a deleted duplicate get {@code children} ({@code repoint}: to the kept row; null when not given: asked only when
     * a foreign key references the table).
     */
    record RemoveDuplicates(String keep, String children) implements StepSpec {
        public RemoveDuplicates(String keep) {
            this(keep, null);
        }
    }

    /**
     * Wait, with bounded backoff, until no session holds a lock on the tables the migration's remaining statements
     * change, naming the sessions that do; end the one session the operator names ({@code terminate}: its pid or
     * connection id), and only while it blocks. Never ends a session on its own.
     */
    record WaitForLocks(String terminate) implements StepSpec {}

    record FillNulls(String value) implements StepSpec {}

    /**
     * Make the rows a new CHECK refuses pass it: {@code delete} them, or {@code set-column}: set {@code column} to
     * {@code value} (bound) in them. Column and value are asked only for {@code set-column}; rows of other tables that
     * reference rows to be deleted get {@code referencing} ({@code delete} or {@code set-null}), asked only when a
     * foreign key references the table (null when not given).
     */
    record FixCheckRows(String policy, String column, String value, String referencing) implements StepSpec {}

    /**
     * Deal with the values a column's new type cannot hold: {@code set-null}, {@code set-value} ({@code value}, bound,
     * checked first to fit the new type), {@code truncate} (a length limit only) or {@code delete} the rows (rows of
     * other tables that reference them get {@code referencing}, as for {@link FixCheckRows}).
     */
    record FixUnfitRows(String policy, String value, String referencing) implements StepSpec {}

    record Sql(String text) implements StepSpec {
        private static final java.util.regex.Pattern DISRUPTIVE = java.util.regex.Pattern.compile(
                "\\b(DELETE|UPDATE|TRUNCATE|DROP|RENAME|REPLACE|KILL)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

        @Override
        public String disrupts() {
            return DISRUPTIVE.matcher(text).find()
                    ? "runs SQL that deletes, rewrites, drops or renames, or ends a session"
                    : null;
        }
    }

    /** Write the migration tool's history through its adapter: applied, rolled-back, release-lock, clear-dirty. */
    record Record(String what) implements StepSpec {
        /** The only history writes a record step may name (the loader refuses others; RecordPlanner implements each). */
        public static final Set<String> WHATS = Set.of(
                "applied",
                "rolled-back",
                "release-lock",
                "clear-dirty",
                "realign-checksum",
                "baseline",
                "stamp",
                "repoint",
                "deleted");
    }

    record Verify(List<CheckName> checks) implements StepSpec {}
}
