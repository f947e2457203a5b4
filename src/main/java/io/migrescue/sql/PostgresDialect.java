package io.migrescue.sql;

import io.migrescue.model.Engine;
import java.nio.charset.StandardCharsets;

/** PostgreSQL: double-quote quoting, a doubled quote inside; bare names folded to lower case; 63 bytes kept. */
final class PostgresDialect implements Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();
    /** NAMEDATALEN - 1: the server silently keeps this many bytes of a longer name (with a NOTICE). */
    static final int MAX_BYTES = 63;

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public String quote(String identifier) {
        requireUsable(identifier);
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Only ASCII letters: in a multi-byte encoding (UTF-8) the server leaves other letters as they are. */
    @Override
    public String foldBare(String word) {
        StringBuilder b = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (b == null) {
                    b = new StringBuilder(word);
                }
                b.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return b == null ? word : b.toString();
    }

    @Override
    public String stored(String name) {
        return name == null ? null : cut(name, MAX_BYTES);
    }

    @Override
    public String storedNote(String name) {
        if (name == null) {
            return null;
        }
        int bytes = bytes(name);
        return bytes <= MAX_BYTES
                ? null
                : "name " + name + " is " + bytes + " bytes; PostgreSQL keeps the first " + MAX_BYTES + ": "
                        + stored(name);
    }

    @Override
    public String fit(String name) {
        if (bytes(name) <= MAX_BYTES) {
            return name;
        }
        String hash = hash(name);
        return cut(name, MAX_BYTES - hash.length() - 1) + "_" + hash;
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of whole characters (code points) within {@code max} UTF-8 bytes, as pg_mbcliplen cuts. */
    static String cut(String s, int max) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > max) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    static String hash(String name) {
        return Integer.toHexString(name.hashCode() & 0xfffffff);
    }

    static void requireUsable(String identifier) {
        if (identifier == null || identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a usable identifier: " + identifier);
        }
    }
}
