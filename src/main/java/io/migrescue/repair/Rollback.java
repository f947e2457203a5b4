package io.migrescue.repair;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diff.QualifiedName;
import io.migrescue.diff.script.Ddl;
import io.migrescue.model.Constraint;
import io.migrescue.model.Index;
import io.migrescue.model.Table;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Undoes a repair: first what its executed steps created or renamed (last first: a table it created is dropped after
 * the foreign keys pointing at it, a table it renamed gets its name back), then the constraints, indexes and columns it
 * added to the tables it touched (so the rows put back are never refused by a constraint the repair added), then the
 * backup is restored. Every action is derived from the live catalog, so a roll back cut off part way is finished by
 * running it again; each is journalled. At the end the fingerprint is taken again and compared with the one from
 * before the repair: only an equal one is a roll back.
 */
final class Rollback {
    private final DatabaseSession session;
    /** The one DDL writer, as diff and playbooks use it: MySQL says DROP CHECK, and DROP FOREIGN KEY. */
    private final Ddl ddl;

    private final Backups backups;
    private final List<String> schemas;
    private int actions;

    /**
     * @param undone      what was done to undo the repair, in order, for the report
     * @param differences what is still not as before (empty: the database is exactly as before the repair)
     */
    record Outcome(List<String> undone, List<String> differences) {
        boolean exact() {
            return differences.isEmpty();
        }
    }

    Rollback(DatabaseSession session, Backups backups, List<String> schemas) {
        this.session = session;
        this.ddl = Ddl.of(session.engine());
        this.backups = backups;
        this.schemas = schemas;
    }

    Outcome run(Plan plan, Path dir, Journal journal, Resumer.State state) throws SQLException {
        journal.write("rollback-start", Map.of());
        List<String> undone = new ArrayList<>();
        DatabaseFingerprint before = state.fingerprint();
        if (state.backupVerified()) {
            undoSteps(plan, state, before, journal, undone);
            if (before != null) {
                undoAdditions(before, journal, undone);
            }
            backups.restore(session, dir);
            journal.write("rollback-restored", Map.of());
            undone.add("restored "
                    + (plan.backup().tables().isEmpty() && plan.backup().historyTool() == null
                            ? "nothing (the backup is empty)"
                            : "from the backup: " + String.join(", ", restored(plan))));
        }
        new StepLedger(session, schemas.get(0), state.repairId()).clear();
        if (before == null) {
            return new Outcome(
                    undone,
                    List.of()); // a journal from before fingerprints: the backup is all there is to compare with
        }
        DatabaseFingerprint now = DatabaseFingerprint.take(
                session,
                schemas,
                before.tables().entrySet().stream()
                        .filter(e -> e.getValue().rows() != null)
                        .map(Map.Entry::getKey)
                        .toList());
        return new Outcome(undone, now.differences(before));
    }

    private static List<String> restored(Plan plan) {
        List<String> names = new ArrayList<>(plan.backup().tables().stream()
                .map(t -> t.table() + (t.where() == null ? "" : " (the rows the repair changed)"))
                .toList());
        if (plan.backup().historyTool() != null) {
            names.add("the " + plan.backup().historyTool() + " history");
        }
        return names;
    }

