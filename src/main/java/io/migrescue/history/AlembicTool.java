package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.model.TableShape;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Alembic's {@code alembic_version (version_num)}: not a log but the current head revision(s), one row per branch.
 * A failed upgrade leaves it at the revision before (the whole run is one transaction on PostgreSQL; on MySQL the DDL
 * before the failure stays while the version does not move).
 *
 * <p>Writes {@code alembic_version} as Alembic 1.13 moves its heads (alembic/runtime/migration.py {@code HeadMaintainer}:
 * {@code _insert_version}, {@code _update_version}, {@code _delete_version}), which is also what {@code alembic stamp}
 * does. The table holds heads, not a log: recording a revision applied moves its parent's row to it; rolling it back
 * moves the row back to its parent.
 */
final class AlembicTool extends MigrationTool {
    static final String TOOL = "alembic";

    AlembicTool() {
        super(
                TOOL,
                "alembic_version",
                new Refusals(
                        "Alembic keeps no lock: it relies on the migration's transaction",
                        "Alembic has no dirty flag: alembic_version holds the last revision that finished"),
                "version_num");
    }

    @Override
    protected Optional<TransactionSwitch> transactionSwitch() {
        return Optional.of(new TransactionSwitch("autocommit_block", "with op.get_context().autocommit_block():"));
    }

    /**
     * {@code stamp <revision>} one step up: the parent's row becomes the revision ({@code UPDATE}); for a merge the other
     * parents' rows go first ({@code DELETE}); a base revision gets a row of its own ({@code INSERT}). Refused when the
     * revision's parent is not a current head: the database is then not where this revision starts.
     */
    @Override
    protected List<BoundStatement> applied(
            Dialect d, MigrationHistory h, MigrationFile file, Instant now, String installedBy) {
        AlembicRevision script = AlembicRevision.of(file);
        Set<String> heads = heads(h);
        if (heads.contains(script.revision())) {
            return List.of();
        }
        List<String> current = script.parents().stream().filter(heads::contains).toList();
        if (current.isEmpty()) {
            if (!script.parents().isEmpty()) {
                throw new IllegalStateException("alembic_version holds " + heads + ", not " + script.revision()
                        + "'s down revision " + script.parents() + ": the database is not where this revision starts");
            }
            return List.of(insert(d, h, script.revision()));
        }
        List<BoundStatement> plan = new ArrayList<>();
        current.subList(0, current.size() - 1).forEach(parent -> plan.add(delete(d, h, parent)));
        plan.add(update(d, h, current.get(current.size() - 1), script.revision()));
        return plan;
    }

    /**
     * One step down from head {@code id}: its row becomes its parent; for a merge the other parents get rows back; a
     * base revision's row, or one whose parent another head still descends from, is deleted. The parents come from the
     * revision scripts. Not a head: nothing to do, unless a head descends from it (then it is applied under others).
     */
    @Override
    protected List<BoundStatement> rolledBack(
            Dialect d, MigrationHistory h, String id, List<MigrationFile> files, Instant now) {
        Set<String> heads = heads(h);
        Map<String, List<String>> graph = graph(files);
        if (!heads.contains(id)) {
            if (heads.stream().anyMatch(head -> ancestors(head, graph).contains(id))) {
                throw new IllegalStateException(
                        id + " is applied below the heads " + heads + ": roll back the revisions after it first");
            }
            return List.of();
        }
        List<String> parents = graph.get(id);
        if (parents == null) {
            throw new IllegalArgumentException("alembic_version holds heads only: the revision before " + id
                    + " comes from its script, and none of the migration files given is revision " + id);
        }
        Set<String> otherHeads = new HashSet<>(heads);
        otherHeads.remove(id);
        Set<String> reachable = new HashSet<>();
        otherHeads.forEach(head -> reachable.addAll(ancestors(head, graph)));
        List<String> back = parents.stream().filter(p -> !reachable.contains(p)).toList();
        if (back.isEmpty()) {
            return List.of(delete(d, h, id));
        }
        List<BoundStatement> plan = new ArrayList<>();
        plan.add(update(d, h, id, back.get(back.size() - 1)));
        back.subList(0, back.size() - 1).forEach(parent -> plan.add(insert(d, h, parent)));
        return plan;
    }

    private static Set<String> heads(MigrationHistory h) {
        Set<String> heads = new HashSet<>();
        h.entries().stream().map(HistoryEntry::id).forEach(heads::add);
        return heads;
    }

    /** revision → down revisions, from every file that is an Alembic script. */
    private static Map<String, List<String>> graph(List<MigrationFile> files) {
        Map<String, List<String>> graph = new HashMap<>();
        for (MigrationFile f : files) {
            if (f.path() != null && f.path().toString().endsWith(".py")) {
                try {
                    AlembicRevision r = AlembicRevision.of(f);
                    graph.put(r.revision(), r.parents());
                } catch (IllegalArgumentException notARevision) {
                    // env.py and helpers live beside the scripts
                }
            }
        }
        return graph;
    }

    /** The revision and everything below it. */
    private static Set<String> ancestors(String revision, Map<String, List<String>> graph) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(revision));
        while (!todo.isEmpty()) {
            String r = todo.pop();
            if (seen.add(r)) {
                todo.addAll(graph.getOrDefault(r, List.of()));
            }
        }
        return seen;
    }

    private static BoundStatement insert(Dialect d, MigrationHistory h, String revision) {
        return BoundStatement.of(
                "INSERT INTO " + HistorySql.table(d, h) + " (" + HistorySql.column(d, "version_num") + ") VALUES (?)",
                revision);
    }

    private static BoundStatement update(Dialect d, MigrationHistory h, String from, String to) {
        return BoundStatement.of(
                "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "version_num") + " = ? WHERE "
                        + HistorySql.column(d, "version_num") + " = ?",
                to,
                from);
    }

    private static BoundStatement delete(Dialect d, MigrationHistory h, String revision) {
        return BoundStatement.of(
                "DELETE FROM " + HistorySql.table(d, h) + " WHERE " + HistorySql.column(d, "version_num") + " = ?",
                revision);
    }

    @Override
    public MigrationHistory read(Connection connection, Dialect dialect, TableShape table, List<TableShape> found)
            throws SQLException {
        String sql =
                "SELECT version_num FROM " + dialect.qualify(table.schema(), table.name()) + " ORDER BY version_num";
        List<HistoryEntry> entries = Rows.entries(connection, sql, rs -> {
            String revision = rs.getString(1);
            return new HistoryEntry(revision, revision, EntryState.APPLIED, null, null, "head");
        });
        return new MigrationHistory(tool(), table.schema(), table.name(), entries, null);
    }
}
