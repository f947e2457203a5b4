package io.migrescue.repair;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.catalog.CatalogReader;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.CatalogLookup;
import io.migrescue.diagnosis.EffectPresence;
import io.migrescue.diagnosis.Presence;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Effect;
import io.migrescue.sql.SqlStatement;
import io.migrescue.sql.StatementEffects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Picks up an interrupted repair from its journal: continues after the last step the journal shows done, or rolls
 * everything back ({@link Rollback}). A step cut off part way is never run twice: a transactional one committed
 * exactly when the ledger in the database has its row; of a non-transactional one (MySQL/MariaDB DDL) each statement
 * is looked for in the catalog, and one whose effect is there is not run again (one that cannot be told stops resume).
 */
public final class Resumer {
    private final DatabaseSession session;
    private final Backups backups;
    private StepControl control = StepControl.none();

    public Resumer(DatabaseSession session, Backups backups) {
        this.session = session;
        this.backups = backups;
    }

    /** Lock waits are told to, and Ctrl-C reaches the steps through, {@code control}. */
    public Resumer controlledBy(StepControl control) {
        this.control = control;
        return this;
    }

    /**
     * Where the journal stands.
     *
     * @param statementsDone per non-transactional step, the statements journalled as run
     * @param fingerprint    the database before the repair changed anything, or null (a journal from before fingerprints)
     * @param rollbackStarted a roll back began (and may have been cut off): going forward is no longer possible
     */
    record State(
            int doneUpTo,
            Integer interrupted,
            boolean backupVerified,
            boolean finished,
            Map<String, Long> savedRows,
            Set<Integer> skipped,
            Map<Integer, Set<Integer>> statementsDone,
            String repairId,
            DatabaseFingerprint fingerprint,
            boolean rollbackStarted,
            boolean rolledBack) {}

    public RepairReport resume(Path dir, boolean rollback) {
        return resume(dir, rollback, StepGate.RUN_ALL);
    }

