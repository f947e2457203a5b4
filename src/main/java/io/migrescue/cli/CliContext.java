package io.migrescue.cli;

import java.io.InputStream;
import java.util.Map;

/**
 * What every command may need from its surroundings, injected so that tests control it.
 *
 * @param stdin read for {@code --error-file -} and by {@code explain} when no error is given
 */
public record CliContext(Map<String, String> environment, boolean interactive, InputStream stdin) {
    public CliContext {
        environment = Map.copyOf(environment);
    }
}
