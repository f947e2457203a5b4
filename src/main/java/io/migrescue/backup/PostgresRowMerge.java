package io.migrescue.backup;

import io.migrescue.failure.MigrescueException;
import io.migrescue.model.Table;
import io.migrescue.sql.Dialect;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts back the rows of a partial PostgreSQL backup: copied into a temporary table, then updated or inserted by key,
 * with the table's triggers off meanwhile (inside the restore's transaction, so no other session sees them off).
 */
record PostgresRowMerge(Sql sql, Dialect dialect, PostgresCopy copy) {

    /**
     * Switches a table's firing triggers off while rows are put back (so none rewrites a restored row or writes
     * elsewhere), and back to exactly the mode each had. Inside the transaction: other sessions never see them off.
     */
    void setTriggers(BackedUpTable t, List<PostgresDetails.Trigger> triggers, boolean on) throws SQLException {
        for (PostgresDetails.Trigger trigger : triggers) {
            String mode = switch (trigger.enabled()) {
                case "O" -> "ENABLE TRIGGER ";
                case "R" -> "ENABLE REPLICA TRIGGER ";
                case "A" -> "ENABLE ALWAYS TRIGGER ";
                default -> null; // disabled already: stays so
            };
            if (mode != null) {
                sql.execute("ALTER TABLE " + name(t) + " " + (on ? mode : "DISABLE TRIGGER ")
                        + dialect.quote(trigger.name()));
            }
        }
    }

    /** @param live the table as it is now, where the rows go */
    long merge(BackedUpTable t, Optional<Table> live, List<PostgresDetails.Trigger> triggers, String temporary)
            throws SQLException, IOException {
        Table target = live.orElseThrow(() -> MigrescueException.usage(
                "cannot put the backed-up rows of " + t.qualifiedName() + " back: the table does not exist"));
        setTriggers(t, triggers, false);
        List<String> key = KeyColumns.of(target)
                .orElseThrow(() -> MigrescueException.usage("cannot put the backed-up rows of " + t.qualifiedName()
                        + " back: it has no primary key (or NOT NULL unique key) to match them by"));
        String table = name(t);
        String tmp = dialect.quote(temporary);
        sql.execute("CREATE TEMPORARY TABLE " + tmp + " (LIKE " + table + ") ON COMMIT DROP");
        copy.in(t, tmp);
        String match = key.stream()
                .map(c -> "x." + dialect.quote(c) + " = m." + dialect.quote(c))
                .collect(Collectors.joining(" AND "));
        long updated = 0;
        List<String> set = KeyColumns.nonKey(t.columns(), key, target);
        if (!set.isEmpty()) {
            updated = sql.update("UPDATE " + table + " AS x SET "
                    + set.stream()
                            .map(c -> dialect.quote(c) + " = m." + dialect.quote(c))
                            .collect(Collectors.joining(", "))
                    + " FROM " + tmp + " AS m WHERE " + match);
        } else {
            updated = sql.number("SELECT count(*) FROM " + tmp + " AS m WHERE EXISTS (SELECT 1 FROM " + table
                    + " AS x WHERE " + match + ")");
        }
        long inserted = sql.update(
                "INSERT INTO " + table + " (" + copy.columnList(t.columns(), "") + ") OVERRIDING SYSTEM VALUE SELECT "
                        + copy.columnList(t.columns(), "m.") + " FROM " + tmp + " AS m WHERE NOT EXISTS (SELECT 1 FROM "
                        + table + " AS x WHERE "
                        + match + ")");
        if (updated + inserted != t.rows()) {
            throw Failures.stopped("restore rolled back, nothing changed: " + t.qualifiedName() + ": " + updated
                    + " rows updated and " + inserted + " inserted, but the backup holds " + t.rows()
                    + " (duplicate keys in the backed-up rows?)");
        }
        setTriggers(t, triggers, true);
        return t.rows();
    }

    private String name(BackedUpTable t) {
        return dialect.qualify(t.schema(), t.table());
    }
}
