package io.migrescue.playbook;

import java.util.List;

/** A verification the executor evaluates after the last step, against a fresh read of the database. */
public sealed interface Check {
    String describe();

    record ConstraintPresent(String schema, String table, String name) implements Check {
        public String describe() {
            return "constraint " + name + " on " + table;
        }
    }

    /** Every statement of the migration is in effect (a fresh statement map says applied). */
    record MigrationEffectsPresent(String migration) implements Check {
        public String describe() {
            return "every statement of migration " + migration + " is in effect";
        }
    }

    record MigrationEffectsAbsent(String migration) implements Check {
        public String describe() {
            return "no statement of migration " + migration + " is in effect";
        }
    }

    /** The tool's history (in this table) is found and has no failed or dirty entry. */
    record HistoryClean(String tool, String table) implements Check {
        public String describe() {
            return tool + " history has no failed or dirty entry";
        }
    }

    record LockReleased(String tool, String table) implements Check {
        public String describe() {
            return tool + " lock is released";
        }
    }

    /** The same number of rows as the backup holds (nothing lost). */
    record RowCountKept(String schema, String table) implements Check {
        public String describe() {
            return "no row of " + table + " lost";
        }
    }

    record NoOrphans(
            String schema,
            String table,
            List<String> columns,
            String refSchema,
            String refTable,
            List<String> refColumns)
            implements Check {
        public String describe() {
            return "every " + table + " (" + String.join(", ", columns) + ") has its row in " + refTable;
        }
    }

    record NoDuplicates(String schema, String table, List<String> columns) implements Check {
        public String describe() {
            return "no duplicate (" + String.join(", ", columns) + ") in " + table;
        }
    }

    record NoNulls(String schema, String table, String column) implements Check {
        public String describe() {
            return "no NULL in " + table + "." + column;
        }
    }

    /** No row for which the CHECK's expression is false (what the server tests when it adds the constraint). */
    record NoCheckViolations(String schema, String table, String name, String expression) implements Check {
        public String describe() {
            return "every row of " + table + " passes CHECK (" + expression + ")";
        }
    }

    /**
     * No row holds a value the column's new type cannot hold (the rows diagnosis counted, read as text so the check
     * holds once the column has the new type).
     */
    record NoUnfitValues(io.migrescue.diagnosis.DataQuestion.UnfitValues question) implements Check {
        public String describe() {
            return "every value of " + question.table() + "." + question.column() + " fits " + question.newType();
        }
    }

    /** PostgreSQL: the foreign key was validated, not left NOT VALID. */
    record ConstraintValidated(String schema, String table, String name) implements Check {
        public String describe() {
            return "constraint " + name + " on " + table + " is validated";
        }
    }

    /** One statement of the migration is in effect (what resume looks at for a step that ran a migration statement). */
    record StatementInEffect(String migration, int n) implements Check {
        public String describe() {
            return "statement " + n + " of migration " + migration + " is in effect";
        }
    }

    /**
     * The tool's history says already what a record step writes ({@code what}: applied, rolled-back, release-lock,
     * clear-dirty): the step is then not run again, so a history row is never written twice.
     */
    record HistoryRecorded(String tool, String table, String what, String migration) implements Check {
        public String describe() {
            return tool + " history records " + (migration == null ? "" : migration + " as ") + what;
        }
    }

    record TablePresent(String schema, String table) implements Check {
        public String describe() {
            return "table " + table + " exists";
        }
    }

    /** PostgreSQL: the index exists and is valid (its build finished: {@code pg_index.indisvalid}). */
    record IndexValid(String schema, String table, String index) implements Check {
        public String describe() {
            return "index " + index + " on " + table + " is valid";
        }
    }

    /** A foreign key column has the type of the column it references (the engine accepts the key). */
    record ColumnTypeMatches(
            String schema, String table, String column, String refSchema, String refTable, String refColumn)
            implements Check {
        public String describe() {
            return table + "." + column + " has the type of " + refTable + "." + refColumn;
        }
    }

    /** The tool's history records for the migration the checksum its file has now ({@code validate} passes on it). */
    record ChecksumRecorded(String tool, String table, String migration, String checksum) implements Check {
        public String describe() {
            return tool + " history records checksum " + checksum + " for migration " + migration + ", its file's";
        }
    }
}
