package io.migrescue.cli;

/**
 * A command that needs the run's context (the environment, the person at the terminal, the shell's session):
 * {@link ContextFactory} hands it over when picocli builds the command.
 */
abstract class ContextAware implements ContextFactory.NeedsContext {
    protected CliContext context;

    @Override
    public void setContext(CliContext context) {
        this.context = context;
    }
}
