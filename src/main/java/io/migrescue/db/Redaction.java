package io.migrescue.db;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one place that keeps secrets out of what migrescue shows and writes. {@link #url} strips credentials from
 * any URL; {@link #scrub} removes every secret registered in this process (passwords read from options, files,
 * environment or URLs) from arbitrary text, such as a driver's error message or a log line.
 */
public final class Redaction {
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/?#@:]*):[^@/?#]*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&;](?:password|pass|pwd)=)[^&;#\\s]*");
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    public static final String MASK = "****";

    private Redaction() {
    }

    /** A URL with any password removed, in the user-info part or in the query string. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String out = USERINFO_PASSWORD.matcher(url).replaceAll("$1:" + MASK + "@");
        out = QUERY_PASSWORD.matcher(out).replaceAll("$1" + MASK);
        return scrub(out);
    }

    /** How a connection target is shown everywhere: the JDBC URL, which never holds credentials. */
    static String describe(ConnectionTarget target, boolean hasPassword) {
        return target.jdbcUrl() + (hasPassword ? " (password redacted)" : "");
    }

    /** Remember a secret so that {@link #scrub} removes it from any text from now on. */
    public static void register(String secret) {
        if (secret != null && !secret.isEmpty()) {
            SECRETS.add(secret);
        }
    }

    public static String scrub(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    static Collection<String> registeredForTest() {
        return Set.copyOf(SECRETS);
    }
}
