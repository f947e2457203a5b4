package io.migrescue.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.schema.Table;

/** Identifiers as the catalog spells them: quotes removed, case kept; qualified names split into schema and name. */
final class Names {

    /** A possibly schema-qualified name; schema is null when the statement does not qualify it. */
    record QualifiedName(String schema, String name) {}

    private Names() {}

    /**
     * {@code `a``b`} → {@code a`b}, {@code "a""b"} → {@code a"b}, a {@link NameMask} placeholder → the name it stands
     * for; anything else is returned as is.
     */
    static String unquote(String identifier) {
        if (identifier == null || identifier.length() < 2) {
            return identifier;
        }
        char q = identifier.charAt(0);
        if ((q == '`' || q == '"') && identifier.charAt(identifier.length() - 1) == q) {
            String masked = NameMask.decode(identifier.substring(1, identifier.length() - 1));
            return masked != null ? masked : unquoteAsWritten(identifier);
        }
        return identifier;
    }

    /** {@code `a``b`} → {@code a`b}, {@code "a""b"} → {@code a"b}; anything else is returned as is. */
    static String unquoteAsWritten(String identifier) {
        if (identifier == null || identifier.length() < 2) {
            return identifier;
        }
        char q = identifier.charAt(0);
        if ((q == '`' || q == '"') && identifier.charAt(identifier.length() - 1) == q) {
            String doubled = String.valueOf(q) + q;
            return identifier.substring(1, identifier.length() - 1).replace(doubled, String.valueOf(q));
        }
        return identifier;
    }

    static List<String> unquote(List<String> identifiers) {
        List<String> names = new ArrayList<>();
        if (identifiers != null) {
            identifiers.forEach(i -> names.add(unquote(i)));
        }
        return names;
    }

    static QualifiedName of(Table table) {
        return new QualifiedName(unquote(table.getSchemaName()), unquote(table.getName()));
    }

    /** A name read from tokens, and the index of the token after it. */
    record NameAt(QualifiedName name, int end) {}

    /** Reads {@code name} or {@code schema.name} at token {@code i}, or returns null when no name starts there. */
    static NameAt read(Tokens tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return null;
        }
        List<String> parts = new ArrayList<>(List.of(unquote(tokens.get(i).text())));
        int j = i + 1;
        while (j + 1 < tokens.size()
                && tokens.get(j).isSymbol(".")
                && tokens.get(j + 1).isName()) {
            parts.add(unquote(tokens.get(j + 1).text()));
            j += 2;
        }
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        return new NameAt(new QualifiedName(schema, parts.get(parts.size() - 1)), j);
    }
}
