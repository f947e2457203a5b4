package io.migrescue.diff;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the text the catalogs give (types, defaults, check clauses, index predicates) in a form that compares equal
 * when it means the same on both sides. PostgreSQL prints a name schema-qualified when its schema is not on the
 * search path: a table moved to {@code myschema} has {@code nextval('myschema.votes_id_seq'::regclass)} where the
 * source says {@code nextval('votes_id_seq'::regclass)}, and an enum column's type reads {@code myschema.status}.
 * So the schemas in scope are taken out of names before comparing. The text is only compared, never run.
 */
final class Expressions {
    private final List<String> schemas;
    private final List<Pattern> qualifiers;

    Expressions(List<String> schemasInScope) {
        this.schemas = List.copyOf(schemasInScope);
        this.qualifiers = schemasInScope.stream()
                .map(s -> Pattern.compile("(?<![\\w$\"])(?:" + Pattern.quote("\"" + s.replace("\"", "\"\"") + "\"")
                        + "|" + Pattern.quote(s) + ")\\."))
                .toList();
    }

    String normalize(String text) {
        if (text == null) {
            return null;
        }
        String out = text.strip();
        for (int i = 0; i < qualifiers.size(); i++) {
            // most text names no schema at all: a plain search first spares 20,000 columns a regular expression each
            if (out.contains(schemas.get(i).replace("\"", "\"\"") + ".") || out.contains(schemas.get(i) + "\".")) {
                out = qualifiers.get(i).matcher(out).replaceAll("");
            }
        }
        return out;
    }

    /** MySQL 8 marks every expression default {@code DEFAULT_GENERATED}: the default says so already. */
    static String extra(String extra) {
        if (extra == null) {
            return "";
        }
        String e =
                extra.toLowerCase(Locale.ROOT).replace("default_generated", "").strip();
        return e.replaceAll("\\s+", " ");
    }

    private static final Pattern OUTER_PARENS = Pattern.compile("^\\((.*)\\)$");

    /** {@code ((price > 0))} and {@code (price > 0)}: engines add parentheses of their own to check clauses. */
    static String unwrap(String expression) {
        if (expression == null) {
            return null;
        }
        String e = expression.strip();
        Matcher m = OUTER_PARENS.matcher(e);
        while (m.matches() && balanced(m.group(1))) {
            e = m.group(1).strip();
            m = OUTER_PARENS.matcher(e);
        }
        return e;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
