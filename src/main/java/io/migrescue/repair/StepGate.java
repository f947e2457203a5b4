package io.migrescue.repair;

import io.migrescue.playbook.Plan;
import java.util.List;
import java.util.Objects;

/**
 * Asked before each step of a repair runs, and told what came of it. The scripted command line lets every step run
 * ({@link #RUN_ALL}, the behaviour before the gate existed); the shell asks the person at the terminal. Whatever the
 * gate answers, the journal says it, so that {@code resume} knows what to do.
 */
public interface StepGate {
    /** Every step runs, nobody is asked. */
    StepGate RUN_ALL = (plan, step) -> Verdict.RUN;

    /**
     * @param plan the plan being carried out (a {@link Verdict#replan} answer replaces it)
     * @param step the step about to run, as people see it
     */
    Verdict before(Plan plan, Step step);

    /** The step ran (status {@code done}) or failed ({@code failed}, with the error). */
    default void after(Plan plan, RepairReport.StepOutcome outcome) {}

    /** Every step has run; the checks of the plan begin (they may take a while on large tables). */
    default void verifying(Plan plan) {}

    /** The checks are done; {@code holds} whether every one holds. */
    default void verified(Plan plan, boolean holds) {}

    /** A {@link Verdict#replan} answer that cannot be taken: the step is asked about again. */
    default void refused(Step step, String why) {}

    /**
     * One step as it is shown: its number, what it does, the exact statements it runs.
     *
     * @param of      how many steps the plan has
     * @param changes whether it changes the database (the backup step writes files only)
     * @param rows    the rows it changes, one line per table as counted before asking; empty for a step that changes none
     */
    record Step(int n, int of, String kind, String description, List<String> sql, boolean changes, List<String> rows) {
        public Step {
            sql = List.copyOf(sql);
            rows = List.copyOf(rows);
        }

        public Step(int n, int of, String kind, String description, List<String> sql, boolean changes) {
            this(n, of, kind, description, sql, changes, List.of());
        }
    }

    /** What to do with the step. */
    record Verdict(Kind kind, Plan replacement, String reason) {
        public enum Kind {
            /** run it */
            RUN,
            /** leave it out and go on with the next one (the journal records it as skipped) */
            SKIP,
            /** stop before it: nothing more changes, {@code resume} continues from this step */
            STOP,
            /** stop before it because the operator aborted the repair (a roll back may follow) */
            ABORT,
            /** carry on with another plan (other parameter values); the steps already run must be the same in it */
            REPLAN
        }

        public static final Verdict RUN = new Verdict(Kind.RUN, null, null);
        public static final Verdict SKIP = new Verdict(Kind.SKIP, null, null);

        public static Verdict stop(String reason) {
            return new Verdict(Kind.STOP, null, reason);
        }

        public static Verdict abort(String reason) {
            return new Verdict(Kind.ABORT, null, reason);
        }

        public static Verdict replan(Plan plan) {
            return new Verdict(Kind.REPLAN, Objects.requireNonNull(plan), null);
        }
    }
}
