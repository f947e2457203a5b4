package io.migrescue.cli;

import picocli.CommandLine;

/** Picocli factory that hands the shared {@link CliContext} to the commands and mixins that ask for it. */
final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        K instance = fallback.create(cls);
        if (instance instanceof NeedsContext needsContext) {
            needsContext.setContext(context);
        }
        return instance;
    }

    interface NeedsContext {
        void setContext(CliContext context);
    }
}