    /** @param gate asked before each step that is still to run (not used for a roll back) */
    public RepairReport resume(Path dir, boolean rollback, StepGate gate) {
        if (!Files.isRegularFile(dir.resolve("journal.jsonl")) || !Files.isRegularFile(dir.resolve(PlanCodec.FILE))) {
            throw MigrescueException.usage(dir + " holds no repair journal (journal.jsonl and plan.json)");
        }
        Journal journal = Journal.open(dir.resolve("journal.jsonl"));
        Plan plan = PlanCodec.read(dir);
        State state = read(journal.read(), dir);
        List<String> schemas = schemas(journal.read());
        if (state.finished() && !rollback) {
            throw new MigrescueException(ExitCode.OK, "the repair in " + dir + " already finished; nothing to resume");
        }
        if (state.rolledBack()) { // again would restore the backup over whatever was written since
            throw new MigrescueException(
                    ExitCode.OK, "the repair in " + dir + " was rolled back already; nothing to do");
        }
        if (state.rollbackStarted() && !rollback) {
            throw new MigrescueException(
                    ExitCode.REPAIR_STOPPED,
                    "a roll back of the repair in " + dir + " began and was cut off;"
                            + " finish it with `migrescue resume --from " + dir + " --rollback`");
        }
        try (RepairLock ignored = RepairLock.acquire(session)) {
            StepRunner runner = new StepRunner(session, journal, control);
            runner.applySessionLimits();
            RepairExecutor executor = new RepairExecutor(session, backups, schemas).controlledBy(control);
            if (gate == StepGate.RUN_ALL) {
                executor.rollingBackOnFailure(); // nobody to ask, as for repair --yes
            }
            if (rollback) {
                return executor.rollBack(plan, dir, journal, state);
            }
            journal.write("resume", Map.of("doneUpTo", state.doneUpTo()));
            int doneUpTo = state.doneUpTo();
            if (!state.backupVerified()) {
                deleteTree(dir.resolve("tables")); // never verified, so nothing changed after it: take it again
                doneUpTo = 0;
            } else {
                StepLedger ledger = new StepLedger(session, schemas.get(0), state.repairId());
                ledger.create();
                runner.recordIn(ledger);
                if (state.interrupted() != null) {
                    PlanStep step = plan.steps().get(state.interrupted() - 1);
                    String seen = seenDone(step, ledger, runner, state, schemas);
                    if (seen != null) {
                        journal.write("step-done", Map.of("n", step.n(), "seenOnResume", seen));
                        doneUpTo = step.n();
                    }
                }
            }
            return executor.runSteps(plan, dir, journal, runner, doneUpTo, state.savedRows(), gate);
        } catch (SQLException e) {
            throw new MigrescueException(ExitCode.REPAIR_STOPPED, "cannot resume: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the step cut off took effect as a whole (how that is known), else null; the statements of a
     * non-transactional step already in effect are handed to the runner, which does not run them again.
     */
    private String seenDone(PlanStep step, StepLedger ledger, StepRunner runner, State state, List<String> schemas)
            throws SQLException {
        if (step.kind().equals("backup")) {
            return "the backup was verified";
        }
        if (ledger.committed(step.n())) {
            return "committed (the ledger in the database has its row)";
        }
        if (step.transactional() || !step.changesDatabase()) {
            return null; // not committed: rolled back with its transaction, so it runs again whole
        }
        if (step.kind().equals(io.migrescue.playbook.LockWaits.KIND)) {
            return null; // takes its locks and gives them back: runs again whole (ends a session only while it still
            // blocks)
        }
        Set<Integer> inEffect = new HashSet<>(state.statementsDone().getOrDefault(step.n(), Set.of()));
        CatalogLookup live = new CatalogLookup(
                CatalogReader.of(session.engine()).read(session.connection(), schemas), schemas.get(0));
        EffectPresence presence = new EffectPresence(live);
        for (int i = 1; i <= step.sql().size(); i++) {
            BoundStatement statement = step.sql().get(i - 1);
            if (inEffect.contains(i) || StepRunner.sessionSetting(statement)) {
                continue;
            }
            Seen p = combined(StatementEffects.of(new SqlStatement(i, statement.sql(), 0), session.engine()), presence);
            if (p.state() == Presence.State.PRESENT) {
                inEffect.add(i);
            } else if (p.state() == Presence.State.UNKNOWN) {
                throw new MigrescueException(
                        ExitCode.REPAIR_STOPPED,
                        "cannot tell whether statement " + i + " of step " + step.n()
                                + " took effect before the repair was cut off (" + p.reason()
                                + "), so it is not run again blindly;"
                                + " nothing was changed. Check it by hand, or roll the repair back with resume --rollback");
            } else {
                break; // statements run in order: none after the first absent one ran
            }
        }
        runner.alreadyInEffect(step.n(), inEffect);
        long statements =
                step.sql().stream().filter(s -> !StepRunner.sessionSetting(s)).count();
        long seen = java.util.stream.IntStream.rangeClosed(1, step.sql().size())
                .filter(i -> inEffect.contains(i)
                        && !StepRunner.sessionSetting(step.sql().get(i - 1)))
                .count();
        return seen == statements ? "every statement's effect is in the catalog" : null;
    }

    /** All effects of one statement: present only if all are, absent only if all are (DDL is atomic per statement). */
    private record Seen(Presence.State state, String reason) {}

    private static Seen combined(List<Effect> effects, EffectPresence presence) {
        List<Presence> each = effects.stream().map(presence::check).toList();
        String reason = String.join("; ", each.stream().map(Presence::reason).toList());
        if (!each.isEmpty() && each.stream().allMatch(p -> p.state() == Presence.State.PRESENT)) {
            return new Seen(Presence.State.PRESENT, reason);
        }
        if (!each.isEmpty() && each.stream().allMatch(p -> p.state() == Presence.State.ABSENT)) {
            return new Seen(Presence.State.ABSENT, reason);
        }
        return new Seen(Presence.State.UNKNOWN, each.isEmpty() ? "nothing to check" : reason);
    }

    static State read(List<JsonNode> events, Path dir) {
        int done = 0;
        Integer started = null;
        boolean backup = false;
        boolean finished = false;
        boolean rollbackStarted = false;
        boolean rolledBack = false;
        String repairId =
                dir.getFileName() == null ? "repair" : dir.getFileName().toString();
        DatabaseFingerprint fingerprint = null;
        Map<String, Long> rows = new LinkedHashMap<>();
        Set<Integer> skipped = new LinkedHashSet<>();
        Map<Integer, Set<Integer>> statements = new HashMap<>();
        for (JsonNode e : events) {
            switch (e.path("event").asText()) {
                case "plan" -> {
                    if (e.hasNonNull("repair")) {
                        repairId = e.path("repair").asText();
                    }
                }
                case "fingerprint" -> fingerprint = DatabaseFingerprint.fromJson(e.path("tables"));
                case "step-start" -> started = e.path("n").asInt();
                case "statement-done" ->
                    statements
                            .computeIfAbsent(e.path("n").asInt(), k -> new HashSet<>())
                            .add(e.path("i").asInt());
                case "step-skipped" -> {
                    // the operator left it out: dealt with, but nothing of it is in effect (a roll back has nothing of
                    // it to undo)
                    done = Math.max(done, e.path("n").asInt());
                    skipped.add(e.path("n").asInt());
                }
                case "step-done" -> {
                    done = Math.max(done, e.path("n").asInt());
                    started = null;
                }
                case "backup-verified" -> {
                    backup = true;
                    e.path("rows")
                            .fields()
                            .forEachRemaining(
                                    f -> rows.put(f.getKey(), f.getValue().asLong()));
                }
                case "rollback-start" -> rollbackStarted = true;
                case "verified" -> finished = true;
                case "rolled-back" -> {
                    finished = true;
                    rolledBack = true;
                }
                case "resume" -> finished = false;
                default -> {
                    // step-failed leaves `started` set: that step is looked at again
                }
            }
        }
        return new State(
                done,
                started,
                backup,
                finished,
                rows,
                skipped,
                statements,
                repairId,
                fingerprint,
                rollbackStarted,
                rolledBack);
    }

    private static List<String> schemas(List<JsonNode> events) {
        List<String> schemas = new ArrayList<>();
        events.stream()
                .filter(e -> e.path("event").asText().equals("plan"))
                .findFirst()
                .ifPresent(p -> p.path("schemas").forEach(s -> schemas.add(s.asText())));
        return schemas;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
