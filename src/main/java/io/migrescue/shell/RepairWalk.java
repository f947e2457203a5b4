package io.migrescue.shell;

import io.migrescue.app.RepairUseCase;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.MigrescueException;
import io.migrescue.playbook.ParamSpec;
import io.migrescue.playbook.Plan;
import io.migrescue.repair.RepairReport;
import io.migrescue.repair.RepairStatus;
import io.migrescue.repair.StepGate;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The shell's side of an interactive repair: the decisions and parameters the playbook needs (choices and default
 * shown), the plan, then the step-by-step walk; after an abort, whether to roll back.
 */
final class RepairWalk implements RepairUseCase.Dialog {
    private final Prompts prompts;
    private final Style style;
    private final TerminalInteraction interaction;
    private final boolean redraws;
    private StepWalk walk;

    RepairWalk(Prompts prompts, Style style, TerminalInteraction interaction, boolean redraws) {
        this.prompts = prompts;
        this.style = style;
        this.interaction = interaction;
        this.redraws = redraws;
    }

    @Override
    public String ask(String playbook, ParamSpec param, String proposed) {
        return ask(playbook, param, proposed, Map.of());
    }

    @Override
    public String ask(String playbook, ParamSpec param, String proposed, Map<String, List<String>> rowsByChoice) {
        PrintWriter out = prompts.out();
        if (param.decision()) {
            out.println(style.warn(playbook + " needs a decision about rows (the backup keeps the rows it changes):"));
        }
        for (String choice : param.choices()) {
            String meaning = param.meaning(choice);
            List<String> rows = rowsByChoice.getOrDefault(choice, List.of());
            if (meaning != null || !rows.isEmpty()) {
                out.println("  " + style.bold(choice) + (meaning == null ? "" : "  " + meaning));
                rows.forEach(r -> out.println("      " + style.dim(r)));
            }
        }
        String answer = prompts.choose(param.ask() == null ? param.name() : param.ask(), param.choices(), proposed);
        if (answer == null) {
            out.println();
            throw new MigrescueException(ExitCode.CONFIRMATION_NEEDED, "repair cancelled; nothing was changed");
        }
        return answer;
    }

    @Override
    public void planned(Plan plan) {
        PrintWriter out = prompts.out();
        out.println();
        out.println(style.bold("Plan") + "  " + style.accent(plan.playbook()) + ": " + plan.title());
        out.println("Finding  " + io.migrescue.report.RepairRenderer.finding(plan));
        if (!plan.params().isEmpty()) {
            StringBuilder p = new StringBuilder();
            plan.params().forEach((k, v) -> p.append(k).append('=').append(v).append("  "));
            out.println("Params   " + p.toString().strip());
        }
        plan.explanations().forEach(e -> out.println("Why      " + e));
        plan.steps().forEach(s -> {
            out.println(String.format("  %2d. %s", s.n(), s.description()));
            s.rows().forEach(r -> out.println("      rows: " + r.describe()));
        });
        out.println(
                style.dim(
                        "Each step is shown with its SQL and asked about before it runs; nothing changes before the backup is checked."));
        out.flush();
    }

    @Override
    public StepGate gate(RepairUseCase.Replanner replanner) {
        walk = new StepWalk(prompts, style, replanner, redraws);
        interaction.walking(walk);
        return walk;
    }

    @Override
    public boolean rollBack(RepairReport stopped) {
        interaction.walking(null);
        if (stopped.status() == RepairStatus.VERIFICATION_FAILED) {
            return prompts.confirm("Verification failed. Roll back what this repair changed, restoring the backup?"
                    + " (no: it stays as it is; resume --rollback undoes it later)");
        }
        if (walk == null || !walk.aborted() && !walk.failed()) {
            return false; // [n]o: stopped on purpose, to be resumed
        }
        if (!walk.changed()) {
            prompts.out().println("Nothing in the database was changed; the backup stays in " + stopped.backup() + ".");
            return false;
        }
        return prompts.confirm(
                (walk.failed() ? "The repair stopped at a failed step. " : "")
                        + "Roll back what this repair changed, restoring the backup? (no: it stays as the journal says; resume continues it)");
    }
}
