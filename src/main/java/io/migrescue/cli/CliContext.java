package io.migrescue.cli;

import java.util.Map;

/** What every command may need from its surroundings, injected so that tests control it. */
public record CliContext(Map<String, String> environment, boolean interactive) {
    public CliContext {
        environment = Map.copyOf(environment);
    }
}
