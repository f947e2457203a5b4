package io.migrescue.repair;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrescue.db.DatabaseSession;
import io.migrescue.diagnosis.StatementVerdict;
import io.migrescue.failure.MigrescueException;
import io.migrescue.playbook.Check;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.PlanStep;
import io.migrescue.sql.Effect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Picks up an interrupted repair from its journal: continues after the last step the journal shows done (a step cut
 * off half way is taken as done only when its effect is visible), or rolls everything back: what the repair created
 * is dropped and the backup restored.
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

    /** Where the journal stands. */
    record State(int doneUpTo, Integer interrupted, boolean backupVerified, boolean finished, Map<String, Long> savedRows,
                 Set<Integer> skipped) {
    }

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
        State state = read(journal.read());
        List<String> schemas = schemas(journal.read());
        if (state.finished() && !rollback) {
            throw new MigrescueException(io.migrescue.failure.ExitCode.OK, "the repair in " + dir + " already finished; nothing to resume");
        }
        try (RepairLock ignored = RepairLock.acquire(session)) {
            StepRunner runner = new StepRunner(session, journal, control);
            runner.applySessionLimits();
            if (rollback) {
                return rollBack(plan, dir, journal, state, schemas);
            }
            journal.write("resume", Map.of("doneUpTo", state.doneUpTo()));
            int doneUpTo = state.doneUpTo();
            if (!state.backupVerified()) {
                deleteTree(dir.resolve("tables")); // never verified, so nothing changed after it: take it again
                doneUpTo = 0;
            } else if (state.interrupted() != null && tookEffect(plan, state.interrupted(), schemas)) {
                journal.write("step-done", Map.of("n", state.interrupted(), "seenOnResume", true));
                doneUpTo = state.interrupted();
            }
            return new RepairExecutor(session, backups, schemas).runSteps(plan, dir, journal, runner, doneUpTo, state.savedRows(), gate);
        } catch (SQLException e) {
            throw new MigrescueException(io.migrescue.failure.ExitCode.REPAIR_STOPPED, "cannot resume: " + e.getMessage(), e);
        }
    }

    private RepairReport rollBack(Plan plan, Path dir, Journal journal, State state, List<String> schemas) throws SQLException {
        List<RepairReport.StepOutcome> outcomes = new ArrayList<>();
        if (state.backupVerified()) {
            int reached = state.interrupted() != null ? state.interrupted() : state.doneUpTo();
            for (String table : createdBy(plan, reached, state.skipped())) {
                try (Statement st = session.connection().createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + session.dialect().qualify(schemas.isEmpty() ? null : schemas.get(0), table));
                }
                journal.write("rollback-drop", Map.of("table", table));
            }
            backups.restore(session, dir);
        }
        journal.write("rolled-back", Map.of());
        for (PlanStep s : plan.steps()) {
            outcomes.add(new RepairReport.StepOutcome(s.n(), s.kind(), s.description(), "rolled-back", RepairExecutor.display(s), null));
        }
        return new RepairReport(plan, false, "rolled-back", dir, journal.file(), outcomes, List.of(),
                state.backupVerified() ? "every table the repair touched is back as the backup holds it" : "the repair stopped before any change");
    }

    /** Tables the executed steps created (not in the backup, so they must go before it is restored). */
    private static Set<String> createdBy(Plan plan, int reached, Set<Integer> skipped) {
        Set<String> tables = new LinkedHashSet<>();
        if (plan.finding().migration() == null) {
            return tables;
        }
        for (PlanStep s : plan.steps()) {
            if (s.n() <= reached && !skipped.contains(s.n()) && s.done() instanceof Check.StatementInEffect done) {
                for (StatementVerdict v : plan.finding().migration().statements()) {
                    if (v.n() == done.n()) {
                        for (Effect e : v.effects()) {
                            if (e instanceof Effect.CreateTable c) {
                                tables.add(c.table());
                            } else if (e instanceof Effect.RenameTable r) {
                                tables.add(r.to());
                            }
                        }
                    }
                }
            }
        }
        return tables;
    }

    private boolean tookEffect(Plan plan, int n, List<String> schemas) throws SQLException {
        PlanStep step = plan.steps().get(n - 1);
        if (step.done() == null) {
            return false;
        }
        Verifier verifier = new Verifier(session, schemas);
        verifier.refresh();
        return verifier.evaluate(step.done(), plan.finding().migration(), Map.of()).holds();
    }

    static State read(List<JsonNode> events) {
        int done = 0;
        Integer started = null;
        boolean backup = false;
        boolean finished = false;
        Map<String, Long> rows = new LinkedHashMap<>();
        Set<Integer> skipped = new LinkedHashSet<>();
        for (JsonNode e : events) {
            switch (e.path("event").asText()) {
                case "step-start" -> started = e.path("n").asInt();
                case "step-skipped" -> {
                    // the operator left it out: dealt with, but nothing of it is in effect (a roll back has nothing of it to undo)
                    done = Math.max(done, e.path("n").asInt());
                    skipped.add(e.path("n").asInt());
                }
                case "step-done" -> {
                    done = Math.max(done, e.path("n").asInt());
                    started = null;
                }
                case "backup-verified" -> {
                    backup = true;
                    e.path("rows").fields().forEachRemaining(f -> rows.put(f.getKey(), f.getValue().asLong()));
                }
                case "verified", "rolled-back" -> finished = true;
                case "resume" -> finished = false;
                default -> {
                    // step-failed leaves `started` set: that step is looked at again
                }
            }
        }
        return new State(done, started, backup, finished, rows, skipped);
    }

    private static List<String> schemas(List<JsonNode> events) {
        List<String> schemas = new ArrayList<>();
        events.stream().filter(e -> e.path("event").asText().equals("plan")).findFirst()
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
