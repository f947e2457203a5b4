package io.migrescue.backup;

import java.time.Duration;

/**
 * How a restore behaves.
 *
 * @param lockTimeout how long to wait for a table lock before giving up (and, on PostgreSQL, rolling back): a
 *                    restore must not queue production traffic behind it for long
 */
public record RestoreOptions(Duration lockTimeout) {
    public static RestoreOptions defaults() {
        return new RestoreOptions(Duration.ofSeconds(10));
    }
}
