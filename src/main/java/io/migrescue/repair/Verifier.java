package io.migrescue.repair;

import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.DataQuestion;
import io.migrescue.diagnosis.FailedMigration;
import io.migrescue.diagnosis.PartialApplicationMap;
import io.migrescue.diagnosis.StatementState;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.diagnosis.StatementWithEffects;
import io.migrescue.evidence.DataEvidence;
import io.migrescue.history.HistoryAdapters;
import io.migrescue.history.HistoryReader;
import io.migrescue.model.Catalog;
import io.migrescue.model.Constraint;
import io.migrescue.model.MigrationHistory;
import io.migrescue.playbook.Check;
import io.migrescue.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Evaluates a plan's checks against a fresh read of the database: catalog, history and bounded counts. */
public final class Verifier {
    private final DatabaseSession session;
    private final List<String> schemas;
    private final String defaultSchema;
    private Catalog catalog;
    private List<MigrationHistory> history;
    /** Statements of the failed migration this repair ran itself (its journal and ledger say so), by number. */
    private Set<Integer> ranByRepair = Set.of();

    public Verifier(DatabaseSession session, List<String> schemas) {
        this.session = session;
        this.schemas = schemas;
        this.defaultSchema = schemas.get(0);
    }

    public List<CheckResult> verify(List<Check> checks, FailedMigration migration, Map<String, Long> savedRows)
            throws SQLException {
        return verify(checks, migration, savedRows, Set.of());
    }

