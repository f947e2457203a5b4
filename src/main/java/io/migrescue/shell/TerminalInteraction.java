package io.migrescue.shell;

import io.migrescue.app.RepairUseCase;
import io.migrescue.cli.Interaction;
import io.migrescue.repair.StepGate;
import java.io.PrintWriter;

/** The person at the shell's terminal, for the commands (see {@link Interaction}). */
final class TerminalInteraction implements Interaction {
    private final Prompts prompts;
    private final Style style;
    private final boolean redraws;
    private volatile StepWalk walking;
    private volatile java.util.function.Supplier<String> interruptHandler;

    TerminalInteraction(Prompts prompts, Style style, boolean redraws) {
        this.prompts = prompts;
        this.style = style;
        this.redraws = redraws;
    }

    @Override
    public String secret(String prompt) {
        return prompts.secret(prompt);
    }

    @Override
    public boolean confirm(String question) {
        return prompts.confirm(question);
    }

    @Override
    public String paste(String prompt) {
        return prompts.paste(prompt);
    }

    @Override
    public RepairUseCase.Dialog repairDialog() {
        return new RepairWalk(prompts, style, this, redraws);
    }

    @Override
    public StepGate resumeGate() {
        StepWalk walk = new StepWalk(prompts, style, null, redraws);
        walking(walk);
        return walk;
    }

    @Override
    public boolean redraws() {
        return redraws;
    }

    @Override
    public void interruptHandler(java.util.function.Supplier<String> handler) {
        this.interruptHandler = handler;
    }

    void walking(StepWalk walk) {
        this.walking = walk;
    }

    /** Ctrl-C while a command runs (not at a prompt: there JLine cancels the line). */
    void interrupted() {
        java.util.function.Supplier<String> handler = interruptHandler;
        String done = handler == null ? null : handler.get();
        if (done != null) {
            prompts.out().println();
            prompts.out().println(style.warn(done));
            prompts.out().flush();
            return;
        }
        StepWalk walk = walking;
        if (walk != null && walk.interrupt()) {
            return;
        }
        PrintWriter out = prompts.out();
        out.println();
        out.println(
                style.warn(
                        "Ctrl-C: the command is still running and ends by itself; a repair step in progress is never cut off half way."));
        out.flush();
    }
}
