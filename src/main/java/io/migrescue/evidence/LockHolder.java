package io.migrescue.evidence;

import java.util.Locale;

/**
 * A session that holds (or may hold) a lock another one waits for.
 *
 * @param id      the PostgreSQL backend pid, or the MySQL/MariaDB connection id
 * @param client  the address it connects from (MySQL: host:port), or null
 * @param program the application name it gave (PostgreSQL), or null
 * @param state   what it is doing: {@code idle in transaction}, {@code active}, MySQL's command ({@code Sleep}, {@code Query})
 * @param seconds how long its transaction (else its statement) has been open
 * @param modes   the lock modes it holds on the table (PostgreSQL), or null
 * @param query   its current or last statement, or null
 */
public record LockHolder(
        boolean postgres,
        long id,
        String user,
        String client,
        String program,
        String state,
        long seconds,
        String modes,
        String query) {
    private static final int QUERY_SHOWN = 60;

    /**
     * One phrase for a progress line: {@code pid 4242 (app@10.0.0.5, idle in transaction for 3m12s: UPDATE orders …)}
     * (with the application's name after the address when it gave one).
     */
    public String brief() {
        String who = user
                + (client == null || client.isBlank() ? "" : "@" + client)
                + (program == null || program.isBlank() ? "" : ", " + program);
        String statement = query == null || query.isBlank() ? "" : ": " + shorten(query);
        return (postgres ? "pid " : "connection ") + id + " (" + who + ", " + state + " for " + age(seconds) + statement
                + ")";
    }

    /** 42s, 3m12s, 2h05m. */
    static String age(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    private static String shorten(String query) {
        String flat = query.strip().replaceAll("\\s+", " ");
        return flat.length() <= QUERY_SHOWN ? flat : flat.substring(0, QUERY_SHOWN) + " …";
    }
}
