package io.migrescue.shell;

import io.migrescue.app.RepairUseCase;
import io.migrescue.failure.MigrescueException;
import io.migrescue.playbook.ParamSpec;
import io.migrescue.playbook.Plan;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.StepGate;
import io.migrescue.repair.StepStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The repair, one step at a time: what the step does, its exact SQL, then {@code [y]es / [n]o / [s]kip / [a]bort /
 * [e]dit parameters}; after it, what came of it. Ctrl-C at the question asks whether to abort; Ctrl-C while a step runs
 * lets the step finish (a statement stopped half way is what leaves a schema broken) and then asks.
 */
final class StepWalk implements StepGate {
    private static final String CHOICES = "[y]es / [n]o / [s]kip / [a]bort / [e]dit parameters";

    private final Prompts prompts;
    private final Style style;
    private final RepairUseCase.Replanner replanner;
    private volatile int running;
    private volatile boolean interruptedDuringStep;
    private boolean abortNext;
    private boolean aborted;
    private boolean changed;
    private final StepTicker ticker;
    private boolean failed;

    /** @param replanner null when the parameters cannot be edited (a resumed repair runs the plan it journalled) */
    StepWalk(Prompts prompts, Style style, RepairUseCase.Replanner replanner, boolean redraws) {
        this.prompts = prompts;
        this.style = style;
        this.replanner = replanner;
        this.ticker = new StepTicker(prompts, redraws);
    }

    /** Whether the operator aborted (rather than stopped, or the repair ended by itself). */
    boolean aborted() {
        return aborted;
    }

    /** Whether a step failed (the repair stopped there by itself). */
    boolean failed() {
        return failed;
    }

    /** Whether a step that changes the database has run. */
    boolean changed() {
        return changed;
    }

    @Override
    public Verdict before(Plan plan, Step step) {
        PrintWriter out = prompts.out();
        if (abortNext) {
            aborted = true;
            out.println(style.warn("Stopping before step " + step.n() + ", as asked."));
            return Verdict.abort("Ctrl-C during the step before");
        }
        out.println();
        out.println(style.bold("Step " + step.n() + " of " + step.of()) + "  " + style.accent(step.kind()) + "  "
                + step.description());
        String note = StepNotes.of(step.kind());
        if (!note.isEmpty()) {
            wrap(note).forEach(l -> out.println("  " + style.dim(l)));
        }
        step.rows().forEach(r -> out.println("  " + style.warn("Rows") + "  " + r));
        if (step.sql().isEmpty()) {
            out.println("  " + style.dim(step.changes() ? "(no SQL)" : "(no SQL: nothing in the database changes)"));
        } else {
            for (String sql : step.sql()) {
                out.println(style.sql("    " + sql.replace("\n", "\n    ") + (sql.startsWith("--") ? "" : ";")));
            }
        }
        while (true) {
            String answer = prompts.line("Run step " + step.n() + "? " + style.bold(CHOICES) + " ");
            if (answer == null) {
                out.println();
                if (prompts.ended()) {
                    aborted = true;
                    out.println("End of input: the repair stops before step " + step.n() + "; the journal says so.");
                    return Verdict.abort("end of input at step " + step.n());
                }
                if (prompts.confirm("Abort the repair before step " + step.n() + "?")) {
                    aborted = true;
                    return Verdict.abort("Ctrl-C at step " + step.n());
                }
                continue;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> {
                    started(step);
                    return Verdict.RUN;
                }
                case "n", "no" -> {
                    out.println("Stopped before step " + step.n()
                            + ". The journal says so: resume continues from here, resume --rollback undoes it.");
                    return Verdict.stop("the operator said no at step " + step.n());
                }
                case "s", "skip" -> {
                    if (!step.changes() && step.kind().equals("backup")) {
                        out.println("  the backup cannot be skipped: nothing changes before it is written and checked");
                        continue;
                    }
                    out.println("  step " + step.n()
                            + " skipped; the verification at the end shows whether the repair holds without it");
                    return Verdict.SKIP;
                }
                case "a", "abort" -> {
                    aborted = true;
                    return Verdict.abort("aborted at step " + step.n());
                }
                case "e", "edit" -> {
                    Verdict edited = edit(plan);
                    if (edited != null) {
                        return edited;
                    }
                }
                default -> out.println("  " + CHOICES + "; Ctrl-C asks whether to abort");
            }
        }
    }

