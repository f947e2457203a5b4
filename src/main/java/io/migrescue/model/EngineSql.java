package io.migrescue.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The engine SQL migrescue runs for itself (locks, sessions, settings), one statement per key and engine, kept in
 * {@code engine/<engine>.sql} under a {@code -- KEY} line: MariaDB falls back to MySQL's text where it has none of its
 * own. Values are bound parameters ({@code ?}); each file is read once, when an engine's first text is asked for.
 */
public enum EngineSql {
    /** Short lock waits for a repair session: seconds, not the engine's default of a day or a year. */
    SESSION_LOCK_LIMITS,
    /** A one-second lock wait, for a probe that takes a step's locks and gives them back at once. */
    LOCK_PROBE_TIMEOUT,
    /** Gives back the table locks a probe took. */
    RELEASE_TABLE_LOCKS,
    /** Ends the session whose id is bound. */
    END_SESSION,
    /** Counts the sessions with the id bound: 0 once it is gone. */
    SESSION_ALIVE,
    /** Takes the one-repair-per-database lock without waiting: true when taken. */
    REPAIR_LOCK_TAKE,
    REPAIR_LOCK_RELEASE,
    /**
     * Sessions holding a lock on the table bound (where the engine takes one): id, user, client, program, state,
     * seconds, modes, query.
     */
    LOCK_HOLDERS,
    /** As {@link #LOCK_HOLDERS}, and the sessions with a transaction open for over a minute anywhere. */
    LOCK_HOLDERS_AND_LONG_TRANSACTIONS,
    /** A condition on a history lock row: taken less than the bound number of minutes ago. */
    HISTORY_LOCK_YOUNG,
    /** A condition: another session is connected from the address bound. */
    SESSION_FROM_ADDRESS,
    /** The setting a migration can start with to fail fast instead of queueing behind a lock. */
    MIGRATION_LOCK_TIMEOUT;

    private static final Pattern KEY = Pattern.compile("-- [A-Z_]+");
    private static final Map<Engine, Map<EngineSql, String>> TEXTS = new ConcurrentHashMap<>();

    /** This statement in {@code engine}'s SQL. */
    public String text(Engine engine) {
        String text = texts(engine).get(this);
        if (text == null && engine == Engine.MARIADB) {
            text = texts(Engine.MYSQL).get(this);
        }
        if (text == null) {
            throw new IllegalStateException("no engine SQL " + name() + " for " + engine.id());
        }
        return text;
    }

    /** How many values the statement binds. */
    public int parameters(Engine engine) {
        return (int) text(engine).chars().filter(c -> c == '?').count();
    }

    private static Map<EngineSql, String> texts(Engine engine) {
        return TEXTS.computeIfAbsent(engine, e -> parse(read("engine/" + e.id() + ".sql")));
    }

    /** Lines under a {@code -- KEY} line up to the next one; other comment lines and blank lines are left out. */
    static Map<EngineSql, String> parse(String file) {
        Map<EngineSql, String> out = new EnumMap<>(EngineSql.class);
        EngineSql key = null;
        StringBuilder text = new StringBuilder();
        for (String line : (file + "\n-- END").split("\n", -1)) {
            if (KEY.matcher(line.strip()).matches()) {
                if (key != null) {
                    out.put(key, text.toString().strip());
                }
                String name = line.strip().substring(3);
                key = name.equals("END") ? null : valueOf(name);
                text.setLength(0);
            } else if (!line.strip().startsWith("--") && !line.isBlank()) {
                text.append(text.length() == 0 ? "" : "\n").append(line.stripTrailing());
            }
        }
        return out;
    }

    private static String read(String path) {
        try (InputStream in = EngineSql.class.getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