    /**
     * @param ranByRepair statements of the migration that steps of this repair ran and committed: in effect even where
     *                    the catalog cannot show it (an INSERT … SELECT)
     */
    public List<CheckResult> verify(
            List<Check> checks, FailedMigration migration, Map<String, Long> savedRows, Set<Integer> ranByRepair)
            throws SQLException {
        this.ranByRepair = Set.copyOf(ranByRepair);
        refresh();
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(evaluate(check, migration, savedRows));
        }
        return results;
    }

    void refresh() throws SQLException {
        catalog = CatalogReader.of(session.engine()).read(session.connection(), schemas);
        history = HistoryReader.readAll(session, schemas, HistoryAdapters.all());
    }

    CheckResult evaluate(Check check, FailedMigration migration, Map<String, Long> savedRows) throws SQLException {
        CatalogLookup lookup = new CatalogLookup(catalog, defaultSchema);
        String what = check.describe();
        if (check instanceof Check.ConstraintPresent c) {
            boolean holds = lookup.table(c.schema(), c.table())
                    .flatMap(t -> lookup.constraint(t, c.name()))
                    .isPresent();
            return new CheckResult(what, holds, holds ? "present" : "missing");
        }
        if (check instanceof Check.TablePresent t) {
            boolean holds = lookup.table(t.schema(), t.table()).isPresent();
            return new CheckResult(what, holds, holds ? "present" : "missing");
        }
        if (check instanceof Check.IndexValid i) {
            Optional<io.migrescue.model.Index> found =
                    lookup.table(i.schema(), i.table()).flatMap(t -> lookup.index(t, i.index()));
            boolean holds = found.map(io.migrescue.model.Index::valid).orElse(false);
            return new CheckResult(what, holds, found.isEmpty() ? "missing" : holds ? "valid" : "INVALID");
        }
        if (check instanceof Check.ColumnTypeMatches c) {
            Optional<io.migrescue.model.Column> column =
                    lookup.table(c.schema(), c.table()).flatMap(t -> t.column(c.column()));
            Optional<io.migrescue.model.Column> ref =
                    lookup.table(c.refSchema(), c.refTable()).flatMap(t -> t.column(c.refColumn()));
            boolean holds = column.isPresent()
                    && ref.isPresent()
                    && io.migrescue.playbook.ColumnTypes.same(column.get(), ref.get());
            return new CheckResult(
                    what,
                    holds,
                    column.map(io.migrescue.model.Column::type).orElse("missing") + " / "
                            + ref.map(io.migrescue.model.Column::type).orElse("missing"));
        }
        if (check instanceof Check.ConstraintValidated c) {
            Optional<Constraint> found =
                    lookup.table(c.schema(), c.table()).flatMap(t -> lookup.constraint(t, c.name()));
            boolean holds = found.map(Constraint::validated).orElse(false);
            return new CheckResult(what, holds, found.isEmpty() ? "missing" : holds ? "validated" : "NOT VALID");
        }
        if (check instanceof Check.MigrationEffectsPresent
                || check instanceof Check.MigrationEffectsAbsent
                || check instanceof Check.StatementInEffect) {
            return statements(check, remap(migration, lookup, ranByRepair));
        }
        if (check instanceof Check.HistoryRecorded r) {
            List<MigrationHistory> found = historyOf(r.tool(), r.table());
            boolean holds = !found.isEmpty() && found.stream().allMatch(h -> recorded(h, r));
            return new CheckResult(
                    what, holds, found.isEmpty() ? "history not found" : holds ? "recorded" : "not recorded");
        }
        if (check instanceof Check.ChecksumRecorded c) {
            List<String> recorded = historyOf(c.tool(), c.table()).stream()
                    .flatMap(h -> h.entries().stream())
                    .filter(e -> e.id().equals(c.migration()) && e.state() == io.migrescue.model.EntryState.APPLIED)
                    .map(io.migrescue.model.HistoryEntry::checksum)
                    .toList();
            boolean holds = !recorded.isEmpty() && recorded.stream().allMatch(v -> v != null && v.equals(c.checksum()));
            return new CheckResult(
                    what,
                    holds,
                    recorded.isEmpty()
                            ? "no applied row for " + c.migration()
                            : "recorded "
                                    + String.join(
                                            ", ",
                                            recorded.stream()
                                                    .map(String::valueOf)
                                                    .toList()));
        }
        if (check instanceof Check.HistoryClean h) {
            List<MigrationHistory> found = historyOf(h.tool(), h.table());
            if (found.isEmpty()) {
                return new CheckResult(what, false, "no " + h.tool() + " history table " + h.table() + " found");
            }
            List<String> problems = new ArrayList<>();
            for (MigrationHistory m : found) {
                m.failed().forEach(e -> problems.add("failed " + e.id()));
                m.dirtyEntries().forEach(e -> problems.add("dirty " + e.id()));
            }
            return new CheckResult(
                    what, problems.isEmpty(), problems.isEmpty() ? "clean" : String.join(", ", problems));
        }
        if (check instanceof Check.LockReleased l) {
            List<MigrationHistory> found = historyOf(l.tool(), l.table());
            boolean locked = found.isEmpty() || found.stream().anyMatch(MigrationHistory::locked);
            return new CheckResult(
                    what, !locked, found.isEmpty() ? "history not found" : locked ? "still locked" : "released");
        }
        if (check instanceof Check.RowCountKept r) {
            Long saved = savedRows.get(r.table());
            long now = new DataEvidence(session).countRows(r.schema(), r.table());
            boolean holds = saved != null && now >= saved;
            return new CheckResult(what, holds, now + " row(s) now, " + saved + " in the backup");
        }
        DataQuestion question;
        if (check instanceof Check.NoOrphans o) {
            question = new DataQuestion.OrphanRows(
                    o.schema(), o.table(), o.columns(), o.refSchema(), o.refTable(), o.refColumns());
        } else if (check instanceof Check.NoDuplicates d) {
            question = new DataQuestion.DuplicateKeys(d.schema(), d.table(), d.columns());
        } else if (check instanceof Check.NoCheckViolations c) {
            question = new DataQuestion.CheckViolations(c.schema(), c.table(), c.name(), c.expression(), null);
        } else if (check instanceof Check.NoUnfitValues u) {
            question = u.question();
        } else {
            Check.NoNulls n = (Check.NoNulls) check;
            question = new DataQuestion.NullValues(n.schema(), n.table(), n.column());
        }
        long count = new DataEvidence(session).count(question);
        return new CheckResult(what, count == 0, count + " offending row(s)");
    }

    /** The tool's history in its (possibly renamed) table, read the way diagnose found it. */
    private List<MigrationHistory> historyOf(String tool, String table) throws SQLException {
        return HistoryReader.readAll(session, schemas, HistoryAdapters.select(tool, table));
    }

    public List<MigrationHistory> history() {
        return history;
    }

    /**
     * A check over the statement map, pure. A statement whose state is {@code unknown} (the catalog cannot show it, or
     * the parser could not read it) makes the check fail: "cannot tell" never passes as "holds".
     */
    static CheckResult statements(Check check, List<StatementVerdict> map) {
        String what = check.describe();
        List<StatementVerdict> looked = check instanceof Check.StatementInEffect s
                ? map.stream().filter(v -> v.n() == s.n()).toList()
                : map;
        if (looked.isEmpty()) {
            return new CheckResult(what, false, "cannot tell: the migration's statements are not known");
        }
        List<StatementVerdict> unknown =
                looked.stream().filter(v -> v.state() == StatementState.UNKNOWN).toList();
        if (!unknown.isEmpty()) {
            return new CheckResult(
                    what,
                    false,
                    "cannot tell: "
                            + String.join(
                                    "; ",
                                    unknown.stream()
                                            .map(v -> "statement " + v.n() + " is unknown (" + v.reason() + ")")
                                            .toList()));
        }
        if (check instanceof Check.StatementInEffect) {
            boolean holds = looked.get(0).state() == StatementState.APPLIED;
            return new CheckResult(what, holds, holds ? "in effect" : "not in effect");
        }
        boolean present = check instanceof Check.MigrationEffectsPresent;
        List<Integer> wrong = looked.stream()
                .filter(v -> present
                        ? v.state() == StatementState.NOT_APPLIED || v.state() == StatementState.FAILED
                        : v.state() == StatementState.APPLIED)
                .map(StatementVerdict::n)
                .toList();
        return new CheckResult(
                what,
                wrong.isEmpty(),
                wrong.isEmpty()
                        ? "statement map: " + states(looked)
                        : "statement(s) " + wrong + (present ? " not in effect" : " still in effect"));
    }

    /** What the history says of a record step's migration: the step has nothing left to write. */
    private static boolean recorded(MigrationHistory h, Check.HistoryRecorded r) {
        List<io.migrescue.model.HistoryEntry> entries =
                h.entries().stream().filter(e -> e.id().equals(r.migration())).toList();
        return switch (r.what()) {
            case "applied" ->
                entries.stream().anyMatch(e -> e.state() == io.migrescue.model.EntryState.APPLIED)
                        && entries.stream()
                                .noneMatch(e -> e.state() == io.migrescue.model.EntryState.FAILED
                                        || e.state() == io.migrescue.model.EntryState.DIRTY);
            case "rolled-back" ->
                entries.stream().allMatch(e -> e.state() == io.migrescue.model.EntryState.ROLLED_BACK);
            case "release-lock" -> !h.locked();
            case "clear-dirty" -> !h.dirty();
            case "stamp" -> !entries.isEmpty() && h.entries().size() == entries.size();
            case "repoint" -> entries.stream().anyMatch(e -> e.state() == io.migrescue.model.EntryState.APPLIED);
            // gone, or marked by a later row as the tool marks it (Flyway's DELETE row)
            case "deleted" ->
                entries.isEmpty()
                        || entries.stream()
                                .anyMatch(e -> e.detail() != null && e.detail().startsWith("DELETE "));
            default -> false;
        };
    }

    /**
     * The statement map read again from the live catalog. A statement this repair ran and committed is in effect even
     * when the catalog cannot show it (DML): its state is taken from the ledger, not guessed.
     */
    private static List<StatementVerdict> remap(
            FailedMigration migration, CatalogLookup lookup, Set<Integer> ranByRepair) {
        if (migration == null) {
            return List.of();
        }
        List<StatementWithEffects> statements = migration.statements().stream()
                .map(v -> new StatementWithEffects(new SqlStatement(v.n(), v.sql(), v.line()), v.effects()))
                .toList();
        return PartialApplicationMap.build(statements, lookup, null).stream()
                .map(v -> v.state() == StatementState.UNKNOWN && ranByRepair.contains(v.n())
                        ? new StatementVerdict(
                                v.n(),
                                v.line(),
                                v.sql(),
                                v.effects(),
                                StatementState.APPLIED,
                                "run and committed by this repair (" + v.reason() + ")",
                                v.prediction())
                        : v)
                .toList();
    }

    private static String states(List<StatementVerdict> map) {
        return String.join(
                ", ", map.stream().map(v -> v.n() + " " + v.state().id()).toList());
    }
}