    /** New values for the parameters a person may set, then the plan made again with them; null to ask again. */
    private Verdict edit(Plan plan) {
        PrintWriter out = prompts.out();
        if (replanner == null || replanner.askable().isEmpty()) {
            out.println("  "
                    + (replanner == null
                            ? "a resumed repair runs the plan its journal holds; its parameters cannot change"
                            : "this playbook has no parameters to set"));
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>(plan.params());
        // a when-needed decision the plan did not need is asked only if the new values turn out to need it
        if (!askAll(params, p -> !p.whenNeeded() || params.get(p.name()) != null)) {
            return null;
        }
        if (params.equals(plan.params())) {
            out.println("  the same values: the plan is unchanged");
            return null;
        }
        try {
            Plan next;
            try {
                next = replanner.replan(params);
            } catch (MigrescueException needed) {
                if (needed.exitCode() != io.migrescue.failure.ExitCode.CONFIRMATION_NEEDED
                        || !askAll(params, p -> p.whenNeeded() && params.get(p.name()) == null)) {
                    throw needed;
                }
                next = replanner.replan(params);
            }
            out.println("  planned again with " + params);
            return Verdict.replan(next);
        } catch (MigrescueException e) {
            out.println(style.bad("  " + e.getMessage()));
            return null;
        }
    }

    /** Asks the parameters {@code which} selects, into {@code params}; false when the person cancelled. */
    private boolean askAll(Map<String, String> params, java.util.function.Predicate<ParamSpec> which) {
        PrintWriter out = prompts.out();
        for (ParamSpec p : replanner.askable()) {
            if (!which.test(p)) {
                continue;
            }
            p.meanings().forEach((choice, meaning) -> out.println("    " + style.bold(choice) + "  " + meaning));
            String value =
                    prompts.choose("  " + (p.ask() == null ? p.name() : p.ask()), p.choices(), params.get(p.name()));
            if (value == null) {
                out.println();
                return false;
            }
            params.put(p.name(), value);
        }
        return true;
    }

    @Override
    public void verifying(Plan plan) {
        prompts.out().println();
        prompts.out().println(style.bold("Verifying") + " " + plan.checks().size() + " check(s)…");
        prompts.out().flush();
        ticker.start("verifying");
    }

    @Override
    public void verified(Plan plan, boolean holds) {
        running = 0;
        ticker.stop();
        prompts.out()
                .println(
                        holds
                                ? "  " + style.ok("every check holds")
                                : "  " + style.bad("a check does not hold") + " (see below)");
        prompts.out().flush();
    }

    @Override
    public void refused(Step step, String why) {
        prompts.out().println(style.warn("  " + why));
    }

    @Override
    public void after(Plan plan, RepairReport.StepOutcome outcome) {
        running = 0;
        ticker.stop();
        PrintWriter out = prompts.out();
        String took = String.format(Locale.ROOT, " (%.1f s)", ticker.seconds());
        if (outcome.status() == StepStatus.DONE) {
            out.println("  " + style.ok("done") + style.dim(took)
                    + (outcome.rows() == null
                            ? ""
                            : "  " + io.migrescue.playbook.RowsTouched.rows(outcome.rows()) + " changed"));
            if (!outcome.kind().equals("backup")) {
                changed = true;
            }
        } else {
            out.println("  " + style.bad("FAILED") + style.dim(took) + ": " + outcome.error());
            failed = true;
            changed = true; // a statement of it may have taken effect: the journal and resume tell
        }
        if (interruptedDuringStep) {
            interruptedDuringStep = false;
            if (outcome.n() < plan.steps().size() && outcome.status() == StepStatus.DONE) {
                abortNext =
                        prompts.confirm("Ctrl-C was pressed during step " + outcome.n() + ". Abort the repair here?");
            }
        }
        out.flush();
    }

    /** Ctrl-C while a step runs: it is finished first, then the operator is asked. True when a step was running. */
    boolean interrupt() {
        int n = running;
        if (n == 0) {
            return false;
        }
        interruptedDuringStep = true;
        PrintWriter out = prompts.out();
        out.println();
        out.println(style.warn("Ctrl-C: step " + n
                + " finishes first (a statement stopped half way is what leaves a schema broken);"
                + " you will be asked whether to go on. If it has to wait for a lock, it stops there instead."));
        out.flush();
        return true;
    }

    private void started(Step step) {
        running = step.n();
        if (!step.kind().equals("backup")) { // the backup draws its own progress
            ticker.start("step " + step.n() + " running");
        } else {
            ticker.restart();
        }
    }

    static java.util.List<String> wrap(String text) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > 100 && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
