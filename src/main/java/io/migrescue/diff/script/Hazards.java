package io.migrescue.diff.script;

import io.migrescue.model.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The top of a fix script: what running it may do to a live database besides changing its schema: locks that block
 * the application, tables rewritten, data lost. Read from the statements themselves, so it says what the script does.
 */
final class Hazards {
    private Hazards() {}

    static List<String> of(Engine engine, List<Change> changes, Predicate<Change> runs) {
        List<String> found = new ArrayList<>();
        for (Change c : changes) {
            if (c.manual() != null) {
                continue;
            }
            if (c.destructive()) {
                found.add("data loss: " + c.summary() + (runs.test(c) ? "" : " (commented out)"));
            }
            if (!runs.test(c)) {
                continue;
            }
            boolean newTable = c.summary().startsWith("create table ");
            for (Step step : c.forward()) {
                hazard(engine, c.summary(), step, newTable).ifPresent(found::add);
            }
        }
        List<String> out = new ArrayList<>();
        if (found.isEmpty()) {
            out.add("Hazards: none found (no long lock, no table rewrite, no data loss)");
        } else {
            out.add("Hazards (locks, rewrites, data loss):");
            found.stream().distinct().forEach(line -> out.add("  " + line));
        }
        if (engine == Engine.POSTGRESQL) {
            out.add("lock_timeout " + PostgresDdl.LOCK_TIMEOUT
                    + ": a statement that waits longer for a lock fails and the "
                    + "transaction rolls back; run it again when traffic is lower");
        }
        return out;
    }

    private static java.util.Optional<String> hazard(Engine engine, String summary, Step step, boolean newTable) {
        String sql = step.sql().toUpperCase(Locale.ROOT);
        String what = null;
        if (engine == Engine.POSTGRESQL) {
            if (sql.contains(" ALTER COLUMN ") && sql.contains(" TYPE ")) {
                what = "rewrite: " + summary
                        + ": ALTER COLUMN ... TYPE rewrites the table and its indexes under an ACCESS "
                        + "EXCLUSIVE lock (unless the types are binary-compatible)";
            } else if (sql.contains(" SET NOT NULL")) {
                what = "lock: " + summary + ": SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock";
            } else if (sql.contains(" ADD CONSTRAINT ")
                    && (sql.contains(" PRIMARY KEY ") || sql.contains(" UNIQUE "))) {
                what = "lock: " + summary + ": builds its index under an ACCESS EXCLUSIVE lock";
            } else if (sql.contains(" INDEX CONCURRENTLY ")) {
                what = "lock: " + summary
                        + ": built CONCURRENTLY, writes go on; if it fails it leaves an INVALID index to drop";
            } else if (step.phase() == Phase.CREATE_INDEXES && !newTable) {
                what = "lock: " + summary + ": blocks writes to the table while the index is built";
            } else if (step.phase() == Phase.VALIDATE_CONSTRAINTS) {
                what = "check: " + summary
                        + ": added NOT VALID, validated after the commit; if rows break it, it stays NOT VALID";
            } else if (sql.contains(" DETACH PARTITION ")) {
                what = "lock: " + summary
                        + ": DETACH and ATTACH PARTITION lock the parent table; ATTACH scans the partition "
                        + "to check its bound";
            } else if (summary.startsWith("recreate ") && summary.contains(" around ") && sql.startsWith("DROP ")) {
                what = "dependents: " + summary
                        + ": dropped before the change and created again after it (a materialized "
                        + "view is filled again)";
            } else if (sql.contains(" ADD COLUMN ") && sql.contains(" STORED")) {
                what = "rewrite: " + summary + ": a stored generated column rewrites the table";
            }
        } else if (sql.contains(" DROP COLUMN ") && sql.contains(", ADD COLUMN ")) {
            what = "rewrite: " + summary + ": a generated column is dropped and added again (values computed anew, "
                    + "the column moves to the end of the table); may copy the table";
        } else if (sql.contains(" PARTITION BY ")
                || sql.contains(" REORGANIZE PARTITION ")
                || sql.contains(" REMOVE PARTITIONING")
                || sql.contains(" COALESCE PARTITION ")) {
            what = "rewrite: " + summary
                    + ": copies the rows of the table or partitions and blocks writes while it runs";
        } else if (sql.contains(" MODIFY COLUMN ") || sql.contains(" ADD PRIMARY KEY ")) {
            what = "rewrite: " + summary + ": may copy the table and block writes while it runs";
        }
        return java.util.Optional.ofNullable(what);
    }
}