    /** Tables the executed steps created are dropped, tables they renamed get their names back: last step first. */
    private void undoSteps(
            Plan plan, Resumer.State state, DatabaseFingerprint before, Journal journal, List<String> undone)
            throws SQLException {
        List<Effect> executed = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            boolean ran = step.n() <= state.doneUpTo() && !state.skipped().contains(step.n())
                    || state.interrupted() != null && step.n() == state.interrupted();
            if (!ran) {
                continue;
            }
            for (BoundStatement s : step.sql()) {
                executed.addAll(StatementEffects.of(new SqlStatement(0, s.sql(), 0), session.engine()));
            }
        }
        Set<String> renamedAway = new HashSet<>();
        executed.stream()
                .filter(Effect.RenameTable.class::isInstance)
                .map(e -> ((Effect.RenameTable) e).from())
                .forEach(renamedAway::add);
        Collections.reverse(executed);
        for (Effect e : executed) {
            CatalogLookup live = live();
            if (e instanceof Effect.CreateTable c) {
                Optional<Table> table = live.table(c.schema(), c.table());
                boolean existedBefore = table.isPresent()
                        && before != null
                        && before.tables().containsKey(table.get().qualifiedName());
                if (table.isPresent()
                        && (before == null
                                ? !existedBeforeByBackup(table.get(), plan)
                                : !existedBefore || renamedAway.contains(c.table()))) {
                    dropReferences(live, table.get(), journal, undone);
                    undo(
                            journal,
                            undone,
                            ddl.dropTable(at(table.get())),
                            "dropped table " + table.get().name() + ", which the repair created");
                }
            } else if (e instanceof Effect.RenameTable r) {
                String schema = r.toSchema() != null ? r.toSchema() : r.schema();
                Optional<Table> to = live.table(schema, r.to());
                if (to.isPresent() && live.table(r.schema(), r.from()).isEmpty()) {
                    undo(
                            journal,
                            undone,
                            ddl.renameTable(at(to.get()), r.from()),
                            "renamed table " + to.get().name() + " back to " + r.from());
                }
            }
        }
    }

    private static boolean existedBeforeByBackup(Table table, Plan plan) {
        return plan.backup().tables().stream().anyMatch(t -> t.table().equals(table.name()));
    }

    /** Foreign keys of other tables that point at {@code table}: dropped first, or the table cannot go. */
    private void dropReferences(CatalogLookup live, Table table, Journal journal, List<String> undone)
            throws SQLException {
        for (Table other : live.catalog().tables()) {
            if (other.qualifiedName().equals(table.qualifiedName())) {
                continue;
            }
            for (Constraint fk : other.foreignKeys()) {
                String refSchema = fk.foreignKey().referencedSchema() == null
                        ? other.schema()
                        : fk.foreignKey().referencedSchema();
                if (refSchema.equals(table.schema())
                        && fk.foreignKey().referencedTable().equals(table.name())) {
                    undo(
                            journal,
                            undone,
                            ddl.dropConstraint(at(other), fk),
                            "dropped foreign key " + fk.name() + " of " + other.name() + ", which points at "
                                    + table.name());
                }
            }
        }
    }

    /**
     * What the repair added to the tables it touched and the fingerprint does not know from before: foreign keys first
     * (so that the rows put back are not refused, and indexes they need can go), then other constraints, indexes, columns.
     */
    private void undoAdditions(DatabaseFingerprint before, Journal journal, List<String> undone) throws SQLException {
        Map<String, DatabaseFingerprint.TableState> touched = new LinkedHashMap<>();
        before.tables().forEach((name, t) -> {
            if (t.rows() != null) {
                touched.put(name, t);
            }
        });
        for (int phase = 0; phase < 4; phase++) {
            CatalogLookup live = live();
            for (Table table : live.catalog().tables()) {
                DatabaseFingerprint.TableState was = touched.get(table.qualifiedName());
                if (was == null) {
                    continue;
                }
                switch (phase) {
                    case 0, 1 -> {
                        boolean foreignKeys = phase == 0;
                        for (Constraint c : table.constraints()) {
                            if (c.isForeignKey() == foreignKeys
                                    && !was.constraints().contains(c.name())) {
                                String what = "dropped " + (foreignKeys ? "foreign key " : "constraint ") + c.name()
                                        + " of " + table.name() + ", which the repair added";
                                undo(journal, undone, ddl.dropConstraint(at(table), c), what);
                            }
                        }
                    }
                    case 2 -> {
                        for (Index i : table.indexes()) {
                            if (!was.indexes().contains(i.name())) {
                                String what = "dropped index " + i.name() + " of " + table.name()
                                        + ", which the repair created";
                                undo(journal, undone, ddl.dropIndex(at(table), i.name()), what);
                            }
                        }
                    }
                    default -> {
                        for (var column : table.columns()) {
                            if (!was.columns().contains(column.name())) {
                                String what = "dropped column " + table.name() + "." + column.name()
                                        + ", which the repair added";
                                undo(journal, undone, ddl.dropColumn(at(table), column.name()), what);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Runs one undoing statement, and journals and reports it as done. */
    private void undo(Journal journal, List<String> undone, String sql, String what) throws SQLException {
        execute(sql);
        done(journal, undone, what);
    }

    private void done(Journal journal, List<String> undone, String what) {
        undone.add(what);
        journal.write("rollback-undo", Map.of("k", ++actions, "what", what));
    }

    private CatalogLookup live() throws SQLException {
        return new CatalogLookup(
                CatalogReader.of(session.engine()).read(session.connection(), schemas), schemas.get(0));
    }

    private static QualifiedName at(Table t) {
        return new QualifiedName(t.schema(), t.name());
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = session.connection().createStatement()) {
            st.execute(sql);
        }
    }
}
