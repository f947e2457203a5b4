package io.migrescue.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one place that keeps secrets out of what migrescue shows and writes. {@link #url} strips credentials from
 * any URL; {@link #scrub} masks every secret registered in this process (passwords read from options, files,
 * environment or URLs) in arbitrary text, such as a driver's error message or a log line.
 *
 * <p>The rule {@link #scrub} follows, so that a password never shows and a message is never garbled:
 * <ul>
 *     <li>Only whole tokens count: an occurrence of the secret inside a longer word (letters, digits, {@code _}) is
 *     not the secret and stays.</li>
 *     <li>In a <em>secret position</em> the secret is always masked, however short or common: a URL's user-info
 *     ({@code //user:SECRET@}), a key-value pair whose key names a password ({@code password=SECRET},
 *     {@code PGPASSWORD=SECRET}, {@code MYSQL_PWD: SECRET}, {@code "password":"SECRET"}, quoted or not), a
 *     command-line option ({@code --password=SECRET}, {@code --password SECRET}, {@code -pSECRET}), and SQL that
 *     sets one ({@code IDENTIFIED BY 'SECRET'}, {@code PASSWORD 'SECRET'}).</li>
 *     <li>Anywhere else the secret is masked only when it is <em>distinctive</em>: at least 16 characters, or at least
 *     8 with two kinds of character (lower case, upper case, digits, others), and not the name of the user or database
 *     ({@link #registerShown}). A short or one-kind password ({@code root}, {@code o}, {@code wrong}, {@code postgres})
 *     is an ordinary word of the message everywhere else: masking it there would hide the user name and garble the
 *     text, and the drivers (PgJDBC, MariaDB Connector/J, MySQL Connector/J) never quote the password in a message.</li>
 * </ul>
 */
public final class Redaction {
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/?#@:]*):[^@/?#]*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)([?&;](?:password|pass|pwd)=)[^&;#\\s]*");
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();
    /** The last word of a key that holds a password: {@code password}, {@code PGPASSWORD}, {@code MYSQL_PWD}, {@code db.pass}. */
    private static final Set<String> PASSWORD_KEYS =
            Set.of("password", "passwd", "pass", "pwd", "secret", "pgpassword");

    private static final int LONGEST_KEY = 64;
    public static final String MASK = "****";

    private Redaction() {}

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

    /** Remember a secret so that {@link #scrub} masks it from now on. */
    public static void register(String secret) {
        if (secret != null && !secret.isEmpty()) {
            SECRETS.add(secret);
        }
    }

    /**
     * Remember a name that messages show on purpose (the user, the database): a password equal to it is masked only in
     * secret positions, so that {@code login refused for user 'root'} still says who.
     */
    public static void registerShown(String name) {
        if (name != null && !name.isEmpty()) {
            SHOWN.add(name.toLowerCase(Locale.ROOT));
        }
    }

    public static String scrub(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        return scrub(text, SECRETS, SHOWN);
    }

    /** {@link #scrub} with the given secrets and shown names (lower case) instead of the registered ones. */
    static String scrub(String text, Collection<String> secrets, Collection<String> shown) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        List<int[]> masked = new ArrayList<>();
        for (String secret : secrets) {
            boolean everywhere = distinctive(secret, shown);
            for (int i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + 1)) {
                int j = i + secret.length();
                if (tokenEnd(text, j)
                        && (gluedOption(text, i)
                                || tokenStart(text, i) && (everywhere || secretPosition(text, i, j)))) {
                    masked.add(new int[] {i, j});
                }
            }
        }
        if (masked.isEmpty()) {
            return text;
        }
        masked.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int[] m : masked) {
            if (m[1] <= at) {
                continue; // inside a range already masked
            }
            if (m[0] >= at) {
                out.append(text, at, m[0]).append(MASK);
            }
            at = m[1];
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Masked wherever it stands as a token (see the class comment). */
    static boolean distinctive(String secret, Collection<String> shown) {
        if (shown.contains(secret.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int kinds = 0;
        if (secret.chars().anyMatch(Character::isLowerCase)) {
            kinds++;
        }
        if (secret.chars().anyMatch(Character::isUpperCase)) {
            kinds++;
        }
        if (secret.chars().anyMatch(Character::isDigit)) {
            kinds++;
        }
        if (secret.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) {
            kinds++;
        }
        return secret.length() >= 16 || secret.length() >= 8 && kinds >= 2;
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean tokenStart(String text, int i) {
        return i == 0 || !word(text.charAt(i - 1)) || !word(text.charAt(i));
    }

    private static boolean tokenEnd(String text, int j) {
        return j >= text.length() || !word(text.charAt(j)) || !word(text.charAt(j - 1));
    }

    private static boolean quote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    /** {@code -pSECRET} as the MySQL clients take it: the option begins a word. */
    private static boolean gluedOption(String text, int i) {
        return i >= 2
                && text.charAt(i - 1) == 'p'
                && text.charAt(i - 2) == '-'
                && (i == 2 || Character.isWhitespace(text.charAt(i - 3)));
    }

    private static boolean secretPosition(String text, int i, int j) {
        int k = i;
        boolean quoted = i > 0 && quote(text.charAt(i - 1));
        if (quoted) {
            if (j >= text.length() || text.charAt(j) != text.charAt(i - 1)) {
                return false;
            }
            k = i - 1;
        }
        if (!quoted
                && k > 0
                && text.charAt(k - 1) == ':'
                && j < text.length()
                && text.charAt(j) == '@'
                && userInfoBefore(text, k - 1)) {
            return true;
        }
        int p = k;
        while (p > 0 && k - p < 8 && (text.charAt(p - 1) == ' ' || text.charAt(p - 1) == '\t')) {
            p--;
        }
        if (p > 0 && (text.charAt(p - 1) == '=' || text.charAt(p - 1) == ':')) {
            int q = p - 1;
            while (q > 0 && p - q < 8 && text.charAt(q - 1) == ' ') {
                q--;
            }
            if (q > 0 && quote(text.charAt(q - 1))) {
                q--; // the closing quote of a JSON key: "password":"…"
            }
            return passwordKey(keyBefore(text, q));
        }
        if (p == k) {
            return false;
        }
        String before = keyBefore(text, p).toLowerCase(Locale.ROOT);
        if (before.equals("--password") || before.equals("--pass")) {
            return true;
        }
        if (!quoted || text.charAt(i - 1) != '\'') {
            return false; // SQL string literals only
        }
        if (before.equals("password")) {
            return true; // CREATE ROLE app PASSWORD 'secret'
        }
        if (before.equals("by")) {
            int r = p - 2;
            while (r > 0 && Character.isWhitespace(text.charAt(r - 1))) {
                r--;
            }
            return keyBefore(text, r).equalsIgnoreCase("identified");
        }
        return false;
    }

    /** The characters of a key or option name that end at {@code end}: letters, digits, {@code _ . -}. */
    private static String keyBefore(String text, int end) {
        int start = end;
        while (start > 0 && end - start < LONGEST_KEY) {
            char c = text.charAt(start - 1);
            if (!(word(c) || c == '.' || c == '-')) {
                break;
            }
            start--;
        }
        return text.substring(start, end);
    }

    private static boolean passwordKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        int cut = Math.max(k.lastIndexOf('_'), Math.max(k.lastIndexOf('.'), k.lastIndexOf('-')));
        String last = k.substring(cut + 1);
        return PASSWORD_KEYS.contains(last) || last.endsWith("password");
    }

    /** Before the colon at {@code colon}: {@code //user}, the start of a URL's user-info. */
    private static boolean userInfoBefore(String text, int colon) {
        int s = colon;
        while (s > 0 && colon - s < 256) {
            char c = text.charAt(s - 1);
            if (c == '/') {
                return s >= 2 && text.charAt(s - 2) == '/';
            }
            if (c == '@' || c == ':' || Character.isWhitespace(c)) {
                return false;
            }
            s--;
        }
        return false;
    }

    static Collection<String> registeredForTest() {
        return Set.copyOf(SECRETS);
    }
}
