package io.migrescue.playbook;

import java.util.List;

/**
 * One typed step of a playbook, as written in YAML with {@code ${param}} templates still in it. The vocabulary is
 * small on purpose: a playbook is data, not a program. SQL is never written here except in {@link Sql}, where
 * {@code {param}} is an identifier (quoted by the dialect) and {@code :param} a bound value.
 */
public sealed interface StepSpec {
    String kind();

    record Backup(List<String> tables, boolean data) implements StepSpec {
        public String kind() {
            return "backup";
        }
    }

    record Explain(String text) implements StepSpec {
        public String kind() {
            return "explain";
        }
    }

    /** Rename a constraint (MySQL/MariaDB foreign keys: drop and re-add under the new name, one ALTER). */
    record RenameConstraint(String table, String from, String to) implements StepSpec {
        public String kind() {
            return "rename-constraint";
        }
    }

    /** Free every constraint name the failed statement wants that {@code table} holds, renaming each with {@code suffix}. */
    record FreeConstraintNames(String table, String suffix) implements StepSpec {
        public String kind() {
            return "free-constraint-names";
        }
    }

    /** Create a missing table from its CREATE TABLE in the migration files ({@code source: migrations}). */
    record CreateTableFrom(String table, String source) implements StepSpec {
        public String kind() {
            return "create-table-from";
        }
    }

    record DropConstraint(String table, String name) implements StepSpec {
        public String kind() {
            return "drop-constraint";
        }
    }

    record RenameTable(String from, String to) implements StepSpec {
        public String kind() {
            return "rename-table";
        }
    }

    /** Run the statements of the failed migration that are not in effect (optionally skipping the failed one). */
    record FinishMigration(boolean skipFailed) implements StepSpec {
        public String kind() {
            return "finish-migration";
        }
    }

    /** Undo the statements of the failed migration that are in effect, newest first. */
    record RevertMigration() implements StepSpec {
        public String kind() {
            return "revert-migration";
        }
    }

    /**
     * A dirty version settled the way the statement map points: {@code forward} (run what is missing, mark the
     * version clean) or {@code back} (undo what took effect, force the previous version); {@code auto} decides.
     */
    record SettleDirty(String direction) implements StepSpec {
        public String kind() {
            return "settle-dirty-version";
        }
    }

    /** Make child rows satisfy a foreign key: {@code delete}, {@code set-null} or {@code insert-parents}. */
    record FixOrphans(String policy) implements StepSpec {
        public String kind() {
            return "fix-orphans";
        }
    }

    /** Keep one row per duplicate key: {@code first} or {@code last} by primary key. */
    record RemoveDuplicates(String keep) implements StepSpec {
        public String kind() {
            return "remove-duplicates";
        }
    }

    record FillNulls(String value) implements StepSpec {
        public String kind() {
            return "fill-nulls";
        }
    }

    record Sql(String text) implements StepSpec {
        public String kind() {
            return "sql";
        }
    }

    /** Write the migration tool's history through its adapter: applied, rolled-back, release-lock, clear-dirty. */
    record Record(String what) implements StepSpec {
        public String kind() {
            return "record";
        }
    }

    record Verify(List<String> checks) implements StepSpec {
        public String kind() {
            return "verify";
        }
    }
}
